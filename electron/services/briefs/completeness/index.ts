import type { BriefCheck } from '../../../../shared/contract';
import type { CaseFile } from '../../../../shared/model';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../../shared/model/brief';
import type { GapCheck, GapEnv } from './gaps';
import { refusalOf } from './fit';
import { checkMulti } from './multi';
import { checkNgo } from './ngo';
import { checkUrgentAction } from './urgentAction';

export { refusalOf } from './fit';
export type { Gap, GapCheck, GapEnv } from './gaps';

/** Each template's own list of what it asks for; a template without one finds nothing missing yet. */
const CHECKS: Partial<Record<BriefTemplate, GapCheck>> = {
  'urgent-action': checkUrgentAction,
  ngo: checkNgo,
  multi: checkMulti,
};

/** Whether the template fits, and what the cases lack for it, in the reader's language. */
export function checkBrief(cases: readonly CaseFile[], template: BriefTemplate, mode: BriefMode, lang: BriefLang, env: GapEnv = {}): BriefCheck {
  const refused = refusalOf(template, cases, lang);
  if (refused) return { template, refused, gaps: [] };
  const gaps = CHECKS[template]?.(cases, mode, env) ?? [];
  return { template, gaps: gaps.map((g) => ({ code: g.code, message: g.text[lang], ...(g.path ? { path: g.path } : {}) })) };
}
