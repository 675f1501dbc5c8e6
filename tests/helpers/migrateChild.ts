// A child process for the migration crash test: it loads, says "loaded", waits
// for a line on stdin, then opens the data folder — which migrates it — and says
// "ready" once the open has finished, then closes the store and exits.
import { CaseStore } from '../../electron/services/folder/caseStore';

const [dataDir, passphrase] = process.argv.slice(2);

process.stdout.write('loaded\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const store = await CaseStore.open(dataDir!, passphrase ? { passphrase } : {});
process.stdout.write('ready\n');
await store.close();
process.exit(0);
