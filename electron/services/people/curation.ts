import { randomBytes } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { formatIssue, issuesFromZod } from '../../../shared/errors';
import { ServiceError } from '../errors';
import { entries, PEOPLE_FILE } from '../disk/folderLayout';
import { parseSyncConflictName } from '../disk/syncConflictNames';
import type { CaseStoreBase } from '../store/caseStore';

// people.json: the team's hand corrections to the index — which spellings are one
// actor (a merge) and which are not (a split). Written through the store's derived-file
// door like settings.json and the address book: durable, sealed under its own name in
// an encrypted folder, synced by Syncthing with the rest of the folder.
//
// A group holds spellings two ways: `keys` (normalised forms: every spelling that folds
// to one of them, including spellings not written yet) and `spellings` (exact, as
// written: a split must be able to part two spellings that fold alike). An exact
// spelling wins over a key.
//
// Syncthing's conflict copy of the file (two devices merged at once) is folded in on
// read: its groups not in the file join it, and the next merge or split writes the
// union and removes the copy — nothing either device did is lost.

export const PeopleGroup = z.strictObject({
  id: z.string().regex(/^[a-z0-9]{6,32}$/, { error: 'expected 6 to 32 lowercase letters or digits' }),
  name: z.string().trim().min(1).max(300).optional(),
  keys: z.array(z.string().min(1).max(400)).max(10_000).default([]),
  spellings: z.array(z.string().min(1).max(300)).max(10_000).default([]),
});
export type PeopleGroup = z.infer<typeof PeopleGroup>;

export const PeopleFile = z.strictObject({
  format: z.literal('casefile-people'),
  version: z.literal(1),
  groups: z.array(PeopleGroup).max(100_000),
});
export type PeopleFile = z.infer<typeof PeopleFile>;

export const EMPTY_CURATION: PeopleFile = { format: 'casefile-people', version: 1, groups: [] };

export type CurationRead = {
  curation: PeopleFile;
  /** The file's bytes as read (null when absent): the index keeps its grouping while they stay the same. */
  stamp: string;
  /** Conflict copies folded in (their paths in the folder). */
  copies: string[];
  /** Why the file itself could not be used; empty when sound or absent. */
  problem: string;
};

export const newGroupId = (): string => randomBytes(8).toString('hex');

function parse(bytes: Buffer): { ok: true; file: PeopleFile } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return { ok: false, reason: `${PEOPLE_FILE} is not valid JSON (${(err as Error).message})` };
  }
  const parsed = PeopleFile.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `${PEOPLE_FILE}: ${issuesFromZod(parsed.error).slice(0, 5).map(formatIssue).join('; ')}` };
  return { ok: true, file: parsed.data };
}

async function conflictCopies(dataDir: string): Promise<string[]> {
  return (await entries(dataDir))
    .filter((e) => e.isFile() && parseSyncConflictName(e.name)?.original === PEOPLE_FILE)
    .map((e) => e.name)
    .sort();
}

/** The corrections in force: the file (or none), with any conflict copies' groups added. Never throws on a bad file. */
export async function readCuration(store: CaseStoreBase): Promise<CurationRead> {
  const bytes = await store.readDerivedFile(PEOPLE_FILE);
  let curation = EMPTY_CURATION;
  let problem = '';
  if (bytes) {
    const read = parse(bytes);
    if (read.ok) curation = read.file;
    else problem = read.reason;
  } else if ((await entries(store.dataDir)).some((e) => e.name === PEOPLE_FILE)) {
    problem = `${PEOPLE_FILE} could not be opened (damaged, or sealed for another folder)`;
  }
  const copies: string[] = [];
  let stamp = bytes ? bytes.toString('base64') : '';
  for (const rel of await conflictCopies(store.dataDir)) {
    const copy = await store.openFolderFile(rel).catch(() => null);
    const read = copy ? parse(copy) : null;
    if (!read?.ok) continue; // a copy that will not open is left for the user, unused
    const known = new Set(curation.groups.map((g) => g.id));
    curation = { ...curation, groups: [...curation.groups, ...read.file.groups.filter((g) => !known.has(g.id))] };
    copies.push(rel);
    stamp += `|${copy!.toString('base64')}`;
  }
  return { curation, stamp, copies, problem };
}

// One change at a time per folder: two merges at once must not each write over the other.
const queues = new WeakMap<CaseStoreBase, Promise<unknown>>();

/**
 * Reads the corrections, lets `change` make new ones, writes them durably and removes the
 * conflict copies now folded into the file. A file that is there but will not open or
 * validate is the team's work: it is never written over — the change is refused, saying why.
 */
export function changeCuration<T>(store: CaseStoreBase, change: (current: PeopleFile) => Promise<{ next: PeopleFile; result: T }> | { next: PeopleFile; result: T }): Promise<T> {
  const run = async () => {
    const read = await readCuration(store);
    if (read.problem) {
      throw new ServiceError('bad_input', `The merge or split was not saved: ${read.problem}. Restore ${PEOPLE_FILE} from a backup or remove it, then try again.`, [{ path: [], message: read.problem }]);
    }
    const { next, result } = await change(read.curation);
    await store.writeDerivedFile(PEOPLE_FILE, Buffer.from(`${JSON.stringify(PeopleFile.parse(next), null, 2)}\n`, 'utf8'));
    for (const rel of read.copies) await unlink(path.join(store.dataDir, rel)).catch(() => undefined);
    return result;
  };
  const done = (queues.get(store) ?? Promise.resolve()).then(run, run);
  queues.set(store, done.catch(() => undefined));
  return done;
}
