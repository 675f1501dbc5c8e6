import { createHash } from 'node:crypto';
import { copyFile, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type CaseFile } from '../../../shared/model';
import { CaseStore, type StoreChange } from '../../../electron/services/folder/caseStore';
import { SUMMARY_INDEX_FILE } from '../../../electron/services/disk/folderLayout';
import { fileStateOf } from '../../../electron/services/disk/statFiles';
import { fillAgendas, loadSummaryIndex, writeSummaryIndex, type IndexEntry } from '../../../electron/services/store/summaryIndex';
import { ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';

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

async function seed(): Promise<CaseFile[]> {
  const s = await CaseStore.open(dir);
  const made = [await s.create(CaseDraft.parse(prisonerDraft())), await s.create(CaseDraft.parse(ngoDraft()))];
  await s.close();
  return made;
}
/** The index file's rows line as JSON (what its own writer puts there, see summaryIndex.ts). */
type IndexJson = { layout: { summary: string[] }; trash: object; rows: unknown[][] };
/** The rows line read: its layout and trash, then its batches of rows after each 0x1e. */
function parseRows(line: string): IndexJson {
  const [first, ...batches] = line.split('\x1e');
  return { ...(JSON.parse(first!) as Omit<IndexJson, 'rows'>), rows: batches.flatMap((b) => JSON.parse(b) as unknown[][]) };
}
/** The rows line as the writer lays it out (in one batch). */
const rowsLine = ({ rows, ...rest }: IndexJson) => `${JSON.stringify(rest)}\x1e${JSON.stringify(rows)}`;
/** The index file's lines: the head, the rows as JSON, the agendas as text. */
async function readIndexJson(file: string): Promise<{ head: string; index: IndexJson; agendas: string }> {
  const [head, rows, agendas] = (await readFile(file, 'utf8')).split('\n');
  return { head: head!, index: parseRows(rows!), agendas: agendas! };
}
/** An index file laid out as this build's writer lays it out, its head's checksums and lengths right, with `version` in its head. */
function indexText(index: IndexJson, agendas: string, version = 6): string {
  const rows = rowsLine(index);
  const hex = (text: string) => crc32(text).toString(16).padStart(8, '0');
  const bytes = (text: string) => String(Buffer.byteLength(text)).padStart(12, '0');
  return `{"format":"casefile-summary-index","version":${version},"check":"${hex(rows)}-${hex(agendas)}-${bytes(rows)}-${bytes(agendas)}"}\n${rows}\n${agendas}`;
}

const caseFile = (id: string) => path.join(dir, 'cases', `${id}.json`);

describe('the summary index', () => {
  it('is written on close and lists an untouched archive without parsing case files', async () => {
    const [a, b] = await seed();
    const index = await loadSummaryIndex(path.join(dir, SUMMARY_INDEX_FILE));
    expect([...index.cases.keys()].sort()).toEqual([a!.id, b!.id].sort());

    // Garble a file and make the index vouch for the garbled file's size and mtime
    // (written by the index's own writer, checksum and all): if the open parsed case
    // files, it would find the damage now.
    await writeFile(caseFile(a!.id), 'x'.repeat(100));
    const st = await stat(caseFile(a!.id));
    const forged = await loadSummaryIndex(path.join(dir, SUMMARY_INDEX_FILE));
    forged.cases.set(a!.id, { ...forged.cases.get(a!.id)!, ...fileStateOf(st) });
    await writeSummaryIndex(path.join(dir, SUMMARY_INDEX_FILE), forged);
    store = await CaseStore.open(dir);
    expect(store.list().map((c) => c.title).sort()).toEqual([a!.title, b!.title].sort());
    expect(store.quarantinedNow).toEqual([]);
    // ...and the first read of the whole case finds the damage and quarantines it.
    await expect(store.get(a!.id)).rejects.toThrow(/moved to quarantine/);
    expect(store.list().map((c) => c.id)).toEqual([b!.id]);
    expect((await store.verify()).problems.map((p) => p.message)).toEqual([expect.stringMatching(/^quarantined: cases\/.*not valid JSON/)]);
  });

  it('heals an entry whose file was changed behind the app’s back', async () => {
    const [a] = await seed();
    const edited = { ...(JSON.parse(await readFile(caseFile(a!.id), 'utf8')) as CaseFile), title: 'Edited by hand', rev: 7 };
    await writeFile(caseFile(a!.id), JSON.stringify(edited, null, 2));
    store = await CaseStore.open(dir);
    expect(store.summary(a!.id)).toMatchObject({ title: 'Edited by hand', rev: 7 });
    const index = await loadSummaryIndex(path.join(dir, SUMMARY_INDEX_FILE));
    expect(index.cases.get(a!.id)!.summary.title).toBe('Edited by hand'); // rewritten at once
  });

  it('heals an entry whose file was edited keeping its size and modification time (cp -p, touch -r)', async () => {
    const [a] = await seed();
    const file = caseFile(a!.id);
    const when = new Date('2026-01-02T03:04:05.000Z'); // a whole millisecond, which utimes sets exactly
    await utimes(file, when, when);
    await (await CaseStore.open(dir)).close(); // the index now records this size and time
    const before = await stat(file);
    const original = await readFile(file, 'utf8');
    // The same size: the title swapped for another of as many bytes.
    const title = 'Z'.repeat(Buffer.byteLength(a!.title));
    const edited = original.replace(`"title": "${a!.title}"`, `"title": "${title}"`);
    expect(Buffer.byteLength(edited)).toBe(before.size);
    const elsewhere = path.join(dir, 'edited-copy.json');
    await writeFile(elsewhere, edited);
    await copyFile(elsewhere, file); // what cp does; then -p (or touch -r) puts the time back
    await utimes(file, when, when);
    const after = await stat(file);
    expect([after.mtimeMs, after.size]).toEqual([before.mtimeMs, before.size]);
    store = await CaseStore.open(dir);
    expect(store.summary(a!.id)!.title).toBe(title);
    expect((await store.get(a!.id)).title).toBe(title);
  });

  it('checks a trashed file once, then only when it changes', async () => {
    const [a] = await seed();
    store = await CaseStore.open(dir);
    await store.trash(a!.id);
    await store.close();
    // The index vouches for the trashed file as it is: forge that for a damaged one,
    // and the open does not read it (it would quarantine it if it did)…
    const trashed = path.join(dir, 'trash', `${a!.id}.json`);
    await writeFile(trashed, 'x'.repeat(10));
    const index = await loadSummaryIndex(path.join(dir, SUMMARY_INDEX_FILE));
    expect([...index.trash.keys()]).toEqual([a!.id]);
    index.trash.set(a!.id, fileStateOf(await stat(trashed)));
    await writeSummaryIndex(path.join(dir, SUMMARY_INDEX_FILE), index);
    store = await CaseStore.open(dir);
    expect(store.quarantinedNow).toEqual([]);
    await store.close();
    // …while a change of the file, which the index did not see, is read and quarantined.
    await writeFile(trashed, 'y'.repeat(10));
    store = await CaseStore.open(dir);
    expect(store.quarantinedNow.map((q) => q.reason)).toEqual([expect.stringMatching(/^trash\/.*not valid JSON/)]);
  });

  it('turns away an index whose bytes do not match the checksum in its head, before parsing it', async () => {
    const [a] = await seed();
    const file = path.join(dir, SUMMARY_INDEX_FILE);
    const bytes = await readFile(file);
    expect(bytes.toString('latin1', 0, 60)).toMatch(/^\{"format":"casefile-summary-index","version":6,"check":"[0-9a-f]/);
    // A title changed in place, same length, still valid JSON: only the checksum tells.
    const title = 'Q'.repeat(Buffer.byteLength(a!.title));
    const forged = bytes.toString('utf8').replace(a!.title, title);
    expect(parseRows(forged.split('\n')[1]!).rows.flat()).toContain(title);
    await writeFile(file, forged);
    expect((await loadSummaryIndex(file)).cases.size).toBe(0);
    store = await CaseStore.open(dir);
    expect(store.summary(a!.id)!.title).toBe(a!.title);
  });

  it('reads the agendas only when asked, and makes one from the case file when the index’s agenda line lacks it', async () => {
    const file = path.join(dir, SUMMARY_INDEX_FILE);
    const s = await CaseStore.open(dir);
    const a = await s.create(CaseDraft.parse(prisonerDraft({ title: 'With a deadline', deadlines: [{ date: '2027-02-01', title: 'Appeal limit' }] })));
    const b = await s.create(CaseDraft.parse(ngoDraft({ title: 'Another', deadlines: [{ date: '2027-03', title: 'Report' }] })));
    await s.close();
    // A valid index (checksum and all) whose agenda line knows only b.
    const { index, agendas } = await readIndexJson(file);
    const onlyB = JSON.stringify({ [b.id]: (JSON.parse(agendas) as Record<string, unknown>)[b.id] });
    await writeFile(file, indexText(index, onlyB));
    store = await CaseStore.open(dir);
    expect(store.list().map((c) => c.title).sort()).toEqual(['Another', 'With a deadline']);
    const items = await store.openItems();
    expect(items.map((c) => [c.title, c.agenda.map((i) => i.title)]).sort()).toEqual([
      ['Another', ['Report']],
      ['With a deadline', ['Appeal limit']], // from the case file
    ]);
    expect(store.quarantinedNow).toEqual([]);
    await store.close();
    store = undefined;
    // ...and the index is healed: its agenda line now holds both.
    const reread = await loadSummaryIndex(file);
    expect(await fillAgendas(reread)).toEqual([]);
    expect(reread.cases.get(a.id)!.agenda!.map((i) => i.title)).toEqual(['Appeal limit']);
  });

  it('drops entries whose file is gone and picks up files it has never seen', async () => {
    const [a, b] = await seed();
    await unlink(caseFile(a!.id));
    const copy = { ...(JSON.parse(await readFile(caseFile(b!.id), 'utf8')) as CaseFile), id: 'copied-in' };
    await writeFile(caseFile('copied-in'), JSON.stringify(copy));
    store = await CaseStore.open(dir);
    expect(store.list().map((c) => c.id).sort()).toEqual(['copied-in', b!.id].sort());
  });

  it('ignores an index whose entries do not match its checksum (edited by hand)', async () => {
    const [a] = await seed();
    const file = path.join(dir, SUMMARY_INDEX_FILE);
    const { head, index, agendas } = await readIndexJson(file);
    const title = index.layout.summary.indexOf('title');
    index.rows.find((row) => row[0] === a!.id)![title] = 'Forged title';
    await writeFile(file, `${head}\n${rowsLine(index)}\n${agendas}`);
    store = await CaseStore.open(dir);
    expect(store.summary(a!.id)!.title).toBe(a!.title);
  });

  it('is rebuilt, not misread, when its columns are not this build’s (checksum and all)', async () => {
    const [a] = await seed();
    const file = path.join(dir, SUMMARY_INDEX_FILE);
    const { index, agendas } = await readIndexJson(file);
    // What a build whose summaries had their fields in another order would have written: title and status swapped.
    const [t, st] = [index.layout.summary.indexOf('title'), index.layout.summary.indexOf('status')];
    index.layout.summary[t] = 'status';
    index.layout.summary[st] = 'title';
    for (const row of index.rows) [row[t], row[st]] = [row[st], row[t]];
    await writeFile(file, indexText(index, agendas));
    expect((await loadSummaryIndex(file)).cases.size).toBe(0);
    store = await CaseStore.open(dir);
    expect(store.summary(a!.id)).toMatchObject({ title: a!.title, status: a!.status });
  });

  it('rebuilds, never reuses, an index the previous build wrote (version 5: one line of head and rows, sha256), checksum and all', async () => {
    const s = await CaseStore.open(dir);
    const a = await s.create(CaseDraft.parse(prisonerDraft({
      title: 'Ten days',
      detention: { status: 'released', since: '2021-02-08', releasedOn: '2021-02-18' },
      decisions: [{ stage: 'verdict', date: '2021-02-08', penalty: { type: 'administrative_arrest', term: { days: 10 } } }],
    })));
    await s.close();
    const file = path.join(dir, SUMMARY_INDEX_FILE);
    const { index, agendas } = await readIndexJson(file);
    // What the previous build wrote: the same columns, in its layout, a stale title, a valid checksum.
    const title = index.layout.summary.indexOf('title');
    for (const row of index.rows) row[title] = 'Stale row';
    const body = `${JSON.stringify(index).slice(1)}\n${agendas}`;
    await writeFile(file, `{"format":"casefile-summary-index","version":5,"sha256":"${createHash('sha256').update(body).digest('hex')}",${body}`);
    expect((await loadSummaryIndex(file)).cases.size).toBe(0);
    // …and one in this layout under another version's number.
    await writeFile(file, indexText(index, agendas, 5));
    expect((await loadSummaryIndex(file)).cases.size).toBe(0);
    store = await CaseStore.open(dir);
    expect(store.quarantinedNow).toEqual([]);
    expect(store.summary(a.id)).toMatchObject({ title: 'Ten days', penaltyType: 'administrative_arrest', penaltyTerm: { days: 10 }, releasedOn: '2021-02-18' });
  });

  it('checks the agenda line only when the agenda is asked for: damaged, it costs the agendas alone, each made again from its case file', async () => {
    const file = path.join(dir, SUMMARY_INDEX_FILE);
    const s = await CaseStore.open(dir);
    const a = await s.create(CaseDraft.parse(prisonerDraft({ title: 'With a deadline', deadlines: [{ date: '2027-02-01', title: 'Appeal limit' }] })));
    await s.close();
    const { head, index, agendas } = await readIndexJson(file);
    // One letter of the agenda line changed, its length kept: valid JSON, but not what its CRC says.
    expect(agendas).toContain('Appeal limit');
    await writeFile(file, `${head}\n${rowsLine(index)}\n${agendas.replace('Appeal limit', 'Appeal limiT')}`);
    const loaded = await loadSummaryIndex(file);
    expect(loaded.cases.get(a.id)?.summary.title).toBe('With a deadline'); // the rows are trusted…
    expect(await fillAgendas(loaded)).toEqual([a.id]); // …the agenda line is not
    store = await CaseStore.open(dir);
    expect((await store.openItems()).map((c) => c.agenda.map((i) => i.title))).toEqual([['Appeal limit']]);
    await store.close();
    store = undefined;
    // Healed: the index written at close holds the agenda again.
    const reread = await loadSummaryIndex(file);
    expect(await fillAgendas(reread)).toEqual([]);
    expect(reread.cases.get(a.id)!.agenda!.map((i) => i.title)).toEqual(['Appeal limit']);
  });

  it('reads back an index of several batches of rows: every row, in the list’s order, and every agenda', async () => {
    const [a] = await seed();
    const file = path.join(dir, SUMMARY_INDEX_FILE);
    const seeded = await loadSummaryIndex(file);
    await fillAgendas(seeded);
    const model = seeded.cases.get(a!.id)!;
    const cases = new Map<string, IndexEntry>();
    for (let i = 0; i < 2500; i++) {
      const id = `many-${String(i).padStart(4, '0')}`;
      const agenda = [{ kind: 'deadline' as const, id: `d-${i}`, date: '2027-01-01', title: `Deadline ${i}` }];
      cases.set(id, { ...model, ino: i, summary: { ...model.summary, id, title: `Case ${i}`, updatedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }, agenda });
    }
    await writeSummaryIndex(file, { cases, trash: new Map() });
    expect((await readFile(file, 'utf8')).split('\n')[1]!.split('\x1e')).toHaveLength(4); // the layout and trash, then three batches
    const back = await loadSummaryIndex(file);
    expect([...back.cases.keys()]).toEqual([...cases.keys()].reverse()); // newest first
    for (const id of ['many-0000', 'many-0999', 'many-1000', 'many-2499']) expect(back.cases.get(id)).toEqual({ ...cases.get(id), agenda: undefined });
    expect(await fillAgendas(back)).toEqual([]);
    expect(back.cases.get('many-1234')!.agenda).toEqual(cases.get('many-1234')!.agenda);
  });

  it('writes its rows in the list’s order, newest first, whatever order they were saved in', async () => {
    const s = await CaseStore.open(dir, { now: (() => { let t = Date.parse('2026-01-01T00:00:00.000Z'); return () => new Date((t += 60_000)); })() });
    const made = [];
    for (const title of ['First', 'Second', 'Third']) made.push(await s.create(CaseDraft.parse(prisonerDraft({ title }))));
    await s.update(made[0]!.id, made[0]!.rev, CaseDraft.parse(prisonerDraft({ title: 'First, edited last' })));
    const listed = s.list().map((c) => c.title);
    await s.close();
    expect(listed).toEqual(['First, edited last', 'Third', 'Second']);
    const { index } = await readIndexJson(path.join(dir, SUMMARY_INDEX_FILE));
    const title = index.layout.summary.indexOf('title');
    expect(index.rows.map((row) => row[title])).toEqual(listed);
    store = await CaseStore.open(dir);
    expect(store.list().map((c) => c.title)).toEqual(listed);
  });

  it('is rebuilt whole when missing or damaged', async () => {
    const [a, b] = await seed();
    await writeFile(path.join(dir, SUMMARY_INDEX_FILE), '{"format":"casefile-summary-index","version":1,"entries":{"x":{}}}');
    store = await CaseStore.open(dir);
    expect(store.count()).toBe(2);
    await store.close();
    await rm(path.join(dir, SUMMARY_INDEX_FILE));
    store = await CaseStore.open(dir);
    expect(store.list().map((c) => c.id).sort()).toEqual([a!.id, b!.id].sort());
  });

  it('follows saves at once in memory, and a stale index on disk heals after a crash', async () => {
    const [a] = await seed();
    store = await CaseStore.open(dir);
    const before = await readFile(path.join(dir, SUMMARY_INDEX_FILE), 'utf8');
    const updated = await store.update(a!.id, 1, CaseDraft.parse(prisonerDraft({ title: 'Renamed' })));
    expect(store.summary(a!.id)).toMatchObject({ title: 'Renamed', rev: 2 });
    // The on-disk index is written later, not on every save; simulate a crash before it is.
    expect(await readFile(path.join(dir, SUMMARY_INDEX_FILE), 'utf8')).toBe(before);
    const lock = path.join(dir, 'casefile.lock');
    await unlink(lock);
    store = undefined; // abandoned, like a killed process (its lock is gone)
    const reopened = await CaseStore.open(dir);
    try {
      expect(reopened.summary(a!.id)).toMatchObject({ title: 'Renamed', rev: updated.rev });
    } finally {
      await reopened.close();
    }
  });

  it('tells subscribers about every change', async () => {
    store = await CaseStore.open(dir);
    const seen: string[] = [];
    store.subscribe((c: StoreChange) => seen.push(c.type === 'upsert' ? `upsert ${c.case.title}` : `remove`));
    const c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'One' })));
    await store.update(c.id, 1, CaseDraft.parse(prisonerDraft({ title: 'Two' })));
    await store.trash(c.id);
    await store.restore(c.id);
    await store.importBundle({ format: 'casefile-bundle', version: 2, exportedAt: '2026-11-22T10:00:00.000Z', cases: [CaseDraft.parse(ngoDraft({ title: 'Three' }))] }, 'fail');
    expect(seen).toEqual(['upsert One', 'upsert Two', 'remove', 'upsert Two', 'upsert Three']);
  });

  it('keeps a bounded number of whole cases in memory and still serves every case', async () => {
    store = await CaseStore.open(dir, { cacheSize: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await store.create(CaseDraft.parse(prisonerDraft({ title: `Case ${i}` })))).id);
    for (const [i, id] of ids.entries()) expect((await store.get(id)).title).toBe(`Case ${i}`);
    const titles: string[] = [];
    for await (const c of store.all()) titles.push(c.title);
    expect(titles.sort()).toEqual(['Case 0', 'Case 1', 'Case 2', 'Case 3', 'Case 4']);
  });
});
