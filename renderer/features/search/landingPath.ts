import type { CaseFile } from '../../../shared/model';
import type { SearchField } from '../../../shared/model/search';

// Where in the case view a search hit lands: the section that shows a path
// (`decisions[id=…].body` → decisions), the text at that path in the case the view
// holds, and what kind of landing it is (a field, a source's text, an annotation).

/** One step of a path: a key, and an item of a list by id or index. */
export type Step = { key: string; id?: string; index?: number };

/** `decisions[id=ab].body` → [{key:'decisions', id:'ab'}, {key:'body'}]; null for anything else. */
export function parsePath(path: string): Step[] | null {
  const steps: Step[] = [];
  for (const part of path.split('.')) {
    const m = /^([A-Za-z]+)(?:\[(?:id=([A-Za-z0-9_-]+)|(\d+))\])?$/.exec(part);
    if (!m) return null;
    steps.push({ key: m[1]!, ...(m[2] !== undefined ? { id: m[2] } : {}), ...(m[3] !== undefined ? { index: Number(m[3]) } : {}) });
  }
  return steps;
}

/** The value at a path in the case, or undefined when the case no longer has it. */
export function valueAtPath(c: CaseFile, path: string): unknown {
  const steps = parsePath(path);
  if (!steps) return undefined;
  let v: unknown = c;
  for (const step of steps) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[step.key];
    if (step.id !== undefined) v = Array.isArray(v) ? v.find((x: unknown) => (x as { id?: unknown } | null)?.id === step.id) : undefined;
    else if (step.index !== undefined) v = Array.isArray(v) ? v[step.index] : undefined;
  }
  return v;
}

/** The case view section (`section-<id>`) that shows what a path names. */
const SECTION_OF: Readonly<Record<string, string>> = {
  title: 'basics', region: 'basics', tags: 'basics', summary: 'basics', status: 'basics', priority: 'basics',
  person: 'person', organization: 'organization', arrest: 'arrest', detention: 'detention', charges: 'charges',
  decisions: 'decisions', recognitions: 'recognitions', measure: 'measure', appeal: 'measure', impact: 'measure',
  analysis: 'analysis', events: 'timeline', deadlines: 'deadlines', advocacy: 'advocacy', requests: 'requests',
  lawyer: 'lawyer', consent: 'consent', sources: 'sources', annotations: 'annotations',
};

/** Where a hit without a place (a name, the title, a charge, the measure) is looked for. */
export function sectionOfField(field: SearchField, kind: CaseFile['kind']): string {
  switch (field) {
    case 'names': return kind === 'political_prisoner' ? 'person' : 'organization';
    case 'title': case 'summary': return 'basics';
    case 'charges': return 'charges';
    case 'measure': return 'measure';
    case 'events': return 'timeline';
    case 'annotations': return 'annotations';
    case 'sources': return 'sources';
    case 'details': return 'basics';
  }
}

export type Landing =
  /** Words of a source's text: open the reader there. */
  | { kind: 'passage'; section: string; sourceId: string; start: number; end: number }
  /** An annotation: open its source at it (a note: its entry in the list), select it. */
  | { kind: 'annotation'; section: string; annotationId: string }
  /** A source's title or publisher: its entry in the list. */
  | { kind: 'source'; section: string; sourceId: string }
  /** Any other text: the field showing it, the words selected. */
  | { kind: 'field'; section: string; text: string; start: number; end: number }
  /** No place known, or the case changed since: the section, and the words to look for. */
  | { kind: 'section'; section: string; words: string[] };

/**
 * What opening a hit should do in the case `c`. `at` is the hit's place (absent for
 * a short field); `words` are its highlighted words, for when no place holds.
 */
export function landingFor(c: CaseFile, field: SearchField, at: { path: string; start: number; end: number } | undefined, words: string[]): Landing {
  const fallback: Landing = { kind: 'section', section: sectionOfField(field, c.kind), words };
  const steps = at ? parsePath(at.path) : null;
  if (!at || !steps || steps.length === 0) return fallback;
  const top = steps[0]!;
  const section = SECTION_OF[top.key] ?? fallback.section;
  const value = valueAtPath(c, at.path);
  if (top.key === 'annotations' && top.id !== undefined) {
    return c.annotations.some((a) => a.id === top.id) ? { kind: 'annotation', section, annotationId: top.id } : fallback;
  }
  if (typeof value !== 'string' || at.end > value.length || at.start >= at.end) return { ...fallback, section };
  if (top.key === 'sources' && top.id !== undefined) {
    return steps[1]?.key === 'text' ? { kind: 'passage', section, sourceId: top.id, start: at.start, end: at.end } : { kind: 'source', section, sourceId: top.id };
  }
  return { kind: 'field', section, text: value, start: at.start, end: at.end };
}

