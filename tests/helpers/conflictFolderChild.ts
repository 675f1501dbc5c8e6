// Run as a child (node --import tsx): makes a data folder at argv[2] holding one case
// and a real conflict copy of it (tests/helpers/syncConflicts), for the browser tests,
// whose runner does not load the core itself. Prints the case id and the copy's path.
import path from 'node:path';
import { CaseDraft } from '../../shared/model';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { prisonerDraft } from './fixtures';
import { makeCaseConflict } from './syncConflicts';

const dir = path.resolve(process.argv[2]!);
const store = await CaseStore.open(dir);
const id = (await store.create(CaseDraft.parse(prisonerDraft({ title: 'Дело Кенжебека Абишева', region: 'Алматы', summary: 'Задержан в Алматы.' })))).id;
await store.close();
const { file } = await makeCaseConflict(dir, id, {
  here: (c) => ({ ...c, title: 'Дело Кенжебека Абишева — апелляция', summary: 'Summary from this laptop' }),
  there: (c) => ({ ...c, region: 'Атырау', summary: 'Summary from the other laptop' }),
});
process.stdout.write(`${JSON.stringify({ id, file })}\n`);
