import type { BrowserWindowConstructorOptions, Session, WebContents, WebFrameMain } from 'electron';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './appProtocol';

// Electron's security checklist as small functions over Electron objects passed
// in, so plain-Node unit tests can check each rule with fakes. Nothing here
// imports 'electron' at run time.

export function secureWebPreferences(preload: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false, // the spellchecker would download dictionaries
    disableBlinkFeatures: 'Auxclick', // middle-click cannot open anything either
  };
}

/** Only the app's own top frame may call the contract. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    // Compare scheme and host: Node's URL gives a custom scheme the origin "null".
    const u = new URL(frame.url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Links the user may open in their browser: https only, no credentials in the URL. */
export function isOpenableExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** No navigation away from the app, no new windows, ever. */
export function lockDownWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  const block = (event: { preventDefault(): void }, url: string) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // Links go to the user's browser through the preload's openExternal, which
  // requires a user gesture; a page can never open a window of its own.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Camera, microphone, geolocation, notifications…: none of them, ever. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
