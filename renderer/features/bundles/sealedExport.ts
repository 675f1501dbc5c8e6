import { api } from '../../api';
import type { Result } from '../../../shared/errors';
import type { SealRequest } from '../../../shared/sealing';
import { deliveredTo, deliverFile } from '../../lib/download';
import type { Exported } from './exportBundle';
import { exportFileName, type ExportScope } from './exportName';
import { base64ToBytes } from '../../lib/fileBase64';

/** The usual bundle name with `.age` after it: the sealed form (age format) of the same export. */
const sealedFileName = (scope: ExportScope): string => `${exportFileName(scope)}.age`;

/** The keys pasted in the export dialog, one per line (blank lines and spaces around a key ignored). */
export function pastedKeys(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Sealed by the services, then handed to the user like any export (Save dialog or download); null when the user cancelled. */
export async function exportSealed(scope: ExportScope, ids: readonly string[] | undefined, history: boolean, seal: SealRequest): Promise<Result<Exported>> {
  const result = await api['bundle.exportSealed']({ ...(ids ? { ids: [...ids] } : {}), ...(history ? { history: true } : {}), seal });
  if (!result.ok) return result;
  const delivery = await deliverFile(sealedFileName(scope), base64ToBytes(result.value.dataBase64), 'sealedBundle');
  const file = deliveredTo(delivery);
  if (!file.ok) return file;
  if (file.value === null) return { ok: true, value: null };
  return { ok: true, value: { file: file.value, history } };
}
