// `node --import tsx scripts/bench/people.ts [--cases N]`: the people index at scale — a
// benchmark, not a test. Writes N generated cases (as the main bench does), opens the
// folder in this process, and times what the People page waits for: the first
// people.list (every case read and indexed), a list again (cached), a text filter, one
// actor's page, a list after a save (the change feed, no rebuild), and a merge.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createDispatcher } from '../../electron/services/dispatch';
import { createHandlers } from '../../electron/services/handlers';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { CURRENT_SCHEMA_VERSION } from '../../electron/services/store/meta';
import { generateCase } from './generate';

const { values } = parseArgs({ options: { cases: { type: 'string' } } });
const N = Number(values.cases ?? 10_000);
const log = (s: string) => process.stderr.write(`${s}\n`);

const work = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-people-'));
const dataDir = path.join(work, 'data');
try {
  await mkdir(path.join(dataDir, 'cases'), { recursive: true });
  await writeFile(path.join(dataDir, 'meta.json'), JSON.stringify({ format: 'casefile-data', schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: new Date().toISOString() }));
  for (let i = 0; i < N; i++) {
    const g = generateCase(i);
    await writeFile(path.join(dataDir, 'cases', `${g.case.id}.json`), `${JSON.stringify(g.case, null, 2)}\n`);
  }
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
  const first = await timed(`people.list, first (reads ${N} cases)`, 'people.list', {});
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
