import type { BriefCheck } from '../../../../shared/contract';
import type { CaseFile } from '../../../../shared/model';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../../shared/model/brief';
import type { GapCheck } from './gaps';
import { refusalOf } from './fit';
import { commonGaps, type CheckContext } from './common';
import { checkWgad } from './wgad';
import { checkCase } from './case';

export { refusalOf } from './fit';
export type { Gap, GapCheck } from './gaps';
export type { CheckContext } from './common';

/** Each template's own list of what it asks for; a template without one finds nothing missing yet. */
const CHECKS: Partial<Record<BriefTemplate, GapCheck>> = {
  wgad: checkWgad,
  case: checkCase,
};

/** Whether the template fits, and what the cases lack for it, in the reader's language. */
export function checkBrief(cases: readonly CaseFile[], template: BriefTemplate, mode: BriefMode, lang: BriefLang, context?: CheckContext): BriefCheck {
  const refused = refusalOf(template, cases, lang);
  if (refused) return { template, refused, gaps: [] };
  const gaps = [...commonGaps(cases, mode, lang, context), ...(CHECKS[template]?.(cases, mode) ?? [])];
  return { template, gaps: gaps.map((g) => ({ code: g.code, message: g.text[lang], ...(g.path ? { path: g.path } : {}) })) };
}
