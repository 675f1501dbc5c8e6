import { annotationStates, isVerifiedForBrief, type CaseFile, type CaseKind } from '../../../shared/model';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../shared/model/brief';
import { briefLangOf } from './briefing';

// The brief dialog's pure half: which templates fit, which annotations a tag
// choice prints, and the PDF's bytes out of the base64 the API returns.

/**
 * The single-case templates in the order the dialog offers them: those that fit the kind
 * of case first, then the one that does not (offered so the check can say why it does not fit).
 */
export function templatesFor(kind: CaseKind): BriefTemplate[] {
  return kind === 'political_prisoner' ? ['case', 'wgad', 'urgent-action', 'ngo'] : ['case', 'urgent-action', 'ngo', 'wgad'];
}

/** The brief language that matches the interface language. */
export function defaultBriefLang(uiLang: string): BriefLang {
  return briefLangOf(uiLang);
}

export type TagCount = { tag: string; total: number; confidential: number };

/** Every tag on the case's annotations, with how many annotations carry it (and how many of those are confidential). */
export function annotationTagCounts(annotations: CaseFile['annotations'], compare: (a: string, b: string) => number): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const a of annotations) {
    for (const tag of new Set(a.tags)) {
      const entry = counts.get(tag) ?? { tag, total: 0, confidential: 0 };
      entry.total++;
      if (a.confidential) entry.confidential++;
      counts.set(tag, entry);
    }
  }
  return [...counts.values()].sort((a, b) => compare(a.tag, b.tag));
}

/**
 * The `annotationTags` of the request: absent while every tag is chosen (so notes
 * without a tag print too), otherwise the chosen tags (an empty list prints none).
 */
export function annotationTagsParam(all: readonly string[], chosen: ReadonlySet<string>): string[] | undefined {
  if (all.every((tag) => chosen.has(tag))) return undefined;
  return all.filter((tag) => chosen.has(tag));
}

/** The annotations a choice of tags and a mode puts in scope (as the service chooses them), and the sources they may cite. */
function inScope(c: Pick<CaseFile, 'annotations' | 'sources'>, tags: readonly string[] | undefined, mode: BriefMode) {
  const hidden = new Set(c.sources.filter((s) => s.confidential === true).map((s) => s.id));
  const annotations = c.annotations.filter((a) => {
    if (tags !== undefined && !a.tags.some((t) => tags.includes(t))) return false;
    if (mode === 'internal') return true;
    // A note on the case is only its comment: without publicComment a public brief has nothing of it to print.
    if (a.sourceId === undefined && a.publicComment !== true) return false;
    return !a.confidential && !(a.sourceId !== undefined && hidden.has(a.sourceId));
  });
  return { annotations, sources: mode === 'internal' ? c.sources : c.sources.filter((s) => !hidden.has(s.id)) };
}

/** How many of the case's annotations the brief will print, and how many it leaves out unverified. */
export function annotationCounts(
  c: Pick<CaseFile, 'annotations' | 'sources'>,
  tags: readonly string[] | undefined,
  mode: BriefMode,
): { printed: number; leftOut: number } {
  const states = annotationStates(inScope(c, tags, mode));
  const printed = states.filter(isVerifiedForBrief).length;
  return { printed, leftOut: states.length - printed };
}

/** How many of the case's annotations the brief will print for a choice of tags and a mode. */
export function annotationsPrinted(c: Pick<CaseFile, 'annotations' | 'sources'>, tags: readonly string[] | undefined, mode: BriefMode): number {
  return annotationCounts(c, tags, mode).printed;
}

export type ConfidentialParts = {
  contact: boolean; lawyer: boolean; events: number; sources: number; annotations: number;
  /** Address, identity document, health details or consent: always confidential (MODEL.md). */
  identity: boolean;
  /** Annotation comments not marked public, and advocacy notes. */
  workingNotes: number;
  /** Decisions, requests, deadlines and advocacy actions marked confidential, and advocacy drafts. */
  otherItems: number;
};

/** What of this case is confidential: what a public brief leaves out and an internal one shows. */
export function confidentialParts(c: CaseFile): ConfidentialParts {
  const hidden = new Set(c.sources.filter((s) => s.confidential === true).map((s) => s.id));
  return {
    contact: c.kind === 'political_prisoner' && (c.person.contact ?? '').trim() !== '',
    lawyer: c.kind === 'political_prisoner' && (c.lawyer ?? '').trim() !== '',
    events: c.events.filter((e) => e.confidential === true).length,
    sources: hidden.size,
    annotations: c.annotations.filter((a) => a.confidential || (a.sourceId !== undefined && hidden.has(a.sourceId))).length,
    identity: c.consent !== undefined || (c.kind === 'political_prisoner' && Boolean(c.person.address?.trim() || c.person.idDocument || c.detention.health?.trim())),
    workingNotes:
      c.annotations.filter((a) => a.publicComment !== true && a.body.trim() !== '').length + c.advocacy.filter((a) => (a.notes ?? '').trim() !== '').length,
    otherItems:
      [...(c.kind === 'political_prisoner' ? c.decisions : []), ...c.requests, ...c.deadlines].filter((i) => i.confidential === true).length +
      c.advocacy.filter((a) => a.confidential === true || a.status === 'draft').length,
  };
}

/** Saves what the case view holds before a brief is made from the case on disk; false while anything is unsaved. */
export async function saveBeforeBrief(session: { flush(): Promise<void>; getState(): { status: string }; invalidCount(): number }): Promise<boolean> {
  await session.flush();
  return session.getState().status === 'saved' && session.invalidCount() === 0;
}
