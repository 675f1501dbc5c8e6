import { api } from '../../api';
import type { Result } from '../../../shared/errors';
import { downloadText } from '../../lib/download';
import { exportFileName } from './exportName';

/** Exports the given cases (or all) as a bundle and offers it as a download; returns the file name. */
export async function exportCases(ids?: readonly string[]): Promise<Result<string>> {
  const result = await api['bundle.export'](ids ? { ids: [...ids] } : {});
  if (!result.ok) return result;
  const name = exportFileName();
  downloadText(name, `${JSON.stringify(result.value, null, 2)}\n`);
  return { ok: true, value: name };
}
