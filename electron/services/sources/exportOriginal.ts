// An original taken out of the app, with its chain of custody: who (Settings →
// prepared by, else the operating system's user), when, which original (source,
// title, name, SHA-256) and where to, as a `custody` line in the case's history.
//
// Written to a path, the bytes are streamed from the store (re-hashed on the way:
// a changed original fails and nothing is written) into a temporary file beside the
// target, synced, and only then is custody recorded and the file renamed into place:
// a file never appears without its record, and a record that cannot be written
// leaves no file. Handed to the browser, the record is written before the bytes go.

import { randomBytes } from 'node:crypto';
import { lstat, open, rename, unlink } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { ExportedOriginal } from '../../../shared/contract';
import type { AuditCustody, AuditEntry, CaseFile } from '../../../shared/model';
import { throwIfCancelled, type CallContext } from '../callContext';
import { fsyncDir } from '../disk/durableFile';
import { ServiceError } from '../errors';
import type { OriginalStore } from '../originals/originalStore';
import { sourceWithOriginal, VIEWABLE_BYTES } from './sourceOriginal';

export type CustodyStore = {
  get(id: string): Promise<CaseFile>;
  originals: OriginalStore;
  recordCustody(id: string, custody: AuditCustody): Promise<AuditEntry>;
};

export type Custodian = Pick<AuditCustody, 'by' | 'byFrom'>;

/** Who is handling the original: the name set in Settings, else the account the app runs as. */
export function custodian(preparedBy: string | undefined): Custodian {
  const set = preparedBy?.trim();
  if (set) return { by: set, byFrom: 'settings' };
  let name = '';
  try {
    name = userInfo().username;
  } catch {
    // No user database entry (a container): said as unknown below, never left empty.
  }
  return { by: name || 'unknown user', byFrom: 'os' };
}

export type ExportRequest = { caseId: string; sourceId: string; to?: string; overwrite?: boolean };

const exists = (file: string) => lstat(file).then(() => true, (err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? false : Promise.reject(err)));

export async function exportOriginal(store: CustodyStore, request: ExportRequest, who: Custodian, context: CallContext = {}): Promise<ExportedOriginal> {
  const source = await sourceWithOriginal(store, request.caseId, request.sourceId);
  const { file } = source;
  const record = (to?: string): AuditCustody => ({
    action: to === undefined ? 'downloaded' : 'saved',
    ...who,
    sourceId: source.id,
    title: source.title,
    name: file.name,
    sha256: file.sha256,
    ...(to === undefined ? {} : { to }),
  });

  if (request.to === undefined) {
    if (file.size > VIEWABLE_BYTES) {
      throw new ServiceError('bad_input', `"${file.name}" is larger than 64 MiB: too large to hand to the browser. Save it from the desktop app, or with \`casefile source original\`. Nothing was recorded.`);
    }
    const bytes = await store.originals.read(file.sha256, VIEWABLE_BYTES);
    await store.recordCustody(request.caseId, record());
    return { name: file.name, mediaType: file.mediaType, size: bytes.length, dataBase64: bytes.toString('base64') };
  }

  if (!path.isAbsolute(request.to)) throw new ServiceError('bad_input', `"${request.to}" is not an absolute path; nothing was written.`, [{ path: ['to'], message: 'expected an absolute path' }]);
  const target = path.resolve(request.to);
  const dir = path.dirname(target);
  const refuseExisting = async () => {
    if (!request.overwrite && (await exists(target))) {
      throw new ServiceError('conflict', `${target} exists already; nothing was written. Choose another name, or allow overwriting it.`, [{ path: ['to'], message: 'a file is there already' }]);
    }
  };
  await refuseExisting();
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.part`);
  let handle;
  try {
    handle = await open(temp, 'wx', 0o600);
  } catch (err) {
    throw new ServiceError('io', `Cannot write in ${dir}: ${(err as Error).message}. Nothing was written.`);
  }
  let placed = false;
  let recorded = false;
  try {
    try {
      // One chunk at a time: memory stays bounded whatever the original's size.
      for await (const chunk of store.originals.open(file.sha256)) {
        throwIfCancelled(context.signal, `Saving "${file.name}"`);
        await handle.write(chunk as Buffer);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    throwIfCancelled(context.signal, `Saving "${file.name}"`);
    await refuseExisting();
    await store.recordCustody(request.caseId, record(target));
    recorded = true;
    await rename(temp, target);
    placed = true;
    await fsyncDir(dir);
  } catch (err) {
    if (!placed) await unlink(temp).catch(() => undefined);
    if (err instanceof ServiceError) throw err;
    const after = placed ? '' : recorded ? ' The file is not there, though the case history records it as saved.' : ' Nothing was written.';
    throw new ServiceError('io', `Cannot write ${target}: ${(err as Error).message}.${after}`);
  }
  return { path: target };
}
