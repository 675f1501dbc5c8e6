import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { folderEncryption, unlockVault, VAULT_FILE, wipe } from '../../crypto';
import { ServiceError } from '../../errors';
import { DurableJsonFile } from '../../disk/durableFile';
import { DataDirLock } from '../../disk/lock';
import { CURRENT_SCHEMA_VERSION, readMeta } from '../meta';
import { caseFilesOf, readCaseJson } from './caseFiles';
import { convertStoredCase } from './convertCase';
import { readMigrationJournal } from './journal';

// What opening a data folder would make of it (`casefile migrate --check`),
// computed by the very conversion the migration runs, and writing nothing: no
// leftover is swept, no interrupted conversion finished, no key file touched. The
// folder's lock is held while it reads (so no app changes it meanwhile) and let
// go after, which leaves the folder as it was.

export type CaseCheck = {
  /** Relative to the data folder: `cases/<id>.json` or `trash/<id>.json`. */
  file: string;
  title?: string;
  /** What the migration would change, in words (empty: already version 2). */
  changes: string[];
  /** Why it would be quarantined instead, each naming its JSON path. */
  faults: string[];
};

export type MigrationCheck = {
  dataDir: string;
  schemaVersion: number;
  target: number;
  /** A migration a crash cut short: the next open finishes it. */
  interrupted: boolean;
  encrypted: boolean;
  /** Every case file, when the folder needs migrating; empty when it is at the layout this build writes. */
  cases: CaseCheck[];
};

export async function checkMigration(dataDir: string, passphrase: () => Promise<string>): Promise<MigrationCheck> {
  const dir = path.resolve(dataDir);
  try {
    await access(path.join(dir, 'meta.json'));
  } catch {
    throw new ServiceError('not_found', `${dir} is not a Casefile data folder (it has no meta.json). Nothing was read or written.`);
  }
  const encryption = (await folderEncryption(dir)).state;
  if (encryption === 'interrupted') {
    throw new ServiceError('unsupported', 'An encryption or decryption of this folder was interrupted; open it once (any command) to finish that, then check again. Nothing was written.');
  }
  const lock = await DataDirLock.acquire(dir);
  let key: Buffer | null = null;
  try {
    const meta = await readMeta(new DurableJsonFile<unknown>(path.join(dir, 'meta.json')));
    if (meta === null) throw new ServiceError('not_found', `${dir} has an empty meta.json. Nothing was read or written.`);
    if (meta.schemaVersion > CURRENT_SCHEMA_VERSION) {
      throw new ServiceError('unsupported', `This data folder was written by a newer Casefile (layout ${meta.schemaVersion}; this one reads up to ${CURRENT_SCHEMA_VERSION}). Update Casefile; nothing was changed.`);
    }
    const interrupted = (await readMigrationJournal(dir)) !== null;
    const report: MigrationCheck = { dataDir: dir, schemaVersion: meta.schemaVersion, target: CURRENT_SCHEMA_VERSION, interrupted, encrypted: encryption === 'encrypted', cases: [] };
    if (meta.schemaVersion === CURRENT_SCHEMA_VERSION && !interrupted) return report;
    if (encryption === 'encrypted') key = await unlockVault(JSON.parse(await readFile(path.join(dir, VAULT_FILE), 'utf8')), await passphrase());
    for (const { sub, name, file } of await caseFilesOf(dir)) {
      const rel = `${sub}/${name}`;
      const raw = await readCaseJson({ dataDir: dir, key }, file);
      if (raw === null) {
        report.cases.push({ file: rel, changes: [], faults: [key ? 'does not open with the folder\'s key, or is not JSON' : 'is not JSON'] });
        continue;
      }
      const title = typeof (raw as { title?: unknown }).title === 'string' ? (raw as { title: string }).title : undefined;
      const converted = convertStoredCase(raw);
      const id = (raw as { id?: unknown }).id;
      const misnamed = id !== name.slice(0, -'.json'.length) ? [`id: holds case id ${JSON.stringify(id)} but the file is named ${name}`] : [];
      report.cases.push({
        file: rel,
        ...(title !== undefined ? { title } : {}),
        changes: converted.ok ? converted.changes : [],
        faults: [...(converted.ok ? [] : converted.faults), ...misnamed],
      });
    }
    return report;
  } finally {
    wipe(key);
    await lock.release();
  }
}
