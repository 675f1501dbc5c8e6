// Runs one measurement in a fresh process (a cold start, as a user opening the app
// gets) and prints its figures as JSON on the last line.
import { performance } from 'node:perf_hooks';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { createServices } from '../../electron/services/handlers';
import { CaseStore } from '../../electron/services/store/caseStore';

const [what, target] = process.argv.slice(2);
const mb = () => process.memoryUsage().rss / 2 ** 20;

if (what === 'open') {
  const t0 = performance.now();
  const store = await CaseStore.open(target!);
  const rows = store.list();
  const listable = performance.now() - t0;
  const rssListable = mb();
  const services = createServices(store);
  await services.search.warm();
  const searchable = performance.now() - t0;
  const rssSearchable = mb();
  await store.close();
  console.log(JSON.stringify({ listable, searchable, rssListable, rssSearchable, rows: rows.length, quarantined: store.quarantinedNow.length }));
} else if (what === 'baseline-open') {
  const t0 = performance.now();
  const db = new Low<{ cases: unknown[] }>(new JSONFile(target!), { cases: [] });
  await db.read();
  const open = performance.now() - t0;
  console.log(JSON.stringify({ open, rss: mb(), rows: db.data.cases.length }));
} else {
  throw new Error(`unknown measurement ${what}`);
}
