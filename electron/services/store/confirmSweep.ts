import { readdir } from 'node:fs/promises';
import { statSync } from 'node:fs';
import path from 'node:path';
import { isLiveCaseFileName } from '../disk/folderLayout';
import { fileStateOf, sameFile, statFiles, type FileState, type FileStates } from '../disk/statFiles';

// The confirmation after a trusting open (folder/caseStore.ts, confirmInBackground): the
// list was shown from the summary index, and this checks every case file's state against it.
// The sweep (a readdir and 100,000 stats, ~1 s) runs beside the saves, which go on meanwhile;
// only its result is settled inside the save queue, where saves made since the sweep are
// already in the catalogue and must be neither read again nor dropped.

/** Every live case file in cases/ with its state, yielding between batches (disk/statFiles). */
export async function sweepCases(casesDir: string): Promise<FileStates> {
  const names = (await readdir(casesDir).catch(() => [] as string[])).filter(isLiveCaseFileName);
  return statFiles(casesDir, names);
}

/**
 * The sweep brought up to date inside the save queue: a file whose swept state is not its
 * entry's is stat'ed again (a save since the sweep made it match, or it changed again), and
 * a case saved since the readdir (not in the sweep) keeps its file. Files gone since are left
 * out, so their rows go. Costs a stat per differing file, not per case.
 */
export function settleSweep(casesDir: string, swept: FileStates, known: ReadonlyMap<string, FileState>): FileStates {
  const out: FileStates = [];
  const seen = new Set<string>();
  const restat = (name: string) => {
    const st = statSync(path.join(casesDir, name), { throwIfNoEntry: false });
    if (st) out.push([name, fileStateOf(st)]);
  };
  for (const [name, state] of swept) {
    const id = name.slice(0, -'.json'.length);
    seen.add(id);
    const entry = known.get(id);
    if (entry && sameFile(entry, state)) out.push([name, state]);
    else restat(name);
  }
  for (const id of known.keys()) if (!seen.has(id)) restat(`${id}.json`);
  return out;
}

/** At a trusting open: the rows whose file is not in cases/ any more (deleted while the app was closed) go at once. */
export function dropUnlisted(cases: Map<string, unknown>, names: readonly string[]): void {
  if (cases.size === names.length && names.every((n) => cases.has(n.slice(0, -'.json'.length)))) return;
  const listed = new Set(names.map((n) => n.slice(0, -'.json'.length)));
  for (const id of cases.keys()) if (!listed.has(id)) cases.delete(id);
}
