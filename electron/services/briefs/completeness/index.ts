import type { BriefCheck } from '../../../../shared/contract';
import type { CaseFile } from '../../../../shared/model';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../../shared/model/brief';
import type { GapCheck, GapEnv } from './gaps';
import { refusalOf } from './fit';
import { commonGaps, type CheckContext } from './common';
import { checkCase } from './case';
import { checkMulti } from './multi';
import { checkNgo } from './ngo';
import { checkUrgentAction } from './urgentAction';
import { checkWgad } from './wgad';

export { refusalOf } from './fit';
export type { Gap, GapCheck, GapEnv } from './gaps';
export type { CheckContext } from './common';

/** Each template's own list of what it asks for. */
const CHECKS: Record<BriefTemplate, GapCheck> = {
  wgad: checkWgad,
  case: checkCase,
  'urgent-action': checkUrgentAction,
  ngo: checkNgo,
  multi: checkMulti,
};

/** Whether the template fits, and what the cases lack for it, in the reader's language. */
export function checkBrief(cases: readonly CaseFile[], template: BriefTemplate, mode: BriefMode, lang: BriefLang, context: CheckContext & GapEnv = {}): BriefCheck {
  const refused = refusalOf(template, cases, lang);
  if (refused) return { template, refused, gaps: [] };
  const common = commonGaps(cases, mode, lang, context);
  // One field, one warning: where a template asks for a field the common checks already name (the consent), theirs stands.
  const named = new Set(common.flatMap((g) => (g.path ? [JSON.stringify(g.path)] : [])));
  const gaps = [...common, ...CHECKS[template](cases, mode, context).filter((g) => !g.path || !named.has(JSON.stringify(g.path)))];
  return { template, gaps: gaps.map((g) => ({ code: g.code, message: g.text[lang], ...(g.path ? { path: g.path } : {}) })) };
}
