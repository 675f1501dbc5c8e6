import type { CoreEvent, FolderProgress } from '../../../shared/events';
import { folderProgress, type ProgressReport } from './folderProgress';
import type { StoreChange } from '../store/caseStore';

// The core's events, Electron-free: the session feeds it from the store's change feed
// (so a write from any door in this process — IPC, HTTP, a background recovery, a file
// changed behind the app's back — is heard once), and each door forwards it its own way.

export type EventListener = (event: CoreEvent) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();
  /** A long open's latest report while it is under way: a window that connects meanwhile is told at once, not at the next step. */
  private progressNow: CoreEvent | null = null;

  /** Hears every event from now until the returned function is called (and the progress of a long open under way). */
  listen(listener: EventListener): () => void {
    this.listeners.add(listener);
    if (this.progressNow) listener(this.progressNow);
    return () => this.listeners.delete(listener);
  }

  /** Reports of one phase of a long open, as 'folder.progress' events a hundredth at a time (events/folderProgress.ts). */
  progress(phase: 'reading'): (p: { done: number; total: number }) => void;
  progress(phase: 'indexing'): ProgressReport;
  progress(phase: FolderProgress['phase']): ProgressReport {
    return folderProgress((event) => this.emit(event), phase);
  }

  emit(event: CoreEvent): void {
    if (event.type === 'folder.progress') this.progressNow = event.data.done < event.data.total ? event : null;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A client that fails to take an event (a closed window) must not stop the save that caused it.
      }
    }
  }
}

/** A saved change as the window hears it: which case, at which revision, and why. */
export function caseChanged(change: StoreChange): CoreEvent {
  return change.type === 'upsert'
    ? { type: 'cases.changed', data: { id: change.case.id, rev: change.case.rev, cause: change.cause } }
    : { type: 'cases.changed', data: { id: change.id, cause: change.cause } };
}
