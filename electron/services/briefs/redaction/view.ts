import type { CaseFile } from '../../../../shared/model';
import type { BriefMode } from '../../../../shared/model/brief';

export type Scope = { mode: BriefMode; annotationTags?: readonly string[] | undefined };

type Flagged = { confidential?: boolean | undefined };
const open = <T extends Flagged>(items: readonly T[]): T[] => items.filter((i) => i.confidential !== true);

/**
 * The case as a brief of this mode may show it (MODEL.md *Confidentiality*).
 *
 * - internal: everything (the annotation tag filter aside).
 * - submission: what a UN mechanism must know — who submits and on whose behalf: the
 *   lawyer, the person's contact, address and identity document, the consent and the
 *   health details stay; every item flagged `confidential: true` and every working note
 *   goes (below).
 * - public: the submission view less those always-confidential fields.
 *
 * Working notes, gone outside internal mode: annotation comments not `publicComment`
 * (the verified quote still prints; a note on the case with nothing public left goes),
 * annotations pointing into a confidential source, advocacy notes and drafts (a draft
 * approached nobody), the case's and annotations' tags. Priority and workflow status
 * are required fields the templates print only internally.
 */
export function caseForBrief(c: CaseFile, scope: Scope): CaseFile {
  const tags = scope.annotationTags;
  const byTag = (a: CaseFile['annotations'][number]) => tags === undefined || a.tags.some((t) => tags.includes(t));
  if (scope.mode === 'internal') return { ...c, annotations: c.annotations.filter(byTag) };

  const hidden = new Set(c.sources.filter((s) => s.confidential === true).map((s) => s.id));
  const shared = {
    ...c,
    // Tags are the team's labels ("todo-call-mother"): no reader outside sees them.
    tags: [],
    events: open(c.events).map((e) => (e.sourceIds ? { ...e, sourceIds: e.sourceIds.filter((id) => !hidden.has(id)) } : e)),
    sources: open(c.sources),
    annotations: c.annotations
      .filter((a) => !a.confidential && !(a.sourceId !== undefined && hidden.has(a.sourceId)) && byTag(a))
      .filter((a) => a.publicComment === true || a.sourceId !== undefined)
      .map((a) => ({ ...a, tags: [], body: a.publicComment === true ? a.body : '' })),
    deadlines: open(c.deadlines),
    advocacy: open(c.advocacy)
      .filter((a) => a.status !== 'draft')
      .map(({ notes: _notes, ...a }) => a),
    requests: open(c.requests),
  };
  if (scope.mode === 'submission') {
    return shared.kind === 'political_prisoner' ? { ...shared, decisions: open(shared.decisions) } : shared;
  }
  const { consent: _consent, ...base } = shared;
  if (base.kind === 'political_prisoner') {
    const { contact: _contact, address: _address, idDocument: _id, ...person } = base.person;
    const { health: _health, ...detention } = base.detention;
    const { lawyer: _lawyer, ...rest } = base;
    return { ...rest, person, detention, decisions: open(base.decisions) };
  }
  return base;
}
