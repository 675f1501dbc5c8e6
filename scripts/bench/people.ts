// `node --import tsx scripts/bench/people.ts [--cases N]`: the people index and the caseload
// at scale — a benchmark, not a test. Writes N generated cases (as the main bench does),
// then, each in a fresh process, times the first people.list and the first stats.caseload
// with the case facts file (local/case-facts.ndjson) absent and present; then, in this
// process, what the People page waits for after that: a list again (cached), a text
// filter, one actor's page, a list after a save (the change feed, no rebuild), a merge.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { createDispatcher } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { CURRENT_SCHEMA_VERSION } from '../../electron/services/store/meta';
import { CASE_FACTS_FILE } from '../../electron/services/disk/folderLayout';
import { generateCase } from './generate';

const { values } = parseArgs({ options: { cases: { type: 'string' }, dir: { type: 'string' }, first: { type: 'string' } } });
const N = Number(values.cases ?? 10_000);
const log = (s: string) => process.stderr.write(`${s}\n`);

/** In a fresh process (`--dir D --first people|stats`): the first call of each, in that order, then close (which writes the facts). */
async function firstCalls(dataDir: string, first: string): Promise<void> {
  const started = performance.now();
  const store = await CaseStore.open(dataDir);
  const opened = performance.now() - started;
  const dispatch = createDispatcher(createHandlers(store));
  const ops = first === 'people' ? (['people.list', 'stats.caseload'] as const) : (['stats.caseload', 'people.list'] as const);
  const ms: number[] = [];
  for (const op of ops) {
    const t = performance.now();
    const r = await dispatch(op, {});
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
    ms.push(performance.now() - t);
  }
  const t = performance.now();
  await store.close();
  process.stdout.write(JSON.stringify({ opened, [ops[0]]: ms[0], [ops[1]]: ms[1], close: performance.now() - t }));
}

if (values.dir) {
  await firstCalls(values.dir, values.first ?? 'people');
  process.exit(0);
}

const self = fileURLToPath(import.meta.url);
async function inFreshProcess(dataDir: string, first: 'people' | 'stats', facts: 'absent' | 'present'): Promise<void> {
  if (facts === 'absent') await rm(path.join(dataDir, ...CASE_FACTS_FILE.split('/')), { force: true });
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', self, '--dir', dataDir, '--first', first], { maxBuffer: 1 << 20 });
  const r = JSON.parse(stdout) as Record<string, number>;
  const f = (k: string) => `${(r[k] ?? 0).toFixed(0)} ms`;
  log(`fresh process, facts ${facts.padEnd(7)}: open ${f('opened')}; ${first === 'people' ? `people.list ${f('people.list')}, then stats.caseload ${f('stats.caseload')}` : `stats.caseload ${f('stats.caseload')}, then people.list ${f('people.list')}`}; close ${f('close')}`);
}

const work = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-people-'));
const dataDir = path.join(work, 'data');
try {
  await mkdir(path.join(dataDir, 'cases'), { recursive: true });
  await writeFile(path.join(dataDir, 'meta.json'), JSON.stringify({ format: 'casefile-data', schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: new Date().toISOString() }));
  for (let i = 0; i < N; i++) {
    const g = generateCase(i);
    await writeFile(path.join(dataDir, 'cases', `${g.case.id}.json`), `${JSON.stringify(g.case, null, 2)}\n`);
  }
  await inFreshProcess(dataDir, 'people', 'absent');
  await inFreshProcess(dataDir, 'people', 'present');
  await inFreshProcess(dataDir, 'stats', 'absent');
  await inFreshProcess(dataDir, 'stats', 'present');
  const store = await CaseStore.open(dataDir);
  const dispatch = createDispatcher(createHandlers(store));
  const timed = async (label: string, op: Parameters<typeof dispatch>[0], input: unknown) => {
    const t = performance.now();
    const r = await dispatch(op, input as never);
    const ms = performance.now() - t;
    if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
    log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms`);
    return { ms, value: r.value };
  };
  const first = await timed('people.list, first (facts present)', 'people.list', {});
  const actors = first.value as { key: string; caseCount: number }[];
  // What the first list pays for reading alone (the same reads stats.caseload makes), for comparison.
  const t = performance.now();
  let read = 0;
  for await (const c of store.all()) read += c.events.length >= 0 ? 1 : 0;
  log(`${`read every case alone (${read})`.padEnd(44)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
  await timed('people.list again (cached)', 'people.list', {});
  await timed('people.list --min-cases 2', 'people.list', { minCases: 2 });
  await timed('people.list --text almaty', 'people.list', { text: 'almaty' });
  await timed(`people.get (the top actor, ${actors[0]!.caseCount} cases)`, 'people.get', { key: actors[0]!.key });
  const c = await store.get(store.ids()[0]!);
  await store.update(c.id, c.rev, { ...c, summary: `${c.summary} (edited)` });
  await timed('people.list after a save (change feed)', 'people.list', {});
  await timed('people.merge of the two largest', 'people.merge', { keys: [actors[0]!.key, actors[1]!.key] });
  await timed('people.list after the merge (regrouped)', 'people.list', {});
  log(`${actors.length} actors; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  await store.close();
} finally {
  await rm(work, { recursive: true, force: true });
}
