import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import type { ToastInput } from '../../components/Toasts';
import { api } from '../../api';
import type { ApiError, Result } from '../../../shared/errors';
import { deliveredTo, deliverFile } from '../../lib/download';
import { exportFileName, type ExportScope } from './exportName';

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

function setExportIncludesHistory(on: boolean): void {
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

export type Exported = { file: string; history: boolean } | null;

/**
 * Exports the given cases (or all) as a bundle and hands it to the user (Save dialog
 * or download), named for `subject` (the one case's person or organisation) when given. `null` when the user cancelled the Save dialog; a refusal by the
 * disk is an error like the export's own.
 */
export async function exportCases(ids?: readonly string[], history = exportIncludesHistory(), subject?: string): Promise<Result<Exported>> {
  const result = await api['bundle.export']({ ...(ids ? { ids: [...ids] } : {}), ...(history ? { history: true } : {}) });
  if (!result.ok) return result;
  const scope: ExportScope = !ids ? 'all' : subject !== undefined && ids.length === 1 ? { subject } : { count: ids.length };
  const delivery = await deliverFile(exportFileName(scope), `${JSON.stringify(result.value, null, 2)}\n`, 'bundle');
  const file = deliveredTo(delivery);
  if (!file.ok) return file;
  if (file.value === null) return { ok: true, value: null };
  return { ok: true, value: { file: file.value, history } };
}

/** Whether an export of these cases (all when undefined) would carry originals: then the window asks first. */
export async function exportHasOriginals(ids: readonly string[] | undefined): Promise<boolean> {
  const r = await api['bundle.exportPreview']({ ...(ids ? { ids: [...ids] } : {}), files: true });
  return r.ok && r.value.originals.count > 0;
}

/** What to tell the user after an export: nothing when they cancelled the Save dialog. */
export function exportToast(t: TFunction, errorOf: (error: ApiError) => string, result: Result<Exported>, n: number | string): ToastInput | null {
  if (!result.ok) return { kind: 'error', message: t('bundle.exportFailed', { message: errorOf(result.error) }) };
  if (!result.value) return null;
  const { file, history } = result.value;
  return { kind: 'success', message: history ? t('history.exported', { file, n }) : t('bundle.exported', { file, n }) };
}
