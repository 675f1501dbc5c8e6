import { CaseDraft } from '../../shared/model';
import { CaseStore } from '../../electron/services/folder/caseStore';

/** One edit saved as the app saves it (the store opened, the case's summary changed, the store closed): a file changed once. */
export async function editSummary(dir: string, id: string, summary: string, passphrase?: string): Promise<void> {
  const store = await CaseStore.open(dir, passphrase ? { passphrase } : {});
  try {
    const c = await store.get(id);
    await store.update(id, c.rev, CaseDraft.parse({ ...c, summary }));
  } finally {
    await store.close();
  }
}
