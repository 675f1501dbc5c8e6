// Builds stored cases the way the app does (finalizeCase), from short drafts.
import { finalizeCase } from '../../../electron/services/cases/finalize';
import { CaseDraft, type CaseDraftInput, type CaseFile } from '../../../shared/model';

let counter = 0;

export function makeCase(draft: CaseDraftInput, id = `case-${++counter}`, rev = 1): CaseFile {
  const now = '2026-01-01T00:00:00.000Z';
  return finalizeCase(CaseDraft.parse(draft), { id, rev, createdAt: now, updatedAt: now });
}

export function prisoner(name: string, extra: Partial<Extract<CaseDraftInput, { kind: 'political_prisoner' }>> = {}, id?: string): CaseFile {
  return makeCase({ kind: 'political_prisoner', title: `${name} case`, person: { name, aliases: [] }, ...extra }, id);
}

export function ngo(name: string, extra: Partial<Extract<CaseDraftInput, { kind: 'ngo_suspension' }>> = {}, id?: string): CaseFile {
  return makeCase(
    { kind: 'ngo_suspension', title: `${name} suspension`, organization: { name, aliases: [] }, measure: { type: 'suspension', authority: 'Ministry of Justice' }, ...extra },
    id,
  );
}
