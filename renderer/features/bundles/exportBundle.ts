import { useSyncExternalStore } from 'react';
import { api } from '../../api';
import type { Result } from '../../../shared/errors';
import { downloadText } from '../../lib/download';
import { exportFileName } from './exportName';

// Whether exports carry each case's change history is one choice, remembered on this
// computer and offered wherever a bundle is exported (Settings, the list's selection).
// Off by default: the history keeps old values the user may since have removed.

const HISTORY_KEY = 'casefile.exportHistory';
const HISTORY_EVENT = 'casefile:export-history';

export function exportIncludesHistory(): boolean {
  try {
    return localStorage.getItem(HISTORY_KEY) === '1';
  } catch {
    return false;
  }
}

export function setExportIncludesHistory(on: boolean): void {
  try {
    if (on) localStorage.setItem(HISTORY_KEY, '1');
    else localStorage.removeItem(HISTORY_KEY);
  } catch {
    // not fatal: the choice lasts until the page goes
  }
  window.dispatchEvent(new Event(HISTORY_EVENT));
}

function subscribe(cb: () => void): () => void {
  window.addEventListener(HISTORY_EVENT, cb);
  window.addEventListener('storage', cb);
  return () => {
    window.removeEventListener(HISTORY_EVENT, cb);
    window.removeEventListener('storage', cb);
  };
}

export function useExportHistory(): [boolean, (on: boolean) => void] {
  return [useSyncExternalStore(subscribe, exportIncludesHistory), setExportIncludesHistory];
}

export type Exported = { file: string; history: boolean };

/** Exports the given cases (or all) as a bundle and offers it as a download. */
export async function exportCases(ids?: readonly string[], history = exportIncludesHistory()): Promise<Result<Exported>> {
  const result = await api['bundle.export']({ ...(ids ? { ids: [...ids] } : {}), ...(history ? { history: true } : {}) });
  if (!result.ok) return result;
  const file = exportFileName();
  downloadText(file, `${JSON.stringify(result.value, null, 2)}\n`);
  return { ok: true, value: { file, history } };
}
