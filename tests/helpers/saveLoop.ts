// A child process for the crash test: opens the store and saves edited cases in
// a loop, printing each save once it has resolved (i.e. is durable), until killed.
import { CaseDraft } from '../../shared/model';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { payloadFor } from './savePayload';

const [dataDir, idsArg] = process.argv.slice(2);
const ids = idsArg!.split(',');

const store = await CaseStore.open(dataDir!);
process.stdout.write('ready\n');
for (let round = 0; ; round++) {
  const id = ids[round % ids.length]!;
  const current = await store.get(id);
  const next = current.rev + 1;
  const { id: _id, rev: _rev, createdAt: _c, updatedAt: _u, ...rest } = current;
  await store.update(id, current.rev, CaseDraft.parse({ ...rest, summary: payloadFor(id, next), sources: [] }));
  process.stdout.write(`saved ${id} ${next}\n`);
}
