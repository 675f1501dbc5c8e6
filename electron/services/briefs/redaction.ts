import type { CaseFile, PathSegment } from '../../../shared/model';
import type { BriefMode } from '../../../shared/model/brief';
import { formatPath } from '../../../shared/errors';
import { allLabelStrings } from './labels';

export type Scope = { mode: BriefMode; annotationTags?: readonly string[] | undefined };

/**
 * The case as a brief may show it. Outside internal mode it drops what MODEL.md
 * calls confidential and every working note: flagged events, sources, annotations,
 * deadlines, decisions, requests and advocacy actions; annotations that point into a
 * confidential source; an annotation's comment unless `publicComment` (the verified
 * quote still prints; a note on the case without a public comment has nothing left and
 * goes); advocacy notes, and drafts (a draft approached nobody); the person's contact,
 * address and identity document, the lawyer, the consent and the health details. The
 * tag filter applies in every mode.
 */
export function caseForBrief(c: CaseFile, scope: Scope): CaseFile {
  const tags = scope.annotationTags;
  const byTag = (a: CaseFile['annotations'][number]) => tags === undefined || a.tags.some((t) => tags.includes(t));
  if (scope.mode === 'internal') return { ...c, annotations: c.annotations.filter(byTag) };

  const hidden = new Set(c.sources.filter((s) => s.confidential === true).map((s) => s.id));
  const open = <T extends { confidential?: boolean | undefined }>(items: readonly T[]): T[] => items.filter((i) => i.confidential !== true);
  const { consent: _consent, ...shared } = c;
  const base = {
    ...shared,
    events: open(c.events).map((e) => (e.sourceIds ? { ...e, sourceIds: e.sourceIds.filter((id) => !hidden.has(id)) } : e)),
    sources: open(c.sources),
    annotations: c.annotations
      .filter((a) => !a.confidential && !(a.sourceId !== undefined && hidden.has(a.sourceId)) && byTag(a))
      .filter((a) => a.publicComment === true || a.sourceId !== undefined)
      .map((a) => (a.publicComment === true ? a : { ...a, body: '' })),
    deadlines: open(c.deadlines),
    advocacy: open(c.advocacy)
      .filter((a) => a.status !== 'draft')
      .map(({ notes: _notes, ...a }) => a),
    requests: open(c.requests),
  };
  if (base.kind === 'political_prisoner') {
    const { contact: _contact, address: _address, idDocument: _id, ...person } = base.person;
    const { health: _health, ...detention } = base.detention;
    const { lawyer: _lawyer, ...rest } = base;
    return { ...rest, person, detention, decisions: open(base.decisions) };
  }
  return base;
}

/** A piece of confidential text, and where in the case it lives. */
export type Secret = { path: PathSegment[]; text: string };

/**
 * Everything a public brief must keep out of the PDF, field by field: what the view
 * above leaves out. Names of public bodies (a confidential decision's court, a draft's
 * target, an identity document's issuer) are not listed: the same court or ministry
 * may rightly appear elsewhere, and refusing every brief that names it proves nothing.
 */
export function secretsOf(c: CaseFile, base: PathSegment[] = []): Secret[] {
  const out: Secret[] = [];
  const add = (path: PathSegment[], text: string | undefined) => {
    if (text !== undefined && text.trim() !== '') out.push({ path: [...base, ...path], text });
  };
  if (c.kind === 'political_prisoner') {
    add(['person', 'contact'], c.person.contact);
    add(['person', 'address'], c.person.address);
    add(['person', 'idDocument', 'number'], c.person.idDocument?.number);
    add(['lawyer'], c.lawyer);
    add(['detention', 'health'], c.detention.health);
    c.decisions.forEach((d, i) => {
      if (d.confidential === true) add(['decisions', i, 'outcome'], d.outcome);
    });
  }
  add(['consent', 'by'], c.consent?.by);
  add(['consent', 'scope'], c.consent?.scope);
  const hidden = new Set<string>();
  c.sources.forEach((s, i) => {
    if (s.confidential !== true) return;
    hidden.add(s.id);
    add(['sources', i, 'title'], s.title);
    add(['sources', i, 'text'], s.text);
    add(['sources', i, 'url'], s.url);
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
  });
  c.deadlines.forEach((d, i) => {
    if (d.confidential === true) add(['deadlines', i, 'title'], d.title);
  });
  c.advocacy.forEach((a, i) => {
    add(['advocacy', i, 'notes'], a.notes);
    if (a.confidential === true) add(['advocacy', i, 'reference'], a.reference);
  });
  c.requests.forEach((r, i) => {
    if (r.confidential === true) add(['requests', i, 'text'], r.text);
  });
  return out;
}

// --- matching ----------------------------------------------------------------

/**
 * The form both sides are compared in: one space for any run of white space (line
 * wrapping), a hyphen glued back to the word it ended a line in, case folded, NFC.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00AD/g, '')
    .replace(/(\p{L})-\s+(?=\p{L})/gu, '$1-')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase('und');
}

/** A text of more words than this is checked by its fragments only, not as a whole. */
const WHOLE_MAX_WORDS = 12;
/** Fragment length in words: MODEL.md's "no run of six words from a confidential text". */
const WINDOW = 6;
/** Shorter confidential strings ("N.", "Li") would match by chance; they are not checked. */
const MIN_CHARS = 3;

const WORD_CHAR = /[\p{L}\p{N}]/u;

function containsWhole(hay: string, needle: string): boolean {
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    const before = at > 0 ? hay[at - 1]! : ' ';
    const after = at + needle.length < hay.length ? hay[at + needle.length]! : ' ';
    // Only whole words count: a confidential "Ali" is not leaked by "Alibek".
    if (!(WORD_CHAR.test(needle[0]!) && WORD_CHAR.test(before)) && !(WORD_CHAR.test(needle.at(-1)!) && WORD_CHAR.test(after))) return true;
    from = at + 1;
  }
}

function windows(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + WINDOW <= words.length; i++) out.push(words.slice(i, i + WINDOW).join(' '));
  return out;
}

let boilerplate: { phrases: string[]; windows: Set<string> } | undefined;

/** The briefs' own fixed wording: a confidential string that is part of it proves nothing by appearing. */
function labelBoilerplate(): { phrases: string[]; windows: Set<string> } {
  if (!boilerplate) {
    const phrases = allLabelStrings().map(normalizeForMatch);
    boilerplate = { phrases, windows: new Set(phrases.flatMap((p) => windows(p.split(' ')))) };
  }
  return boilerplate;
}

export type Haystack = { text: string; compact: string; loose: string; windows: Set<string> };

/**
 * Without spaces, and without the hyphens inside words too: a word too wide for its
 * table cell is cut with a visible hyphen ("Қожахмет-" / "ов"), which must not hide it.
 */
function loosen(compact: string): string {
  return compact.replace(/(\p{L})-(?=\p{L})/gu, '$1');
}

export function haystack(text: string): Haystack {
  const norm = normalizeForMatch(text);
  const compact = norm.replace(/ /g, '');
  return { text: norm, compact, loose: loosen(compact), windows: new Set(windows(norm.split(' '))) };
}

/**
 * Below this many letters a text compared without its spaces could match by chance;
 * above it, the spaceless comparison catches a word cut in two because it was wider
 * than its table column.
 */
const COMPACT_MIN = 8;

/** Whether a confidential text shows in `hay`: whole, or any distinctive fragment of a long one. */
export function appearsIn(secret: string, hay: Haystack): boolean {
  const norm = normalizeForMatch(secret);
  if (norm.length < MIN_CHARS) return false;
  const bp = labelBoilerplate();
  const words = norm.split(' ');
  if (words.length <= WHOLE_MAX_WORDS && !bp.phrases.some((p) => containsWhole(p, norm))) {
    const compact = norm.replace(/ /g, '');
    if (containsWhole(hay.text, norm) || (compact.length >= COMPACT_MIN && (hay.compact.includes(compact) || hay.loose.includes(loosen(compact))))) return true;
  }
  // Any run of WINDOW words of a longer text, unless the briefs' own wording holds it.
  return words.length > WINDOW && windows(words).some((w) => !bp.windows.has(w) && hay.windows.has(w));
}

export function findLeaks(text: string, secrets: readonly Secret[]): Secret[] {
  const hay = haystack(text);
  return secrets.filter((s) => appearsIn(s.text, hay));
}

/** Paths of the printed (public) fields that carry a leaked text, to tell the user what to fix. */
export function publicFieldsContaining(view: unknown, secret: string, base: PathSegment[] = []): PathSegment[][] {
  const found: PathSegment[][] = [];
  const visit = (value: unknown, path: PathSegment[]) => {
    if (typeof value === 'string') {
      if (appearsIn(secret, haystack(value))) found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    }
  };
  visit(view, base);
  return found;
}

export function describeLeak(secret: Secret, publicPaths: readonly PathSegment[][], caseTitle?: string): string {
  const where = publicPaths.length > 0 ? ` (it is repeated in ${publicPaths.slice(0, 3).map(formatPath).join(', ')})` : '';
  const owner = caseTitle === undefined ? '' : ` of the case “${caseTitle}”`;
  return `confidential ${formatPath(secret.path)}${owner} appears in the PDF text${where}`;
}
