import { createContext, useContext, useSyncExternalStore } from 'react';
import { api } from '../api';
import type { ApiError, Result } from '../../shared/errors';
import type { CaseFile } from '../../shared/model';

// One editing session per open case, kept outside React so that nothing typed is
// lost when the view unmounts: the draft lives here until the store confirms it.
// Edits save themselves after a short pause through `cases.update` with the rev the
// edit was based on; a refused save (someone else saved first) becomes a conflict
// the user resolves, never a silent overwrite or a silent drop.

const SAVE_DELAY_MS = 600;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

/** Text the store has not got yet: a field's invalid value, or a half-filled "add" form. */
export type Scratch = { value: unknown; invalid: boolean };

export type SessionState = {
  /** The version last confirmed on disk. */
  saved: CaseFile;
  /** What the user sees and edits. */
  draft: CaseFile;
  status: SaveStatus;
  error?: ApiError;
  /** On a conflict: the version on disk that refused our save. */
  conflict?: CaseFile;
  scratch: ReadonlyMap<string, Scratch>;
};

export class CaseSession {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inflight: Promise<void> | null = null;

  constructor(c: CaseFile) {
    this.state = { saved: c, draft: c, status: 'saved', scratch: new Map() };
  }

  get id(): string {
    return this.state.saved.id;
  }

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** True while anything typed is not yet on disk. */
  hasUnsaved(): boolean {
    return this.state.status !== 'saved' || this.state.scratch.size > 0;
  }

  invalidCount(): number {
    let n = 0;
    for (const s of this.state.scratch.values()) if (s.invalid) n++;
    return n;
  }

  /** Starts over from a fresh copy from disk (only when nothing is unsaved). */
  reset(c: CaseFile): void {
    if (this.hasUnsaved()) return;
    this.set({ saved: c, draft: c, status: 'saved', error: undefined, conflict: undefined, scratch: new Map() });
  }

  edit(update: (draft: CaseFile) => CaseFile): void {
    if (this.state.status === 'conflict') return; // the conflict view is showing; nothing edits underneath it
    const draft = update(this.state.draft);
    if (draft === this.state.draft) return;
    this.set({ draft, status: this.inflight ? 'saving' : 'pending', error: undefined });
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  /** Saves now whatever is pending (used on Retry, Ctrl+S and when leaving the view). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.inflight) await this.inflight;
    if (this.state.status !== 'pending' && this.state.status !== 'error') return;
    if (this.state.draft === this.state.saved) {
      this.set({ status: 'saved', error: undefined });
      return;
    }
    const run = this.save();
    this.inflight = run;
    try {
      await run;
    } finally {
      this.inflight = null;
    }
    if (this.state.status === 'pending') this.schedule();
  }

  private async save(): Promise<void> {
    const snapshot = this.state.draft;
    const baseRev = this.state.saved.rev;
    this.set({ status: 'saving', error: undefined });
    const result = await api['cases.update']({ id: this.id, baseRev, case: snapshot });
    if (result.ok) {
      const saved = result.value;
      if (this.state.draft === snapshot) {
        this.set({ saved, draft: saved, status: 'saved' });
      } else {
        // Edits arrived while saving: keep them, now based on the new revision.
        this.set({ saved, draft: { ...this.state.draft, rev: saved.rev, updatedAt: saved.updatedAt }, status: 'pending' });
      }
    } else if (result.error.code === 'conflict' && result.error.current) {
      this.set({ status: 'conflict', conflict: result.error.current, error: result.error });
    } else {
      this.set({ status: 'error', error: result.error });
    }
  }

  /** Conflict: write my version on top of the one on disk. */
  async keepMine(): Promise<void> {
    const current = this.state.conflict;
    if (!current) return;
    this.set({ saved: current, draft: { ...this.state.draft, rev: current.rev }, status: 'pending', conflict: undefined, error: undefined });
    await this.flush();
  }

  /** Conflict: drop my edits and continue from the version on disk. */
  takeTheirs(): void {
    const current = this.state.conflict;
    if (!current) return;
    this.set({ saved: current, draft: current, status: 'saved', conflict: undefined, error: undefined, scratch: new Map() });
  }

  /** Conflict: store my version as a new case, then continue from the version on disk here. */
  async keepBoth(copyTitle: string): Promise<Result<CaseFile>> {
    const mine = this.state.draft;
    const result = await api['cases.create']({
      case: { ...mine, id: undefined, rev: undefined, createdAt: undefined, updatedAt: undefined, title: copyTitle.slice(0, 300) },
    });
    if (result.ok) this.takeTheirs();
    return result;
  }

  // --- scratch: typed text the draft cannot hold yet ---------------------------------

  getScratch(key: string): Scratch | undefined {
    return this.state.scratch.get(key);
  }

  setScratch(key: string, entry: Scratch | undefined): void {
    const old = this.state.scratch.get(key);
    if (entry === undefined ? old === undefined : old !== undefined && old.invalid === entry.invalid && Object.is(old.value, entry.value)) return;
    const scratch = new Map(this.state.scratch);
    if (entry === undefined) scratch.delete(key);
    else scratch.set(key, entry);
    this.set({ scratch });
  }

  /** Forgets scratch under a path, e.g. when the list item it belonged to is removed. */
  clearScratch(prefix: string): void {
    const keys = [...this.state.scratch.keys()].filter((k) => k.startsWith(prefix));
    if (keys.length === 0) return;
    const scratch = new Map(this.state.scratch);
    for (const k of keys) scratch.delete(k);
    this.set({ scratch });
  }
}

// --- the open sessions ---------------------------------------------------------------

const sessions = new Map<string, CaseSession>();

/** Opens a case for editing: an unsaved session is kept as it is; otherwise a fresh copy is read. */
export async function openSession(id: string): Promise<Result<CaseSession>> {
  const existing = sessions.get(id);
  if (existing?.hasUnsaved()) return { ok: true, value: existing };
  const result = await api['cases.get']({ id });
  if (!result.ok) return result;
  const again = sessions.get(id);
  if (again) {
    again.reset(result.value);
    return { ok: true, value: again };
  }
  const session = new CaseSession(result.value);
  sessions.set(id, session);
  return { ok: true, value: session };
}

export function forgetSession(id: string): void {
  sessions.delete(id);
}

/** Starts saving every pending edit now (the page may be about to go). */
export function flushAll(): void {
  for (const s of sessions.values()) void s.flush();
}

export function anyUnsaved(): boolean {
  for (const s of sessions.values()) if (s.hasUnsaved()) return true;
  return false;
}

export function useSessionState(session: CaseSession): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The session the fields of a case view belong to (none in the "new case" dialog). */
export const SessionContext = createContext<CaseSession | null>(null);

export function useCurrentSession(): CaseSession | null {
  return useContext(SessionContext);
}

/** Saves every pending edit and waits until each save is answered. */
export async function flushAllAndWait(): Promise<void> {
  await Promise.all([...sessions.values()].map((s) => s.flush()));
}
