import { useEffect, useState } from 'react';
import type { SearchField, SearchHit } from '../../../shared/model/search';
import { highlightedWords } from './highlight';

// A search hit being opened, kept outside React: the list asks, the case view (once
// its case is loaded) lands. The reading view and the annotation list hear about
// their part (a passage to show, an annotation to select) through the same store.

export type LandingRequest = { caseId: string; field: SearchField; at?: SearchHit['at']; words: string[] };
export type PassageRequest = { caseId: string; sourceId: string; start: number; end: number; nonce: number };
export type AnnotationRequest = { caseId: string; annotationId: string; nonce: number };

let pending: LandingRequest | null = null;
let passage: PassageRequest | null = null;
let annotation: AnnotationRequest | null = null;
let nonce = 0;
let handledAnnotation = 0;
const listeners = new Set<() => void>();
const changed = () => {
  for (const l of listeners) l();
};

/** Remember where a hit is, for the case view it is about to open. */
export function requestLanding(hit: SearchHit): void {
  pending = { caseId: hit.id, field: hit.field, ...(hit.at ? { at: hit.at } : {}), words: highlightedWords(hit.snippet, hit.highlights) };
}

/** The landing asked for this case, once. */
export function takeLanding(caseId: string): LandingRequest | null {
  if (pending?.caseId !== caseId) return null;
  const taken = pending;
  pending = null;
  return taken;
}

export function showPassage(caseId: string, sourceId: string, start: number, end: number): void {
  passage = { caseId, sourceId, start, end, nonce: ++nonce };
  changed();
}

export function selectAnnotation(caseId: string, annotationId: string): void {
  annotation = { caseId, annotationId, nonce: ++nonce };
  changed();
}

/** Done with a passage request (so reopening the reader does not land again). */
export function passageDone(request: PassageRequest): void {
  if (passage === request) passage = null;
}

function useStore<T>(read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const l = () => setValue(read);
    listeners.add(l);
    l();
    return () => {
      listeners.delete(l);
    };
  }, [read]);
  return value;
}

const readPassage = () => passage;
const readAnnotation = () => annotation;

/** The passage to land on in this source's reading view, if one is asked for. */
export function usePassageRequest(caseId: string, sourceId: string): PassageRequest | null {
  const p = useStore(readPassage);
  return p && p.caseId === caseId && p.sourceId === sourceId ? p : null;
}

/** Calls `select` with an annotation a search hit asks to select in this case. */
export function useAnnotationRequest(caseId: string, select: (id: string) => void): void {
  const a = useStore(readAnnotation);
  const id = a && a.caseId === caseId ? a.annotationId : null;
  const n = a?.nonce ?? 0;
  useEffect(() => {
    // Once per request: the case opened again later starts with nothing selected.
    if (id === null || n <= handledAnnotation) return;
    handledAnnotation = n;
    select(id);
  }, [id, n]); // eslint-disable-line react-hooks/exhaustive-deps
}
