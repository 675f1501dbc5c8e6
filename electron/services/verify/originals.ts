import type { z } from 'zod';
import type { VerifyProblem } from '../../../shared/contract';
import type { CaseFile } from '../../../shared/model';
import { originalRel } from '../disk/folderLayout';
import type { OriginalStore } from '../originals/originalStore';

// verify's look at the originals: every stored original re-hashed, and every
// original a case's source names looked for. A changed one is moved aside
// (OriginalStore.quarantine) so that it is never served again as evidence; the
// report names the file, the case and the source, so the lawyer knows which
// exhibit to fetch from a backup.

type Problem = z.infer<typeof VerifyProblem>;

type Ref = { file: string; caseId: string; caseTitle: string; index: number; sourceTitle: string; name: string };

/** The originals the folder's cases name, gathered while verify reads each case. */
export class OriginalRefs {
  private readonly bySha = new Map<string, Ref[]>();

  note(file: string, c: CaseFile): void {
    c.sources.forEach((s, index) => {
      if (!s.file) return;
      const refs = this.bySha.get(s.file.sha256) ?? [];
      refs.push({ file, caseId: c.id, caseTitle: c.title, index, sourceTitle: s.title, name: s.file.name });
      this.bySha.set(s.file.sha256, refs);
    });
  }

  of(sha256: string): readonly Ref[] {
    return this.bySha.get(sha256) ?? [];
  }

  hashes(): string[] {
    return [...this.bySha.keys()];
  }
}

const cited = (r: Ref) => `"${r.name}" (sources[${r.index}] "${r.sourceTitle}" of case "${r.caseTitle}", ${r.caseId})`;

export type OriginalsVerified = { problems: Problem[]; count: number; bytes: number };

/** Re-hashes every stored original and every one a case names; changed ones are quarantined. */
export async function verifyOriginals(store: OriginalStore, refs: OriginalRefs): Promise<OriginalsVerified> {
  const problems: Problem[] = [];
  let count = 0;
  let bytes = 0;
  const hashes = [...new Set([...(await store.list()).map((o) => o.sha256), ...refs.hashes()])].sort();
  for (const sha256 of hashes) {
    const { state, size } = await store.inspect(sha256);
    const users = refs.of(sha256);
    const file = originalRel(sha256);
    const named = users.length > 0 ? users.map(cited).join('; ') : `an original no case names (${sha256})`;
    if (state === 'ok') {
      count++;
      bytes += size;
    } else if (state === 'changed') {
      const moved = await store.quarantine(sha256, 'changed on disk since it was added: its bytes no longer hash to its SHA-256 (found by verify)');
      problems.push({ file, message: `${named}: the original has changed on disk since it was added (its bytes no longer match its SHA-256). It was moved to ${moved} and will not be opened again. Restore it from a backup, or add the file again from a trusted copy.` });
    } else if (state === 'missing') {
      const aside = (await store.isQuarantined(sha256)) ? ' (a changed copy was moved to quarantine/files/ earlier)' : '';
      problems.push({ file, message: `${named}: the original is missing from the data folder${aside}. Restore it from a backup, or add the file again.` });
    } else {
      problems.push({ file, message: `${named}: the original cannot be read (a disk or permission error). Check the disk, then run verify again.` });
    }
  }
  return { problems, count, bytes };
}
