// A child process for the backup crash test. It loads, says "loaded", waits for a
// line on stdin, opens the folder and then, until killed, edits a case, takes a
// snapshot, and every third round restores an earlier snapshot — saying what it
// starts and what finished: "saving <rev>", "saved <rev>", "backing-up", "backed-up <name>",
// "restoring <name>", "restored <name>".
import { CaseDraft } from '../../shared/model';
import { listSnapshots } from '../../electron/services/backup';
import { Session } from '../../electron/services/session';

const [dataDir, caseId] = process.argv.slice(2);

process.stdout.write('loaded\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
const session = await Session.start(dataDir!);
process.stdout.write('ready\n');
for (let round = 0; ; round++) {
  const store = session.store!;
  const c = await store.get(caseId!);
  process.stdout.write(`saving ${c.rev + 1}\n`);
  const saved = await store.update(c.id, c.rev, CaseDraft.parse({ ...c, summary: `Round ${round} of the backup loop — Қазақ` }));
  process.stdout.write(`saved ${saved.rev}\n`);
  process.stdout.write('backing-up\n');
  const snap = await store.backup('manual');
  process.stdout.write(`backed-up ${snap.name}\n`);
  if (round % 3 === 2) {
    const all = await listSnapshots(dataDir!);
    const target = all[(round * 7) % all.length]!;
    process.stdout.write(`restoring ${target.name}\n`);
    await session.restore(target.name);
    process.stdout.write(`restored ${target.name}\n`);
  }
}
