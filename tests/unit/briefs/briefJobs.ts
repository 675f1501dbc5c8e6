import type { CaseFile } from '../../../shared/model';
import type { RenderBriefOptions } from '../../../electron/services/briefs';
import { generateCase } from '../../../scripts/bench/generate';
import { ngoCase, prisonerCase, relatedNgoCase } from './fixtures';
import { kazakhArrestCase } from './languagesFixtures';

export type BriefJob = { name: string; cases: CaseFile[]; opts: RenderBriefOptions };

export const BRIEF_LANGS = ['en', 'ru', 'kk'] as const;

/** A brief of each kind the layout meets (one case public and internal, a generated case, a submission, an NGO's), in each language, and a multi-case brief. */
export function briefJobs(): BriefJob[] {
  const out: BriefJob[] = [];
  for (const lang of BRIEF_LANGS) {
    out.push(
      { name: `prisoner-${lang}`, cases: [prisonerCase()], opts: { template: 'case', lang } },
      { name: `arrest-${lang}`, cases: [kazakhArrestCase()], opts: { template: 'case', lang, mode: 'internal' } },
      { name: `bench-${lang}`, cases: [generateCase(lang === 'en' ? 0 : lang === 'ru' ? 1 : 2).case], opts: { template: 'case', lang } },
      { name: `wgad-${lang}`, cases: [prisonerCase()], opts: { template: 'wgad', lang, mode: 'submission' } },
      { name: `ngo-${lang}`, cases: [ngoCase()], opts: { template: 'ngo', lang, related: [relatedNgoCase()] } },
    );
  }
  out.push({ name: 'multi-en', cases: [0, 1, 2, 3, 4, 5].map((i) => generateCase(i).case), opts: { template: 'multi' } });
  return out;
}
