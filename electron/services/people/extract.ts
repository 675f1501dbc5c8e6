import type { CaseFile, PrisonerCase } from '../../../shared/model';
import type { ActorRole, Appearance, AppearanceAct } from '../../../shared/people';
import { cleanSpelling, isCourtName } from './matching';
import { namesAfterRoleWords } from './roleWords';

// Every person and body a case names, with what it did there and where it is written:
// read from the fields that name them (a decision's body, the arrest's agency, the
// measure's authority…) and from role words in the timeline and the decisions' outcomes.
// Pure: the index (peopleIndex.ts) calls it once per saved version of a case.

type Part = Pick<Appearance, 'role' | 'act' | 'what' | 'path' | 'confidential'> & { spelling: string | undefined; date?: string | undefined };

/** People named by role words in one text field, as parts of the case. */
function fromText(text: string | undefined, path: Appearance['path'], act: AppearanceAct, what: string, date: string | undefined, confidential: boolean): Part[] {
  return namesAfterRoleWords(text ?? '').map((n) => ({ role: n.role, spelling: n.name, act, what, date, path, confidential }));
}

const courtOr = (name: string | undefined, otherwise: ActorRole): ActorRole => (name && isCourtName(name) ? 'court' : otherwise);

function prisonerParts(c: PrisonerCase): Part[] {
  const parts: Part[] = [];
  c.decisions.forEach((d, i) => {
    const act: AppearanceAct = { kind: 'decision', stage: d.stage, ...(d.penalty ? { penalty: d.penalty } : {}) };
    const what = d.outcome?.trim() ?? '';
    const confidential = d.confidential === true;
    parts.push({ role: courtOr(d.body, 'authority'), spelling: d.body, act, what, date: d.date, path: ['decisions', i, 'body'], confidential });
    parts.push(...fromText(d.outcome, ['decisions', i, 'outcome'], act, what, d.date, confidential));
  });
  if (c.arrest) {
    parts.push({ role: 'arresting_agency', spelling: c.arrest.by, act: { kind: 'arrest' }, what: '', date: c.arrest.date, path: ['arrest', 'by'], confidential: false });
    parts.push({ role: courtOr(c.arrest.warrantIssuedBy, 'authority'), spelling: c.arrest.warrantIssuedBy, act: { kind: 'warrant' }, what: '', date: c.arrest.date, path: ['arrest', 'warrantIssuedBy'], confidential: false });
  }
  const held: AppearanceAct = { kind: 'detention', status: c.detention.status };
  parts.push({ role: 'detention_place', spelling: c.detention.heldBy, act: held, what: '', date: c.detention.since, path: ['detention', 'heldBy'], confidential: false });
  parts.push({ role: 'detention_place', spelling: c.detention.place, act: held, what: '', date: c.detention.since, path: ['detention', 'place'], confidential: false });
  c.recognitions.forEach((r, i) => {
    parts.push({ role: 'recognising_body', spelling: r.by, act: { kind: 'recognition', label: r.label }, what: '', date: r.date, path: ['recognitions', i, 'by'], confidential: false });
  });
  // The lawyer is always confidential (MODEL.md, Confidentiality).
  parts.push({ role: 'lawyer', spelling: c.lawyer, act: { kind: 'lawyer' }, what: '', path: ['lawyer'], confidential: true });
  return parts;
}

function ngoParts(c: Extract<CaseFile, { kind: 'ngo_suspension' }>): Part[] {
  const m = c.measure;
  const parts: Part[] = [{ role: courtOr(m.authority, 'authority'), spelling: m.authority, act: { kind: 'measure', type: m.type, status: m.status }, what: '', date: m.start, path: ['measure', 'authority'], confidential: false }];
  if (c.appeal) parts.push({ role: 'court', spelling: c.appeal.court, act: { kind: 'appeal' }, what: c.appeal.outcome?.trim() ?? '', date: c.appeal.filed, path: ['appeal', 'court'], confidential: false });
  return parts;
}

/** Every appearance of a person or body in `c`, in the order the case holds them. */
export function appearancesOf(c: CaseFile): Appearance[] {
  const parts = c.kind === 'political_prisoner' ? prisonerParts(c) : ngoParts(c);
  c.events.forEach((e, i) => {
    const confidential = e.confidential === true;
    const act: AppearanceAct = { kind: 'event', type: e.type };
    parts.push(...fromText(e.title, ['events', i, 'title'], act, e.title, e.date, confidential));
    parts.push(...fromText(e.description, ['events', i, 'description'], act, e.title, e.date, confidential));
  });
  const out: Appearance[] = [];
  for (const p of parts) {
    const spelling = cleanSpelling(p.spelling ?? '');
    if (!/[\p{L}\p{N}]/u.test(spelling)) continue;
    out.push({ caseId: c.id, caseTitle: c.title, caseKind: c.kind, role: p.role, spelling, act: p.act, what: p.what, ...(p.date ? { date: p.date } : {}), path: p.path, confidential: p.confidential });
  }
  return out;
}
