// Runs one measurement in a fresh process (a cold start, as a user opening the app
// gets) and prints its figures as JSON on the last line.
import { performance } from 'node:perf_hooks';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { createServices } from '../../electron/services/handlers';
import { createDispatcher } from '../../electron/services/dispatch';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { unlockVault, wipe } from '../../electron/services/crypto';
import { readVaultFile } from '../../electron/services/crypto/journal';
import { restoreSnapshot } from '../../electron/services/backup';
import { lastWrite } from '../../electron/services/backup/snapshots';
import path from 'node:path';
import { benchQueries } from './generate';
import { renderBrief } from '../../electron/services/briefs';
import { warmBriefs } from '../../electron/services/briefs/warm';
import { CaseDraft } from '../../shared/model';

/** This process's peak resident memory so far, in MiB (Linux reports maxRSS in KiB). */
const peakMb = () => process.resourceUsage().maxRSS / 1024;

const [what, target] = process.argv.slice(2);
const mb = () => process.memoryUsage().rss / 2 ** 20;
/** CPU time of the whole process so far (every thread: the pools' workers too), user + system, in ms. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

if (what === 'open') {
  const passphrase = process.env.CASEFILE_PASSPHRASE;
  // In an encrypted folder, the time the passphrase takes to become the key (scrypt, tuned to ~1 s on purpose), apart.
  let unlock = 0;
  if (passphrase) {
    const t = performance.now();
    await unlockVault(await readVaultFile(target!), passphrase).then(wipe);
    unlock = performance.now() - t;
  }
  const t0 = performance.now();
  // As the app opens: listed from the summary index, every file checked in the background (confirmed).
  const store = await CaseStore.open(target!, { confirmInBackground: true, ...(passphrase ? { passphrase } : {}) });
  const rows = store.list();
  const listable = performance.now() - t0;
  const cpuListable = cpuMs();
  const rssListable = mb();
  const services = createServices(store);
  // What the window waits for: the same list through the contract, its output validated.
  const answered = await createDispatcher(services.handlers)('cases.list', {});
  if (!answered.ok) throw new Error(answered.error.message);
  const listAnswered = performance.now() - t0;
  const confirming = store.confirmed().then(() => performance.now() - t0);
  await services.search.warm();
  const searchable = performance.now() - t0;
  const cpuSearchable = cpuMs();
  const rssSearchable = mb();
  const confirmed = await confirming;
  await store.close(); // saves what changed (the first time, both indexes)
  console.log(JSON.stringify({ listable, listAnswered, searchable, confirmed, unlock, cpuListable, cpuSearchable, rssListable, rssSearchable, rows: rows.length, quarantined: store.quarantinedNow.length }));
} else if (what === 'search') {
  // Cold open, then the bench's 200 mixed-script queries (run.ts's recipe, seed 42) with their time and memory.
  const n = Number(process.argv[4] ?? 10_000);
  const t0 = performance.now();
  const store = await CaseStore.open(target!);
  const services = createServices(store);
  await services.search.warm();
  const searchable = performance.now() - t0;
  const rssSearchable = mb();
  const times: number[] = [];
  let found = 0;
  for (const q of benchQueries(n)) {
    const t = performance.now();
    const hits = await services.handlers['search.query']({ query: q, limit: 50 }, {});
    times.push(performance.now() - t);
    if (hits.length > 0) found++;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  console.log(JSON.stringify({ searchable, rssSearchable, rssAfter: mb(), p50: at(0.5), p95: at(0.95), max: at(1), found }));
  await store.close();
} else if (what === 'baseline-open') {
  const t0 = performance.now();
  const db = new Low<{ cases: unknown[] }>(new JSONFile(target!), { cases: [] });
  await db.read();
  const open = performance.now() - t0;
  console.log(JSON.stringify({ open, rss: mb(), rows: db.data.cases.length }));
} else if (what === 'snapshot') {
  // A snapshot on its own, in its own process, so its peak memory is its own.
  const store = await CaseStore.open(target!);
  const rssOpen = peakMb();
  const t0 = performance.now();
  const info = await store.backup('manual');
  const ms = performance.now() - t0;
  await store.close();
  console.log(JSON.stringify({ ms, peakRssMB: peakMb(), peakRssOpenMB: rssOpen, bytes: info.bytes, name: info.name }));
} else if (what === 'snapshot-edit') {
  // A snapshot after one edit (the common case: the hourly one), in its own process, the edit saved first.
  const store = await CaseStore.open(target!);
  const id = store.list()[0]!.id;
  const c = await store.get(id);
  await store.update(id, c.rev, CaseDraft.parse({ ...c, summary: `${c.summary ?? ''} Edited at ${new Date().toISOString()}.` }));
  await store.settled();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const info = await store.backup('manual');
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await store.close();
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMB: peakMb(), bytes: info.bytes, name: info.name, how: lastWrite.get(path.resolve(target!)) }));
} else if (what === 'restore') {
  // The store closed, as the Session closes it for a restore (which also takes a safety snapshot first).
  const name = process.argv[4]!;
  const t0 = performance.now();
  await restoreSnapshot(target!, name, null);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, peakRssMB: peakMb() }));
} else if (what === 'brief') {
  // The first one-case brief of a fresh process: cold, or (BRIEF_WARM) after the warm-up the app runs in the background once a folder is open (Session).
  const store = await CaseStore.open(target!);
  const c = await store.get(store.list()[0]!.id);
  if (process.env.BRIEF_WARM) await warmBriefs();
  const t0 = performance.now();
  await renderBrief([c], null, { template: 'case' });
  const first = performance.now() - t0;
  await store.close();
  console.log(JSON.stringify({ first }));
} else {
  throw new Error(`unknown measurement ${what}`);
}
