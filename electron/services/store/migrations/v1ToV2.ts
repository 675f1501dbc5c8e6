import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { Id, type AuditEntry } from '../../../../shared/model';
import { caseDigest } from '../../audit/digest';
import { HistoryLog } from '../../audit/historyLog';
import { appendManifest, readManifest, rebuildManifest } from '../../audit/manifest';
import { SEARCH_INDEX_FILE, SUMMARY_INDEX_FILE } from '../../disk/folderLayout';
import type { Migration, MigrationContext } from '../meta';
import { caseFilesOf, quarantineCaseFile, readCaseJson, writeCaseJson, type CaseFolder } from './caseFiles';
import { convertStoredCase } from './convertCase';

// Data-folder layout 1 → 2: every case file (cases/ and trash/) read as MODEL.md
// version 2 (convertCase), written back one revision up, its history recording the
// migration and the manifest the new revision — so the next open and `verify` see
// a save like any other, not a file changed behind the app's back.
//
// Resumable, case by case. The history line comes FIRST, then the case file: the
// line records the revision and the hash of the case the conversion makes, and the
// conversion is deterministic (no clock in it: `updatedAt` is kept, the decision
// made from a sentence has a fixed id), so after a crash the file on disk tells
// where the case stands —
//   its hash is the newest line's, a `migrate` line → done; nothing is written
//   the newest line is a `migrate` line for the revision the conversion makes,
//     with the hash it makes → only the file is written
//   otherwise → line, then file.
// Either way the history holds the migration exactly once. Nothing outside this
// step sees the window between line and file: meta.json was raised first (an
// older build refuses the folder) and the journal makes the next open finish
// the step before anything reads a case. The manifest is appended after each
// batch; a crash leaves it behind the cases, which is an ordinary crash outcome.
//
// A case whose version-1 fields do not convert (a fault in `sentence`, say) is
// moved to quarantine/ unchanged, with the fault's path in its note. A file that
// does not open or parse at all is left for the store's open, which quarantines
// it with its own reason, as it always has.

const BATCH = 16;

async function migrateFolder(ctx: MigrationContext): Promise<void> {
  const { dataDir, dataKey: key } = ctx;
  const now = () => ctx.now?.() ?? new Date().toISOString();
  const folder: CaseFolder = { dataDir, key, ...(ctx.fs ? { fs: ctx.fs } : {}) };
  const log = new HistoryLog(dataDir, key, ctx.fs);
  // Chained history lines beside no manifest would read as a deleted manifest: begin one from the files first.
  let manifest = await readManifest(dataDir, key);
  if (manifest.missing) manifest = await rebuildManifest(dataDir, key, 'created', now(), ctx.fs ? { fs: ctx.fs } : {});

  const files = await caseFilesOf(dataDir);
  for (let i = 0; i < files.length; i += BATCH) {
    // Settled, not raced: on a failure no conversion of the batch may still be writing once the open has let go of the lock.
    const settled = await Promise.allSettled(
      files.slice(i, i + BATCH).map(async ({ name, file }): Promise<readonly [string, number, string] | null> => {
        const id = name.slice(0, -'.json'.length);
        const raw = await readCaseJson(folder, file);
        if (!Id.safeParse(id).success || typeof raw !== 'object' || raw === null || (raw as { id?: unknown }).id !== id) return null;
        const newest = (await log.read(id)).entries.at(-1);
        const onDisk = caseDigest(raw);
        if (newest?.cause === 'migrate' && newest.sha256 === onDisk) return [id, newest.rev, onDisk];
        const conversion = convertStoredCase(raw);
        if (!conversion.ok) {
          await quarantineCaseFile(
            folder,
            file,
            `this version-1 case could not be brought to version 2: ${conversion.faults.join('; ')}. It is kept here exactly as it was (and in the snapshot taken before the migration): correct the field named in a copy and import it (casefile import), or recover an earlier copy (casefile recover).`,
          );
          return null;
        }
        const next = conversion.changed ? { ...conversion.case, rev: conversion.case.rev + 1 } : conversion.case;
        const sha256 = caseDigest(next);
        const lineWritten = newest?.cause === 'migrate' && newest.rev === next.rev && newest.sha256 === sha256;
        if (!lineWritten) {
          const entry: AuditEntry = { at: now(), rev: next.rev, cause: 'migrate', changes: conversion.audit, sha256 };
          await log.append(id, [entry]);
        }
        if (conversion.changed) await writeCaseJson(folder, file, next);
        return [id, next.rev, sha256];
      }),
    );
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const results = settled.map((r) => (r as PromiseFulfilledResult<readonly [string, number, string] | null>).value);
    const behind = results.filter((r): r is readonly [string, number, string] => {
      if (!r) return false;
      const item = manifest.items.get(r[0]);
      return !item || item.rev !== r[1] || item.sha256 !== r[2];
    });
    await appendManifest(dataDir, key, behind, now(), ctx.fs);
  }
  // Derived from the cases as they were: rebuilt from the files on the next open (as after a restore).
  for (const derived of [SUMMARY_INDEX_FILE, SEARCH_INDEX_FILE]) await unlink(path.join(dataDir, derived)).catch(() => undefined);
}

export const v1ToV2: Migration = {
  from: 1,
  description: 'case model version 2 (MODEL.md): sentence → decisions, birthYear → born, placeholder articles dropped, new lists empty',
  up: migrateFolder,
};
