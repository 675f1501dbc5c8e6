import { useEffect } from 'react';
import type { CoreEvent } from '../../shared/events';
import { api, events } from '../api';
import { reloadApp } from './reload';
import { useLatest } from './useLatest';
import { hearLocally, otherListeners, type OtherEvent } from './otherEvents';

export { hearLocally };

// The page hears the core once (one stream in browser mode, one IPC listener in the
// desktop app) and hands each view what it asked for. A burst of changes (an import of
// three hundred cases) reaches the views as one batch per frame, not three hundred reloads.

export type CaseChange = Extract<CoreEvent, { type: 'cases.changed' }>['data'];
/** `resync`: events may have been missed (the stream dropped and came back); re-read everything shown. */
export type CaseChanges = readonly CaseChange[] | 'resync';

const listeners = new Set<(changes: CaseChanges) => void>();
const conflictListeners = new Set<(count: number) => void>();

type OtherData = { [E in OtherEvent as E['type']]: E['data'] };

/** Asks every view to read again what it shows (after the folder reopened). */
export function resyncViews(): void {
  deliver('resync');
}

let pending: CaseChange[] = [];
let scheduled = false;
let started = false;

function deliver(changes: CaseChanges): void {
  for (const l of listeners) l(changes);
}

function start(): void {
  if (started) return;
  started = true;
  events.onEvent(
    (event) => {
      if (event.type === 'folder.locked') {
        // The folder closed under the page (the idle lock, another window): drop every decrypted case it holds.
        void api['vault.status']({}).then((r) => {
          if (!r.ok || !r.value.locked) return;
          // Changed on another device: the page stays, with its unsaved edits, and asks for the new passphrase.
          if (r.value.passphraseChanged) hearLocally({ type: 'folder.passphraseChanged', data: {} });
          else reloadApp();
        });
        return;
      }
      if (event.type === 'conflicts.changed') {
        for (const l of conflictListeners) l(event.data.count);
        return;
      }
      if (event.type !== 'cases.changed') return hearLocally(event);
      pending.push(event.data);
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        const batch = pending;
        pending = [];
        deliver(batch);
      }, 50);
    },
    () => deliver('resync'),
  );
}

/** Calls `listener` with each event of `type` (history, settings, passphrase changed elsewhere) until unmounted. */
export function useCoreEvent<K extends OtherEvent['type']>(type: K, listener: (data: OtherData[K]) => void): void {
  const latest = useLatest(listener);
  useEffect(() => {
    start();
    const l = (event: OtherEvent) => {
      if (event.type === type) latest.current(event.data as OtherData[K]);
    };
    otherListeners.add(l);
    return () => void otherListeners.delete(l);
  }, [latest, type]);
}

/** Calls `listener` with each batch of saved changes, made here or by any other door, until unmounted. */
export function useCasesChanged(listener: (changes: CaseChanges) => void): void {
  const latest = useLatest(listener);
  useEffect(() => {
    start();
    const l = (changes: CaseChanges) => latest.current(changes);
    listeners.add(l);
    return () => void listeners.delete(l);
  }, [latest]);
}

/** Calls `listener` with the number of unresolved sync conflicts each time the set changes, until unmounted. */
export function useConflictsChanged(listener: (count: number) => void): void {
  const latest = useLatest(listener);
  useEffect(() => {
    start();
    const l = (count: number) => latest.current(count);
    conflictListeners.add(l);
    return () => void conflictListeners.delete(l);
  }, [latest]);
}
