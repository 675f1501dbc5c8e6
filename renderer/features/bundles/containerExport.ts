import { api } from '../../api';
import type { Progress } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { SealRequest } from '../../../shared/sealing';
import { deliveredTo, deliverFile } from '../../lib/download';
import { exportFileName, type ExportScope } from './exportName';
import { base64ToBytes } from '../../lib/fileBase64';

// The window's export with the original files (issue 17's container, sealed or not for
// issue 18): the services build `NAME.casefile.zip` (at most 256 MiB, what Import takes
// back) and browser mode downloads it; the desktop app has the main process stream it,
// with no size cap, to where its Save dialog pointed.

export type ExportedFiles = { file: string; originals: number; sealed: boolean } | null;


/** The bundle with its originals, plain (`plain`: the user accepted clear text from an encrypted folder) or sealed. */
export async function exportWithFiles(
  scope: ExportScope,
  ids: readonly string[] | undefined,
  history: boolean,
  how: { seal?: SealRequest; plain: boolean },
  options: { signal: AbortSignal; onProgress: (p: Progress) => void },
): Promise<Result<ExportedFiles>> {
  const request = { ...(ids ? { ids: [...ids] } : {}), ...(history ? { history: true } : {}), files: true, ...(how.seal ? { seal: how.seal } : {}), plain: how.plain };
  const shell = window.casefileShell;
  if (shell) {
    // The desktop app: the main process streams the container to the path its Save dialog returned; no byte crosses IPC.
    const zipName = exportFileName(scope).replace(/\.casefile\.json$/, '.casefile.zip');
    const picked = await shell.chooseBundlePath(how.seal ? `${zipName}.age` : zipName, how.seal ? 'sealedBundle' : 'bundleZip');
    if (picked === null) return { ok: true, value: null };
    const written = await api['bundle.exportFile']({ ...request, path: picked });
    return written.ok ? { ok: true, value: { file: written.value.path, originals: written.value.originals, sealed: written.value.sealed !== undefined } } : written;
  }
  const result = await api['bundle.exportBytes'](request, options);
  if (!result.ok) return result;
  const base = exportFileName(scope);
  const name = result.value.format === 'zip' ? base.replace(/\.casefile\.json$/, '.casefile.zip') : base;
  const sealed = result.value.sealed !== undefined;
  const delivery = await deliverFile(sealed ? `${name}.age` : name, base64ToBytes(result.value.dataBase64), sealed ? 'sealedBundle' : result.value.format === 'zip' ? 'bundleZip' : 'bundle');
  const file = deliveredTo(delivery);
  if (!file.ok) return file;
  if (file.value === null) return { ok: true, value: null };
  return { ok: true, value: { file: file.value, originals: result.value.originals, sealed } };
}
