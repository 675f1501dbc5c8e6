// A child process for the unconfirmed-line crash test: opens the store with a file
// system whose rename of a case file into cases/ never returns, starts one save
// (an update of the case given, or a create under the id given), waits until that
// save's history line is on disk, says so, and waits to be killed. What the kill
// leaves is the interleaving a crash between the two halves of a save can leave:
// the history line written, the case file not.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CaseDraft } from '../../shared/model';
import { CaseStore } from '../../electron/services/folder/caseStore';
import type { DurableFs } from '../../electron/services/disk/durableFile';
import { prisonerDraft } from './fixtures';
import { ownHistoryFile } from './deviceHistory';

const [dataDir, mode, id, summary] = process.argv.slice(2) as [string, 'update' | 'create', string, string];

const fs: DurableFs = {
  open,
  unlink,
  rename: ((from: string, to: string) => (path.dirname(String(to)) === path.join(dataDir, 'cases') ? new Promise<void>(() => undefined) : rename(from, to))) as typeof rename,
};

const passphrase = process.env.CASEFILE_TEST_PASSPHRASE;
const store = await CaseStore.open(dataDir, { fs, ...(passphrase ? { passphrase } : {}) });
const historyFile = ownHistoryFile(dataDir, id);
// Lines are counted, not read: in an encrypted folder each is sealed.
const lines = async () => (await readFile(historyFile, 'utf8').catch(() => '')).split('\n').length - 1;
const want = (await lines()) + 1;
if (mode === 'update') {
  const current = await store.get(id);
  const { id: _i, rev: _r, createdAt: _c, updatedAt: _u, ...rest } = current;
  void store.update(id, current.rev, CaseDraft.parse({ ...rest, summary }));
} else {
  void store.create(CaseDraft.parse(prisonerDraft({ id, summary })));
}
// Bounded: the line is fsynced within a few milliseconds of the save's start.
for (let tries = 0; tries < 2000; tries++) {
  if ((await lines()) === want) {
    process.stdout.write('line\n');
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
}
if ((await lines()) !== want) process.stdout.write('no line\n');
setInterval(() => undefined, 1 << 30);
