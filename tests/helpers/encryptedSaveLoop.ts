// A child process for the encrypted save crash test. It loads, says "loaded",
// waits for a line on stdin, opens the ENCRYPTED folder with the passphrase and
// then, until killed, saves edited cases one after another, saying
// "saving <id> <rev>" before each save and "saved <id> <rev>" once it has
// resolved (the case file and its history line are both durable then).
import { CaseDraft } from '../../shared/model';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { payloadFor } from './savePayload';

const [dataDir, idsArg, passphrase] = process.argv.slice(2);
const ids = idsArg!.split(',');

process.stdout.write('loaded\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const store = await CaseStore.open(dataDir!, { passphrase: passphrase! });
process.stdout.write('ready\n');
for (let round = 0; ; round++) {
  const id = ids[round % ids.length]!;
  const current = await store.get(id);
  const next = current.rev + 1;
  const { id: _id, rev: _rev, createdAt: _c, updatedAt: _u, ...rest } = current;
  process.stdout.write(`saving ${id} ${next}\n`);
  await store.update(id, current.rev, CaseDraft.parse({ ...rest, summary: payloadFor(id, next) }));
  process.stdout.write(`saved ${id} ${next}\n`);
}
