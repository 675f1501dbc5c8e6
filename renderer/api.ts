import type { Api, OperationName, OpInput, OpOutput } from '../shared/contract';
import type { Result } from '../shared/errors';
import { OPERATION_NAMES } from '../shared/operations';
import { reloadApp } from './lib/reload';

// One client with the same type in both modes: in Electron the preload's frozen
// `window.casefile`; in browser mode the same operations over loopback HTTP.

declare global {
  interface Window {
    casefile?: Api;
  }
}

const TOKEN_KEY = 'casefile.token';
const TOKEN_HEADER = 'x-casefile-token';

/**
 * The browser-mode token arrives in the URL fragment (never sent to a server,
 * never in a log). Keep it for this tab's reloads and take it out of the address bar.
 */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    const rest = window.location.hash.replace(/(?:^#|&)token=[A-Za-z0-9_-]+/, '').replace(/^&/, '');
    history.replaceState(null, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest.replace(/^#?/, '')}` : ''}`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function httpApi(): Api {
  const token = takeToken();
  const call = async <K extends OperationName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> => {
    if (!token) return { ok: false, error: { code: 'bad_input', message: 'No session token: open Casefile from the link it printed when it started.' } };
    let response: Response;
    try {
      response = await fetch(`/api/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'io', message: 'Casefile is not running any more. Start it again; your saved work is on disk.' } };
    }
    try {
      return (await response.json()) as Result<OpOutput<K>>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a result.` } };
    }
  };
  return Object.freeze(Object.fromEntries(OPERATION_NAMES.map((op) => [op, (input: never) => call(op, input)]))) as Api;
}

/**
 * An operation that answers `encrypted` means the folder was locked under the app (the
 * server's idle lock): confirm with `vault.status`, then reload, which drops every
 * decrypted case this page holds and shows the lock screen.
 */
function lockAware(inner: Api): Api {
  let checking = false;
  const onEncrypted = () => {
    if (checking) return;
    checking = true;
    void inner['vault.status']({}).then((r) => {
      if (r.ok && r.value.locked) reloadApp();
      else checking = false;
    });
  };
  const wrapped = Object.fromEntries(
    OPERATION_NAMES.map((op) => [
      op,
      async (input: never) => {
        const result = await (inner[op] as (i: never) => Promise<Result<unknown>>)(input);
        if (!result.ok && result.error.code === 'encrypted' && !op.startsWith('vault.')) onEncrypted();
        return result;
      },
    ]),
  );
  return Object.freeze(wrapped) as Api;
}

export const isElectron = window.casefile !== undefined;
export const api: Api = lockAware(window.casefile ?? httpApi());
