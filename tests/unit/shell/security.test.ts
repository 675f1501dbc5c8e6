import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_ENTRY, resolveAppFile } from '../../../electron/shell/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/transports/http';
import { menuTemplate, type ShellCommand } from '../../../electron/shell/menu';
import { SHELL_STRINGS } from '../../../electron/shell/strings';
import { denyAllPermissions, isOpenableExternalUrl, isTrustedSender, lockDownWebContents, secureWebPreferences } from '../../../electron/shell/security';

// Electron's security checklist, rule by rule, against fakes of the Electron
// objects (the binary cannot run here). Where it can, the Playwright _electron
// project checks the running app as well.

const root = path.resolve(import.meta.dirname, '../../..');

describe('window options', () => {
  it('turn on isolation, the sandbox and web security, and Node off', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});

describe('navigation and new windows', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) => {
        listeners.set(name, fn);
        return contents;
      },
      setWindowOpenHandler: (fn: typeof openHandler) => {
        openHandler = fn;
      },
    };
    lockDownWebContents(contents as never);
    const fire = (name: string, url: string) => {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { fire, open: (url: string) => openHandler!({ url }) };
  }

  it('blocks will-navigate and will-redirect away from the app', () => {
    const c = fakeContents();
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'app://other/index.html', 'javascript:alert(1)']) {
      expect(c.fire('will-navigate', url), url).toBe(true);
      expect(c.fire('will-redirect', url), url).toBe(true);
    }
    expect(c.fire('will-navigate', APP_ENTRY)).toBe(false); // a reload of the app itself
  });

  it('denies every new window, even to an https link', () => {
    const c = fakeContents();
    expect(c.open('https://example.org/')).toEqual({ action: 'deny' });
    expect(c.open('app://casefile/index.html')).toEqual({ action: 'deny' });
  });

  it('blocks <webview> attachment', () => {
    expect(fakeContents().fire('will-attach-webview', '')).toBe(true);
  });
});

describe('openExternal', () => {
  it('opens only https links without credentials', () => {
    expect(isOpenableExternalUrl('https://www.ohchr.org/en/special-procedures/wg-arbitrary-detention')).toBe(true);
    for (const url of ['http://example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.org', 'not a url']) {
      expect(isOpenableExternalUrl(url), url).toBe(false);
    }
  });
});

describe('permissions', () => {
  it('are denied, whatever is asked', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    denyAllPermissions({
      setPermissionRequestHandler: (fn: never) => void (handlers.request = fn),
      setPermissionCheckHandler: (fn: never) => void (handlers.check = fn),
      setDevicePermissionHandler: (fn: never) => void (handlers.device = fn),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      (handlers.request as (...a: unknown[]) => void)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect((handlers.check as (...a: unknown[]) => boolean)({}, permission)).toBe(false);
    }
    expect((handlers.device as () => boolean)()).toBe(false);
  });
});

describe('IPC sender', () => {
  it("accepts only the app's own top frame", () => {
    expect(isTrustedSender({ url: 'app://casefile/index.html', parent: null } as never)).toBe(true);
    expect(isTrustedSender({ url: 'app://casefile/index.html#/case/1', parent: null } as never)).toBe(true);
    expect(isTrustedSender({ url: 'app://casefile/index.html', parent: {} } as never)).toBe(false); // a subframe
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null } as never)).toBe(false);
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null } as never)).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const dir = '/opt/casefile/renderer';
  it('serves files under the renderer folder', () => {
    expect(resolveAppFile('app://casefile/index.html', dir)).toBe(`${dir}/index.html`);
    expect(resolveAppFile('app://casefile/', dir)).toBe(`${dir}/index.html`);
    expect(resolveAppFile('app://casefile/assets/index-1.js?x=1#y', dir)).toBe(`${dir}/assets/index-1.js`);
  });
  it('refuses path traversal, other hosts and other schemes', () => {
    for (const url of [
      'app://casefile/..%2f..%2fetc%2fpasswd',
      'app://casefile/assets/..%2f..%2f..%2fsecret',
      'app://casefile/%00index.html',
      'app://other/index.html',
      'file:///opt/casefile/renderer/index.html',
      'app://casefile/%E0%A4%A',
    ]) {
      expect(resolveAppFile(url, dir), url).toBeNull();
    }
  });
  it('never resolves outside the renderer folder, however the dots are written', () => {
    // The URL parser folds literal and %2e-encoded dot segments before we see them.
    for (const url of ['app://casefile/../../etc/passwd', 'app://casefile/%2e%2e/%2e%2e/etc/passwd', 'app://casefile/a/.%2e/.%2e/.%2e/x']) {
      const file = resolveAppFile(url, dir);
      expect(file === null || file.startsWith(`${dir}/`), `${url} → ${file}`).toBe(true);
    }
  });
});

describe('the menu', () => {
  it('has File (New case, Import, Export, Settings, Lock, Quit), Edit, View and Help (About), each sending its command', () => {
    const sent: ShellCommand[] = [];
    const template = menuTemplate((c) => sent.push(c), false, SHELL_STRINGS.en);
    const labels = template.map((m) => m.label ?? m.role);
    expect(labels).toEqual(['&File', 'editMenu', '&View', '&Help']);
    const file = template[0]!.submenu as Array<{ label?: string; role?: string; accelerator?: string; click?: () => void }>;
    expect(file.map((i) => i.label ?? i.role).filter(Boolean)).toEqual(['New Case', 'Import Bundle…', 'Export Bundle…', 'Settings…', 'Lock', 'quit']);
    for (const item of file) item.click?.();
    ((template[3]!.submenu as Array<{ click?: () => void }>)[0]!.click!)();
    expect(sent).toEqual(['new-case', 'import', 'export', 'settings', 'lock', 'about']);
    expect(file[0]!.accelerator).toBe('CmdOrCtrl+N');
  });

  it('speaks the interface language: Russian and Kazakh labels, the same commands and shortcuts', () => {
    for (const [lang, first, importLabel] of [['ru', 'Новое дело', 'Импорт пакета…'], ['kk', 'Жаңа іс', 'Буманы импорттау…']] as const) {
      const sent: ShellCommand[] = [];
      const template = menuTemplate((c) => sent.push(c), false, SHELL_STRINGS[lang]);
      const file = template[0]!.submenu as Array<{ label?: string; accelerator?: string; click?: () => void }>;
      expect(file[0]).toMatchObject({ label: first, accelerator: 'CmdOrCtrl+N' });
      expect(file[2]!.label).toBe(importLabel);
      for (const item of file) item.click?.();
      expect(sent).toEqual(['new-case', 'import', 'export', 'settings', 'lock']);
    }
    // Every label the shell shows exists, non-empty, in every language.
    for (const strings of Object.values(SHELL_STRINGS)) {
      expect(Object.keys(strings).sort()).toEqual(Object.keys(SHELL_STRINGS.en).sort());
      for (const value of Object.values(strings)) expect(value.trim()).not.toBe('');
    }
  });
});

describe('the preload', () => {
  it('exposes three frozen objects derived from the contract and the event table, and nothing else', async () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async () => ({ ok: true, value: 'done' }));
    const on = vi.fn();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
      ipcRenderer: { invoke, on, removeListener: vi.fn() },
    }));
    const activation = { isActive: false };
    vi.stubGlobal('navigator', { userActivation: activation });
    try {
      await import('../../../electron/preload');
      expect([...exposed.keys()]).toEqual(['casefile', 'casefileEvents', 'casefileShell']);
      // The core's events: one listener method; what breaks the event table never reaches the page.
      const events = exposed.get('casefileEvents') as { onEvent(listener: (event: unknown) => void): () => void };
      expect(Object.isFrozen(events)).toBe(true);
      expect(Object.keys(events)).toEqual(['onEvent']);
      const heard: unknown[] = [];
      events.onEvent((event) => heard.push(event));
      const [channel, forward] = on.mock.calls.at(-1) as [string, (event: never, value: unknown) => void];
      expect(channel).toBe('casefile:event');
      forward({} as never, { type: 'cases.changed', data: { id: 'a', rev: 2, cause: 'update' } });
      forward({} as never, { type: 'cases.changed', data: { id: 'a', rev: 'two', cause: 'update' } });
      forward({} as never, { type: 'shell:open-external', data: 'https://evil.example' });
      expect(heard).toEqual([{ type: 'cases.changed', data: { id: 'a', rev: 2, cause: 'update' } }]);
      const api = exposed.get('casefile') as Record<string, (input: unknown) => Promise<unknown>>;
      expect(Object.isFrozen(api)).toBe(true);
      const { OPERATION_NAMES } = await import('../../../shared/operations');
      expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort());
      expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
      expect(await api['cases.list']!({})).toEqual({ ok: true, value: 'done' });
      expect(invoke).toHaveBeenLastCalledWith('cases.list', {});

      const shell = exposed.get('casefileShell') as { openExternal(url: string): Promise<boolean> };
      expect(Object.isFrozen(shell)).toBe(true);
      expect(Object.keys(shell).sort()).toEqual(['chooseBundlePath', 'chooseFolder', 'chooseOriginalPath', 'onBundleOpened', 'onCommand', 'openExternal', 'saveFile', 'setLanguage', 'takeOpenedBundle']);
      invoke.mockClear();
      expect(await shell.openExternal('https://example.org')).toBe(false); // no user gesture: not even asked
      expect(invoke).not.toHaveBeenCalled();
      activation.isActive = true;
      await shell.openExternal('https://example.org');
      expect(invoke).toHaveBeenCalledWith('shell:open-external', 'https://example.org');
    } finally {
      vi.unstubAllGlobals();
      vi.doUnmock('electron');
    }
  });
});

describe('main.ts wires every rule', () => {
  it('uses the secure options, the lock-down, the permission handler, the sender check and app://', async () => {
    const main = await readFile(path.join(root, 'electron/main.ts'), 'utf8');
    for (const needle of ['secureWebPreferences(', 'lockDownWebContents(contents)', 'denyAllPermissions(session.defaultSession)', 'registerShell(', 'createShellDoor(', 'registerContract(ipcMain, onlyChosenFolders(dispatch, chosenFolders))', 'chooseFolder((options) => dialog.showOpenDialog(win, options), chosenFolders', 'protocol.handle(APP_SCHEME', 'loadURL(APP_ENTRY)', 'requestSingleInstanceLock()']) {
      expect(main).toContain(needle);
    }
    expect(main).not.toMatch(/loadFile\(|nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/);
    // main.ts registers no IPC handler of its own: the contract's and the shell's channels each go through
    // one loop that checks the sender first (the shell's door is tested in shellDoor.test.ts).
    expect(main).not.toContain('ipcMain.handle(');
    const ipc = await readFile(path.join(root, 'electron/shell/ipc.ts'), 'utf8');
    expect(ipc).toContain('if (!isTrustedSender(event.senderFrame)) return REFUSED;');
    const door = await readFile(path.join(root, 'electron/shell/shellDoor.ts'), 'utf8');
    expect(door.indexOf('if (!isTrustedSender(frame))')).toBeGreaterThan(0);
    expect(door.indexOf('if (!isTrustedSender(frame))')).toBeLessThan(door.indexOf('spec.input.safeParse(args)'));
    const html = await readFile(path.join(root, 'renderer/index.html'), 'utf8');
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    // The page's own policy matches the header's (frame-ancestors only works as a header).
    expect(csp).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });
});
