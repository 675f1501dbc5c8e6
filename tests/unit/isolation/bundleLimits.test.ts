import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { setLimits } from '../../../electron/services/isolation/limits';
import { runningJobs } from '../../../electron/services/isolation/runJob';
import type { ImportReport } from '../../../shared/contract';
import type { AnnotationState, AuditEntry, CaseFile } from '../../../shared/model';
import { cli } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { startTestServer, until, type TestServer } from './server';

// Hostile bundles through browser mode's server, as the window sends them (the file's
// bytes), and through the command line: each refused by a named limit, quickly, with a
// capped list of faults, while the server goes on answering; nothing stored.

let t: TestServer;
beforeEach(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  setLimits();
  await t.close();
});

const HEAD = '{"format":"casefile-bundle","version":1,"exportedAt":"2026-01-01T00:00:00Z",';
const file = (fileName: string, bytes: Buffer | string) => ({ fileName, dataBase64: Buffer.from(bytes).toString('base64') });
const importFile = (fileName: string, bytes: Buffer | string, onConflict = 'fail') => t.api<ImportReport>('bundle.import', { file: file(fileName, bytes), onConflict });
const bundleText = (cases: unknown[], extra = '') => `${HEAD}"cases":${JSON.stringify(cases)}${extra}}`;
const fiveMillionNumbers = () => `${HEAD}"cases":[${Array.from({ length: 5_000_000 }, (_, i) => i % 10).join(',')}]}`;

it('five million numbers: refused with the first 100 faults and a count of the rest; the server answers meanwhile', async () => {
  const text = fiveMillionNumbers();
  const pending = importFile('numbers.json', text);
  await until(() => runningJobs() > 0, 'the worker to start');
  const page = await t.get('/');
  expect(runningJobs()).toBe(1); // answered while the bundle is still being read
  expect(page.status).toBe(200);

  const result = await pending;
  if (result.ok) throw new Error('accepted');
  expect(result.error.code).toBe('bad_input');
  expect(result.error.message).toBe('"numbers.json" was refused; nothing was stored.');
  const issues = result.error.issues!;
  expect(issues).toHaveLength(101);
  expect(issues.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, i) => ({ path: ['bundle', 'cases', i], message: 'expected an object, got number' })));
  expect(issues[100]).toEqual({ path: [], message: 'and 4,999,900 more faults not listed (the first 100 are shown)' });
  expect(t.store.count()).toBe(0);
});

it('the command line prints the first 100 faults and the count, not five million lines', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const bundle = path.join(dir, 'numbers.json');
    await import('node:fs/promises').then((fs) => fs.writeFile(bundle, fiveMillionNumbers()));
    const run = await cli(['--data-dir', path.join(dir, 'data'), 'import', bundle]);
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('casefile: numbers.json was refused; nothing was stored. Faults by JSON path:');
    expect(lines.slice(1, 3)).toEqual(['  cases[0]: expected an object, got number', '  cases[1]: expected an object, got number']);
    expect(lines.slice(-1)).toEqual(['  and 4,999,900 more faults not listed (the first 100 are shown)']);
    expect(lines).toHaveLength(102);
  } finally {
    await cleanup();
  }
});

it('invalid UTF-8 is refused, saying at which byte and line; nothing becomes U+FFFD', async () => {
  const bytes = Buffer.concat([Buffer.from(`${HEAD}\n"cases":[{"kind":"political_prisoner","title":"Ка`), Buffer.from([0xd0, 0x22]), Buffer.from(',"person":{"name":"X"}}]}')]);
  const at = bytes.lastIndexOf(0xd0);
  const result = await importFile('broken.json', bytes);
  expect(result).toEqual({
    ok: false,
    error: {
      code: 'bad_input',
      message: `"broken.json" is not valid UTF-8: byte ${at} (line 2) is 0xd0, which UTF-8 does not allow. The file was damaged or saved in another encoding; export it again, or save it as UTF-8 in a text editor. Nothing was stored.`,
    },
  });
  expect(t.store.count()).toBe(0);
});

it('a UTF-8 byte-order mark is accepted, and the text after it read exactly', async () => {
  const title = 'Қасым — дело № 1';
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(bundleText([prisonerDraft({ title })]))]);
  const result = await importFile('with-bom.json', bytes);
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.results.map((r) => [r.action, r.title])).toEqual([['created', title]]);
  expect(t.store.count()).toBe(1);
});

it('UTF-16 is refused with what to do', async () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bundleText([]), 'utf16le')]);
  const result = await importFile('utf16.json', bytes);
  expect(!result.ok && result.error.message).toBe('"utf16.json" is saved as UTF-16; a bundle must be UTF-8. Open it in a text editor and save it as UTF-8, then import it again; nothing was stored.');
});

it('a 100,000-deep value is refused (as a file and as a parsed request); within the bound, history is imported whole', async () => {
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  const id = 'deep-case';
  const entry = (value: string) => `{"at":"2026-01-01T00:00:00Z","rev":1,"cause":"create","changes":[{"path":"title","new":${value}}]}`;
  const withHistory = (value: string) => `${HEAD}"cases":${JSON.stringify([prisonerDraft({ id })])},"history":{"${id}":[${entry(value)}]}}`;

  const refused = await importFile('deep.json', withHistory(deep));
  expect(!refused.ok && refused.error.message).toMatch(/^"deep\.json" nests values more than 64 levels deep \(at line 1, column \d+\); a Casefile bundle needs far fewer\. It is not a bundle Casefile wrote, or it was altered; nothing was stored\.$/);

  // The same value in an already-parsed request (the old form) is refused by the dispatcher.
  const parsed = await t.apiRaw('bundle.import', `{"bundle":${withHistory(deep)}}`);
  expect(!parsed.ok && parsed.error.message).toBe('The request for bundle.import nests values more than 64 levels deep, far more than any Casefile data needs; nothing was changed.');
  expect(t.store.count()).toBe(0);

  // Just inside the bound: stored, and its history with it (never silently dropped).
  const fine = '['.repeat(50) + '"x"' + ']'.repeat(50);
  const ok = await importFile('fine.json', withHistory(fine));
  if (!ok.ok) throw new Error(ok.error.message);
  const history = await t.api<AuditEntry[]>('cases.history', { id });
  expect(history.ok && history.value.map((e) => e.cause)).toEqual(['create', 'import']);
  expect(history.ok && JSON.stringify(history.value[0]!.changes[0]!.new)).toBe(fine);
});

it('1,000 annotations whose quotes are absent from a 3 MB source: anchoring is bounded, the import finishes, the annotations keep their quotes unplaced', async () => {
  setLimits({ anchorAllMs: 1_500, anchorOneMs: 1_000 });
  const words = ['суд', 'решение', 'дело', 'court', 'appeal', 'article', 'заявитель', 'статья'];
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; length < 3_000_000; k++) {
    const w = `${words[(k * 7) % words.length]}${k % 13 === 0 ? '\n' : ' '}`;
    parts.push(w);
    length += w.length;
  }
  const text = parts.join('');
  const annotations = Array.from({ length: 1000 }, (_, i) => ({
    id: `a${i}`,
    sourceId: 's1',
    target: { quote: { exact: `words that never occur in the source, number ${i}`, prefix: 'nothing ', suffix: ' here' } },
    body: `note ${i}`,
  }));
  const draft = prisonerDraft({ id: 'many', sources: [{ id: 's1', title: 'Ruling', kind: 'court_document', text }], annotations } as never);
  const bytes = bundleText([draft]);
  expect(bytes.length).toBeGreaterThan(3_000_000);

  const pending = importFile('unanchorable.json', bytes);
  await until(() => runningJobs() > 0, 'a worker to start');
  const info = await t.api<{ name: string }>('app.info', {});
  expect(runningJobs()).toBe(1);
  expect(info.ok).toBe(true);

  const result = await pending;
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.results.map((r) => r.action)).toEqual(['created']);
  const stored = JSON.parse(await readFile(path.join(t.store.dataDir, 'cases', 'many.json'), 'utf8')) as CaseFile;
  expect(stored.annotations).toHaveLength(1000);
  expect(stored.annotations.map((a) => a.target)).toEqual(annotations.map((a) => a.target)); // unplaced: no position was invented

  // Opening the case's annotations and saving the case are bounded the same way.
  const states = await t.api<AnnotationState[]>('annotations.list', { id: 'many' });
  if (!states.ok) throw new Error(states.error.message);
  expect(states.value).toHaveLength(1000);
  expect(new Set(states.value.map((s) => s.status))).toEqual(new Set(['orphaned']));
  expect(states.value.at(-1)!.reason).toBe(
    'Its words were not looked for to the end: searching the source took longer than the limit (1 s for one annotation, 1.5 s for all). Shorten the quote, or split the source into smaller ones.',
  );
  const { id: _id, rev, createdAt: _c, updatedAt: _u, ...draftAgain } = stored;
  const saved = await t.api<CaseFile>('cases.update', { id: 'many', baseRev: rev, case: { ...draftAgain, title: 'Many, saved again' } });
  expect(saved.ok && saved.value.rev).toBe(2);
});

it('one annotation too slow to place is stopped on its own; the next is still placed', async () => {
  setLimits({ anchorOneMs: 500 });
  const words = ['суд', 'решение', 'дело', 'court', 'appeal', 'article'];
  const text = Array.from({ length: 250_000 }, (_, k) => words[k % words.length]).join(' ') + ' the quoted passage is here.';
  const slowQuote = Array.from({ length: 2_000 }, (_, k) => `w${k}x`).join(' '); // long and absent: seconds of searching
  const draft = prisonerDraft({
    id: 'mixed',
    sources: [{ id: 's1', title: 'Ruling', kind: 'court_document', text }],
    annotations: [
      { id: 'slow', sourceId: 's1', target: { quote: { exact: slowQuote } }, body: 'slow' },
      { id: 'found', sourceId: 's1', target: { quote: { exact: 'the quoted passage is here' } }, body: 'found' },
    ],
  } as never);
  const result = await importFile('mixed.json', bundleText([draft]));
  if (!result.ok) throw new Error(result.error.message);
  const stored = JSON.parse(await readFile(path.join(t.store.dataDir, 'cases', 'mixed.json'), 'utf8')) as CaseFile;
  const [slow, found] = stored.annotations;
  expect(slow!.target).toEqual({ quote: { exact: slowQuote } });
  const at = text.indexOf('the quoted passage is here');
  expect(found!.target!.position).toEqual({ start: at, end: at + 'the quoted passage is here'.length });
});
