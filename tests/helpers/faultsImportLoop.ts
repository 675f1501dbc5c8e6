// A child process for the import crash test. It loads its modules, says "loaded" and
// waits for a line on stdin (so the test can start it while the previous one still
// runs); then it opens the store and imports bundles of new cases in a loop, saying
// "importing <ids>" before each and "imported <ids>" once the import has resolved,
// until it is killed. Every case's content derives from its id (see importedCase), so
// a torn or mixed file is detectable.
import { Bundle } from '../../shared/model';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { importedCase } from './faultsImportPayload';

const [dataDir, prefix] = process.argv.slice(2);

process.stdout.write('loaded\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const store = await CaseStore.open(dataDir!);
process.stdout.write('ready\n');
for (let round = 0; ; round++) {
  const size = 2 + (round % 4); // 2 to 5 cases per bundle
  const ids = Array.from({ length: size }, (_, j) => `${prefix}-${round}-${j}`);
  const bundle = Bundle.parse({ format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases: ids.map(importedCase) });
  process.stdout.write(`importing ${ids.join(',')}\n`);
  await store.importBundle(bundle, 'fail');
  process.stdout.write(`imported ${ids.join(',')}\n`);
}
