import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { annotationStates, type AnnotationState } from '../../../shared/model';
import { api } from '../../api';
import type { SessionState } from '../../lib/caseSession';

// Which source the reading view shows, kept outside React so that other parts of the
// case view (a timeline event's cited sources, the annotation list) can open it.

export type ReaderState = {
  caseId: string | null;
  sourceId: string | null;
  /** An annotation to scroll to and flash; `nonce` makes a repeated request count. */
  focus: { annotationId: string | null; nonce: number } | null;
  /** An orphaned annotation waiting for the user to select its new passage. */
  reattach: string | null;
};

let state: ReaderState = { caseId: null, sourceId: null, focus: null, reattach: null };
const listeners = new Set<() => void>();
let nonce = 0;

function set(next: ReaderState): void {
  state = next;
  for (const l of listeners) l();
}

export function openSource(caseId: string, sourceId: string, annotationId: string | null = null): void {
  const keepReattach = state.caseId === caseId ? state.reattach : null;
  set({ caseId, sourceId, focus: { annotationId, nonce: ++nonce }, reattach: keepReattach });
}

export function closeReader(): void {
  set({ ...state, sourceId: null, focus: null, reattach: null });
}

export function startReattach(caseId: string, annotationId: string, sourceId: string): void {
  set({ caseId, sourceId, focus: { annotationId: null, nonce: ++nonce }, reattach: annotationId });
}

/**
 * True the first time a view asks about this focus request: a request is carried out
 * once, not again each time the case view is opened anew.
 */
let handledNonce = 0;
export function takeFocusRequest(requestNonce: number): boolean {
  if (requestNonce <= handledNonce) return false;
  handledNonce = requestNonce;
  return true;
}

export function stopReattach(): void {
  if (state.reattach !== null) set({ ...state, reattach: null });
}

/** The reader state of this case (a reader opened for another case counts as closed). */
export function useReader(caseId: string): ReaderState {
  const s = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
  return s.caseId === caseId ? s : { caseId, sourceId: null, focus: null, reattach: null };
}

/**
 * Where every annotation stands. From `annotations.list` for the version on disk,
 * fetched again after each save; while an edit is not saved yet, the same function
 * the store uses, run here on the draft, so a new highlight shows at once.
 */
export function useAnnotationStates(s: SessionState): AnnotationState[] {
  const id = s.saved.id;
  const rev = s.saved.rev;
  const [server, setServer] = useState<{ id: string; rev: number; states: AnnotationState[] } | null>(null);
  useEffect(() => {
    let live = true;
    void api['annotations.list']({ id }).then((r) => {
      if (live && r.ok) setServer({ id, rev, states: r.value });
    });
    return () => {
      live = false;
    };
  }, [id, rev]);
  const upToDate = server !== null && server.id === id && server.rev === rev && s.draft.annotations === s.saved.annotations && s.draft.sources === s.saved.sources;
  const { sources, annotations } = s.draft;
  const local = useMemo(() => (upToDate ? null : annotationStates({ sources, annotations })), [upToDate, sources, annotations]);
  return upToDate ? server.states : local!;
}
