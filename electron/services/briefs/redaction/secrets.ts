import type { CaseFile, PathSegment } from '../../../../shared/model';
import type { BriefMode } from '../../../../shared/model/brief';
import { BriefLang } from '../../../../shared/model/brief';
import { labelsFor } from '../labels';

/**
 * How a secret is looked for besides its whole text and its six-word runs:
 * - `name`: a field that names someone or somewhere (the lawyer, who consented, a phone):
 *   every capitalised word of four letters or more, and every number, is a secret alone;
 * - `text`: free text (a note, a confidential event): its numbers, and the words that look
 *   like a person's name — capitalised inside a sentence, beside another capitalised word
 *   or shaped like a surname ("Сәрсенов", "Serikuly");
 * - `exact`: only the whole string (a tag, the printed priority): its words are common ones.
 */
export type SecretKind = 'name' | 'text' | 'exact';

/** A piece of confidential text, and where in the case it lives. */
export type Secret = { path: PathSegment[]; text: string; kind?: SecretKind };

/** What a brief must show only internally: the priority as the workflow row prints it, in every brief language. */
function priorityLines(c: CaseFile): string[] {
  return [...new Set(BriefLang.options.map((lang) => {
    const l = labelsFor(lang);
    return `${l.field.priority}: ${l.priority[c.priority]}`;
  }))];
}

/**
 * A tag as it would give itself away: a multi-word tag bare ("todo-call-mother", found in
 * "#todo-call-mother" too), a one-word tag only as printed ("#poet": the word alone is a common one).
 */
function tagForms(tag: string): string[] {
  const t = tag.trim().replace(/^#/, '');
  if (t === '') return [];
  return /[-_]/.test(t) ? [t] : [`#${t}`];
}

/**
 * Everything a brief of this mode must keep out of its text, field by field: what
 * caseForBrief leaves out of the mode's view. Internal mode has none.
 *
 * - public: the always-confidential fields (contact, address, identity document, lawyer,
 *   consent, health) and everything submission mode withholds;
 * - submission: every item flagged `confidential: true`, and the working notes
 *   (annotation comments not `publicComment`, advocacy notes, draft advocacy's reference
 *   numbers, tags, the priority).
 *
 * Names of public bodies (a confidential decision's court, a draft's target, an identity
 * document's issuer) are not listed: the same court or ministry may rightly appear
 * elsewhere, and refusing every brief that names it proves nothing.
 */
export function secretsOf(c: CaseFile, mode: BriefMode = 'public', base: PathSegment[] = []): Secret[] {
  if (mode === 'internal') return [];
  const out: Secret[] = [];
  const add = (path: PathSegment[], text: string | undefined, kind: SecretKind = 'text') => {
    if (text !== undefined && text.trim() !== '') out.push({ path: [...base, ...path], text, kind });
  };
  if (mode === 'public') {
    if (c.kind === 'political_prisoner') {
      add(['person', 'contact'], c.person.contact, 'name');
      add(['person', 'address'], c.person.address, 'name');
      add(['person', 'idDocument', 'number'], c.person.idDocument?.number, 'name');
      add(['lawyer'], c.lawyer, 'name');
      add(['detention', 'health'], c.detention.health);
    }
    add(['consent', 'by'], c.consent?.by, 'name');
    add(['consent', 'scope'], c.consent?.scope);
  }
  if (c.kind === 'political_prisoner') {
    c.decisions.forEach((d, i) => {
      if (d.confidential === true) add(['decisions', i, 'outcome'], d.outcome);
    });
  }
  const hidden = new Set<string>();
  c.sources.forEach((s, i) => {
    if (s.confidential !== true) return;
    hidden.add(s.id);
    add(['sources', i, 'title'], s.title);
    add(['sources', i, 'text'], s.text);
    add(['sources', i, 'url'], s.url, 'exact');
  });
  c.events.forEach((e, i) => {
    if (e.confidential !== true) return;
    add(['events', i, 'title'], e.title);
    add(['events', i, 'description'], e.description);
  });
  c.annotations.forEach((a, i) => {
    const secretSource = a.sourceId !== undefined && hidden.has(a.sourceId);
    // A comment is a working note unless the advocate made it public.
    if (a.confidential || secretSource || a.publicComment !== true) add(['annotations', i, 'body'], a.body);
    // The quoted words are secret only when their source is: a confidential comment
    // on a public article quotes public words, which may rightly appear elsewhere.
    if (secretSource) add(['annotations', i, 'target', 'quote', 'exact'], a.target?.quote.exact);
    a.tags.forEach((t, j) => tagForms(t).forEach((form) => add(['annotations', i, 'tags', j], form, 'exact')));
  });
  c.deadlines.forEach((d, i) => {
    if (d.confidential === true) add(['deadlines', i, 'title'], d.title);
  });
  c.advocacy.forEach((a, i) => {
    add(['advocacy', i, 'notes'], a.notes);
    // A draft's reference (a draft's own file number) names a step not yet taken.
    if (a.confidential === true || a.status === 'draft') add(['advocacy', i, 'reference'], a.reference, 'name');
  });
  c.requests.forEach((r, i) => {
    if (r.confidential === true) add(['requests', i, 'text'], r.text);
  });
  c.tags.forEach((t, i) => tagForms(t).forEach((form) => add(['tags', i], form, 'exact')));
  for (const line of priorityLines(c)) add(['priority'], line, 'exact');
  return out;
}
