import type { CaseFile } from '../../../../../shared/model';
import type { ActorRole } from '../../../../../shared/people';
import { appearancesOf, EMPTY_CURATION, groupActors, summaryOf } from '../../../people';
import { table } from '../../doc/builder';
import { THEME } from '../../doc/theme';
import { multiLabels } from '../../labels/multi';
import { peopleLabels } from '../../labels/people';
import type { Ctx } from '../../sections';

// The multi-case brief's context: the courts, authorities, agencies and places of detention
// that recur across its cases, matched as the people index matches them (spellings,
// scripts, the team's merges). Outside internal mode nothing from a confidential field or
// part is counted or named.

const BODY_ROLES = ['court', 'authority', 'arresting_agency', 'detention_place'] as const satisfies readonly ActorRole[];
type BodyRole = (typeof BODY_ROLES)[number];
const isBodyRole = (r: ActorRole): r is BodyRole => (BODY_ROLES as readonly ActorRole[]).includes(r);

export type RecurringBody = { name: string; spellings: string[]; roles: BodyRole[]; nos: number[] };

/** The bodies named in two or more of `cases` (numbered as the brief numbers its profiles), most cases first. */
export function recurringBodies(ctx: Pick<Ctx, 'mode' | 'people'>, cases: readonly CaseFile[]): RecurringBody[] {
  const no = new Map(cases.map((c, i) => [c.id, i + 1]));
  const appearances = cases.flatMap((c) => appearancesOf(c)).filter((a) => isBodyRole(a.role) && (ctx.mode === 'internal' || !a.confidential));
  const out: RecurringBody[] = [];
  for (const actor of groupActors(appearances, ctx.people ?? EMPTY_CURATION).values()) {
    const s = summaryOf(actor);
    if (s.caseCount < 2) continue;
    const nos = [...new Set(actor.appearances.map((a) => no.get(a.caseId)!))].sort((a, b) => a - b);
    out.push({ name: s.name, spellings: s.spellings.filter((sp) => sp !== s.name), roles: s.roles.filter(isBodyRole), nos });
  }
  return out.sort((a, b) => b.nos.length - a.nos.length || a.nos[0]! - b.nos[0]!);
}

/** The section itself; nothing when no body recurs. */
export function recurringBodiesSection(ctx: Ctx, cases: readonly CaseFile[]): void {
  const bodies = recurringBodies(ctx, cases);
  if (bodies.length === 0) return;
  const { w } = ctx;
  const p = peopleLabels[ctx.lang];
  const m = multiLabels[ctx.lang];
  w.heading(p.heading, 2);
  w.block([{ text: p.intro, size: THEME.small + 0.5 }], { gapAfter: 3 });
  table(
    w,
    [{ header: p.body, width: 0.5 }, { header: p.role, width: 0.25 }, { header: p.cases, width: 0.25 }],
    bodies.map((b) => [
      b.spellings.length > 0 ? `${b.name} (${p.alsoWritten}: ${b.spellings.join('; ')})` : b.name,
      b.roles.map((r) => p.roles[r]).join(', '),
      `${b.nos.length} (${m.profileNos(b.nos)})`,
    ]),
    { size: THEME.small },
  );
}
