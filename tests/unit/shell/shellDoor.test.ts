import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/errors';
import { SHELL_CALL_NAMES, SHELL_CALLS, SHELL_CHANNELS } from '../../../shared/shellCommands';
import { shellContract, type ShellHandlers } from '../../../shared/shellContract';
import { createShellDoor, registerShell } from '../../../electron/shell/shellDoor';

// The shell's own channels through one door: the table names them, the sender is
// checked once, the arguments are validated against the table, and a refusal is a
// ServiceError-shaped result. Electron's objects are fakes (the binary cannot run here).

const appFrame = { url: 'app://casefile/index.html', parent: null };
const evilFrame = { url: 'https://evil.example/', parent: null };

function recordingHandlers() {
  const calls: [string, unknown[]][] = [];
  const handlers: ShellHandlers = {
    openExternal: (...args) => (calls.push(['openExternal', args]), true),
    saveFile: (...args) => (calls.push(['saveFile', args]), { saved: true, path: '/home/u/Documents/brief.pdf' }),
    takeOpenedBundle: (...args) => (calls.push(['takeOpenedBundle', args]), null),
    setLanguage: (...args) => (calls.push(['setLanguage', args]), true),
    chooseFolder: (...args) => (calls.push(['chooseFolder', args]), '/media/usb'),
    chooseOriginalPath: (...args) => (calls.push(['chooseOriginalPath', args]), '/media/usb/verdict.pdf'),
    chooseBundlePath: (...args) => (calls.push(['chooseBundlePath', args]), '/media/usb/cases.casefile.zip'),
  };
  return { calls, handlers };
}

describe('the shell’s table', () => {
  it('declares a schema for every method the preload exposes, and the channels main registers are exactly its channels', () => {
    expect(Object.keys(shellContract).sort()).toEqual([...SHELL_CALL_NAMES].sort());
    const registered: string[] = [];
    registerShell({ handle: (channel: string) => void registered.push(channel) } as never, createShellDoor(recordingHandlers().handlers));
    expect(registered.sort()).toEqual([SHELL_CHANNELS.chooseFolder, SHELL_CHANNELS.chooseOriginalPath, SHELL_CHANNELS.chooseBundlePath, SHELL_CHANNELS.openBundle, SHELL_CHANNELS.openExternal, SHELL_CHANNELS.saveFile, SHELL_CHANNELS.setLanguage].sort());
  });
});

describe('the shell’s door', () => {
  it('serves a valid call from the app’s own page with what the handler answers', async () => {
    const { calls, handlers } = recordingHandlers();
    const door = createShellDoor(handlers);
    const data = new Uint8Array([37, 80, 68, 70]);
    expect(await door('saveFile', appFrame, ['brief.pdf', data, 'pdf'])).toEqual({ ok: true, value: { saved: true, path: '/home/u/Documents/brief.pdf' } });
    expect(await door('setLanguage', appFrame, ['kk'])).toEqual({ ok: true, value: true });
    expect(await door('chooseFolder', appFrame, [])).toEqual({ ok: true, value: '/media/usb' });
    expect(calls).toEqual([
      ['saveFile', ['brief.pdf', data, 'pdf']],
      ['setLanguage', ['kk']],
      ['chooseFolder', []],
    ]);
  });

  it('refuses a channel not in the table, with a ServiceError-shaped result and no handler run', async () => {
    const { calls, handlers } = recordingHandlers();
    const door = createShellDoor(handlers);
    for (const name of ['shell:read-file', 'openPath', '__proto__', 'toString', 'casefile:progress']) {
      const refused = await door(name, appFrame, ['/etc/passwd']);
      expect(ApiError.parse((refused as { error: unknown }).error)).toEqual({ code: 'unsupported', message: `Refused: "${name}" is not one of the shell's channels.` });
      expect(refused.ok).toBe(false);
    }
    expect(calls).toEqual([]);
  });

  it('refuses another frame before looking at its arguments', async () => {
    const { calls, handlers } = recordingHandlers();
    const door = createShellDoor(handlers);
    for (const frame of [evilFrame, { url: 'app://casefile/index.html', parent: appFrame }, null]) {
      expect(await door('openExternal', frame as never, ['https://example.org'])).toEqual({ ok: false, error: { code: 'bad_input', message: 'Refused: not the app’s own page.' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses arguments that fail the channel’s schema, naming the argument and what is expected', async () => {
    const { calls, handlers } = recordingHandlers();
    const door = createShellDoor(handlers);
    const cases: [string, unknown[], (string | number)[]][] = [
      ['setLanguage', ['de'], [0]],
      ['setLanguage', [42], [0]],
      ['saveFile', ['brief.pdf', 'not bytes', 'pdf'], [1]],
      ['saveFile', ['brief.pdf', new Uint8Array(1), 'exe'], [2]],
      ['openExternal', [{ href: 'https://example.org' }], [0]],
      ['chooseFolder', ['/etc'], []],
    ];
    for (const [name, args, path] of cases) {
      const result = await door(name, appFrame, args);
      expect(result.ok, `${name} ${JSON.stringify(args)}`).toBe(false);
      const error = ApiError.parse((result as { error: unknown }).error);
      expect(error.code).toBe('bad_input');
      expect(error.message).toBe(`The request for ${name} is not valid; nothing was done.`);
      expect(error.issues?.[0]?.path).toEqual(path);
      expect(error.issues?.[0]?.message.length).toBeGreaterThan(0);
    }
    expect(calls).toEqual([]);
  });

  it('turns a handler’s throw or an answer outside the table into an internal error, never a throw across IPC', async () => {
    const { handlers } = recordingHandlers();
    const internal = vi.fn();
    const door = createShellDoor({ ...handlers, chooseFolder: () => Promise.reject(new Error('dialog gone')), setLanguage: () => 'yes' as never }, internal);
    expect(await door('chooseFolder', appFrame, [])).toEqual({ ok: false, error: { code: 'internal', message: 'chooseFolder failed unexpectedly: dialog gone' } });
    expect(await door('setLanguage', appFrame, ['ru'])).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(internal).toHaveBeenCalledTimes(2);
  });

  it('registers handlers that pass the sender’s frame and the arguments to the door', async () => {
    const { calls, handlers } = recordingHandlers();
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    registerShell({ handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => void registered.set(channel, fn) } as never, createShellDoor(handlers));
    const invoke = (frame: unknown, ...args: unknown[]) => registered.get(SHELL_CALLS.setLanguage.channel)!({ senderFrame: frame }, ...args);
    expect(await invoke(appFrame, 'ru')).toEqual({ ok: true, value: true });
    expect(await invoke(evilFrame, 'ru')).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(calls).toEqual([['setLanguage', ['ru']]]);
  });
});

describe('the preload’s side of the table', () => {
  it('answers a refusal with the method’s plain “no”, and passes a served value through', async () => {
    const exposed = new Map<string, unknown>();
    const invoke = vi.fn(async (channel: string) => (channel === SHELL_CHANNELS.saveFile ? { ok: false, error: { code: 'bad_input', message: 'The request for saveFile is not valid; nothing was done.' } } : { ok: true, value: '/media/usb' }));
    vi.resetModules();
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
      ipcRenderer: { invoke, on: vi.fn(), removeListener: vi.fn() },
    }));
    vi.stubGlobal('navigator', { userActivation: { isActive: false } });
    try {
      await import('../../../electron/preload');
      const shell = exposed.get('casefileShell') as { saveFile(...a: unknown[]): Promise<unknown>; chooseFolder(): Promise<unknown> };
      expect(await shell.saveFile('b.pdf', new Uint8Array(1), 'pdf')).toEqual({ saved: false, cancelled: false, error: 'The request for saveFile is not valid; nothing was done.' });
      expect(await shell.chooseFolder()).toBe('/media/usb');
      expect(invoke).toHaveBeenLastCalledWith(SHELL_CHANNELS.chooseFolder);
    } finally {
      vi.unstubAllGlobals();
      vi.doUnmock('electron');
    }
  });
});
