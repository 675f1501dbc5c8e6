import { appendFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { SUMMARY_INDEX_FILE } from '../../../electron/services/disk/folderLayout';
import { loadSummaryIndex } from '../../../electron/services/store/summaryIndex';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// The summary index's journal (store/indexJournal): between opens, a write of the index after
// saves appends the changed rows to the file instead of rewriting it whole; the close writes it
// whole again. A line that does not hold ends the journal, and what it would have said is
// corrected by the open's check of the files.

let dir: string;
let cleanup: () => Promise<void>;
let store: CaseStore | undefined;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await cleanup();
});

const indexFile = () => path.join(dir, SUMMARY_INDEX_FILE);
const draft = (title: string) => CaseDraft.parse(prisonerDraft({ title }));
const lines = async () => (await readFile(indexFile(), 'utf8')).split('\n');

/** Waits (bounded) until the index file has `n` lines: the timed write comes ~2 s after the last save. */
async function untilLines(n: number): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const now = await lines();
    if (now.length >= n) return now;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the index file never reached ${n} lines`);
}

async function seeded(): Promise<CaseFile[]> {
  const s = await CaseStore.open(dir);
  const made = [await s.create(draft('Alpha Abenov')), await s.create(draft('Bravo Bekov')), await s.create(draft('Charlie Chen'))];
  await s.close();
  return made;
}

describe('the summary index journal', () => {
  it('appends the changed rows after saves, leaving the index before them byte for byte; the close writes it whole', async () => {
    const [a, b] = await seeded();
    const before = await readFile(indexFile(), 'utf8');
    expect(before.split('\n')).toHaveLength(3); // head, rows, agendas
    store = await CaseStore.open(dir, { confirmInBackground: true });
    await store.confirmed();
    await store.update(a!.id, a!.rev, draft('Alpha Renamed'));
    await store.trash(b!.id);
    const now = await untilLines(4);
    expect(now.slice(0, 3).join('\n')).toBe(before);
    const journal = JSON.parse(now[3]!.slice(64)) as { rows: unknown[][]; gone: string[]; trash: object };
    expect(journal.rows.map((r) => r[2])).toEqual(['Alpha Renamed']);
    expect(journal.gone).toEqual([b!.id]);
    expect(Object.keys(journal.trash)).toEqual([b!.id]);
    // Read back (as a crash now would leave it): the journal's rows over the index's.
    const loaded = await loadSummaryIndex(indexFile());
    expect([...loaded.cases.values()].map((e) => e.summary.title).sort()).toEqual(['Alpha Renamed', 'Charlie Chen']);
    expect(loaded.cases.get(a!.id)?.agenda).toEqual([]);
    expect([...loaded.trash.keys()]).toEqual([b!.id]);
    await store.close();
    store = undefined;
    const closed = await lines();
    expect(closed).toHaveLength(3);
    const whole = await loadSummaryIndex(indexFile());
    expect([...whole.cases.values()].map((e) => e.summary.title).sort()).toEqual(['Alpha Renamed', 'Charlie Chen']);
  });

  it('ends at a torn or altered line; the open checks the files and corrects the rows it would have changed', async () => {
    const [a, , c] = await seeded();
    store = await CaseStore.open(dir, { confirmInBackground: true });
    await store.update(a!.id, a!.rev, draft('Alpha Renamed'));
    await untilLines(4);
    await store.update(c!.id, c!.rev, draft('Charlie Renamed'));
    const withTwo = await untilLines(5);
    // What a crash leaves: the store's lock gone, the file as it was (the close would compact it).
    const copy = `${dir}-copy`;
    await cp(dir, copy, { recursive: true });
    await rm(path.join(copy, 'casefile.lock'), { force: true });
    try {
      const altered = [...withTwo];
      altered[3] = altered[3]!.replace('Alpha Renamed', 'Alpha Forged!');
      await writeFile(path.join(copy, SUMMARY_INDEX_FILE), altered.join('\n'));
      await appendFile(path.join(copy, SUMMARY_INDEX_FILE), '\n0123'); // and a torn line after
      const loaded = await loadSummaryIndex(path.join(copy, SUMMARY_INDEX_FILE));
      // The altered line ends the journal: neither it nor the good line after it is used.
      expect([...loaded.cases.values()].map((e) => e.summary.title).sort()).toEqual(['Alpha Abenov', 'Bravo Bekov', 'Charlie Chen']);
      const reopened = await CaseStore.open(copy, { confirmInBackground: true });
      try {
        await reopened.confirmed();
        expect(reopened.list().map((r) => r.title).sort()).toEqual(['Alpha Renamed', 'Bravo Bekov', 'Charlie Renamed']);
      } finally {
        await reopened.close();
      }
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
