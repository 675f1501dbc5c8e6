import type { CaseDraft, CaseFile } from '../../../shared/model';
import { ServiceError } from '../errors';

// A case may only name an original the folder holds: a source whose `file` points
// at bytes nobody stored would cite evidence that is not there (a hash typed by
// hand, a draft from another machine, an intake whose file was lost). A stat per
// newly named original keeps the check off the save's critical path. Originals the
// case named already are not looked for again: one that verify moved aside must
// not lock the case against every other edit (verify reports it).

/** Refuses `draft` (ServiceError bad_input, one issue per source) when it names an original the store does not have. */
export async function refuseUnknownOriginals(originals: { has(sha256: string): Promise<boolean> }, draft: Pick<CaseDraft, 'sources'>, previous?: Pick<CaseFile, 'sources'>): Promise<void> {
  const known = new Set(previous?.sources.flatMap((s) => (s.file ? [s.file.sha256] : [])) ?? []);
  const issues: { path: (string | number)[]; message: string }[] = [];
  const missing: string[] = [];
  for (const [i, s] of draft.sources.entries()) {
    if (!s.file || known.has(s.file.sha256) || (await originals.has(s.file.sha256))) continue;
    issues.push({ path: ['case', 'sources', i, 'file', 'sha256'], message: `expected the SHA-256 of an original in this data folder; "${s.file.name}" (${s.file.sha256}) is not there` });
    missing.push(`source "${s.title}" (sources[${i}]) names the original "${s.file.name}", which is not in this data folder`);
  }
  if (issues.length > 0) throw new ServiceError('bad_input', `${missing.join('; ')}. Add the file to the source again, then save. Nothing was written.`, issues);
}
