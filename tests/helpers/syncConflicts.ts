// Real Syncthing-style conflicts, made the way Syncthing makes them: the folder is
// copied to a second "device", each side saves its own edit of the same revision,
// and the other side's file lands beside this one under Syncthing's conflict name.
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CaseDraft, type CaseDraftInput, type CaseFile } from '../../shared/model';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { syncConflictName } from '../../electron/services/disk/syncConflictNames';

export const OTHER_DEVICE = '7XK3ABCDEFG-HIJKLMN';

/** `dir` (closed; its sibling `<dir>-device-b` becomes the other device) holds `id` at one revision; both devices edit it; returns the copy's path (with "/") and both versions. */
export async function makeCaseConflict(
  dir: string,
  id: string,
  edits: { here: (c: CaseFile) => CaseDraftInput; there: (c: CaseFile) => CaseDraftInput },
  opts: { passphrase?: string; where?: 'cases' | 'trash' } = {},
): Promise<{ file: string; here: CaseFile; there: CaseFile }> {
  const other = `${dir}-device-b`;
  await cp(dir, other, { recursive: true });
  const open = (d: string) => CaseStore.open(d, opts.passphrase !== undefined ? { passphrase: opts.passphrase } : {});
  const b = await open(other);
  let there: CaseFile;
  try {
    const base = await b.get(id);
    there = await b.update(id, base.rev, CaseDraft.parse(edits.there(base)));
  } finally {
    await b.close();
  }
  const a = await open(dir);
  let here: CaseFile;
  try {
    const base = await a.get(id);
    here = await a.update(id, base.rev, CaseDraft.parse(edits.here(base)));
  } finally {
    await a.close();
  }
  const where = opts.where ?? 'cases';
  const name = syncConflictName(`${id}.json`, new Date('2026-12-07T10:15:02Z'), OTHER_DEVICE);
  await writeFile(path.join(dir, where, name), await readFile(path.join(other, 'cases', `${id}.json`)));
  return { file: `${where}/${name}`, here, there };
}
