import { z } from 'zod';
import { DeviceInfo } from '../team';
import { idRecord } from './idRecord';
import { DateTime, Id, Rev, StoredRev } from './scalars';

// A case's history: one entry per saved change, appended by the store. It is the
// app's own addition to the model (README, "Model extensions"): a bundle carries it
// only when the export asks for it.

/** A changed value as the log keeps it: short values whole; long text as the changed passage with a little context. */
export const AuditValue = z.unknown();

export const AuditChange = z.strictObject({
  /** Where, in the case's JSON: `title`, `person.aliases`, `events[id=…].date`. */
  path: z.string().min(1),
  /** Absent when the field was added. */
  old: AuditValue.optional(),
  /** Absent when the field was removed. */
  new: AuditValue.optional(),
});
export type AuditChange = z.infer<typeof AuditChange>;

/**
 * `migrate`: the data folder's migration to a new model version rewrote the case (changes says what).
 * `custody`: an original left the app (saved to a path, or handed to the browser); the case is unchanged.
 * `sync-conflict`: two devices saved the case at once and the user settled it (the entry's `syncConflict` keeps what was not kept).
 */
export const AuditCause = z.enum(['create', 'update', 'import', 'restore', 'trash', 'recover', 'backup-restore', 'migrate', 'custody', 'sync-conflict']);
export type AuditCause = z.infer<typeof AuditCause>;

/**
 * Who took which original where (issue 17, the Berkeley Protocol's chain of custody).
 * `by` is Settings → prepared by, else the operating system's user name (`byFrom` says which).
 * `to` is the path written; absent when the bytes were handed to the browser to download.
 */
export const AuditCustody = z.strictObject({
  /** `briefed`: sent inside a brief (attached to its PDF, or in its ZIP); `to` is the brief's file name. */
  action: z.enum(['saved', 'downloaded', 'briefed']),
  by: z.string(),
  byFrom: z.enum(['settings', 'os']),
  sourceId: Id,
  title: z.string(),
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  to: z.string().min(1).optional(),
});
export type AuditCustody = z.infer<typeof AuditCustody>;

/**
 * A Syncthing conflict settled: which copy, what was kept, and every version not kept
 * whole (`lost`, each as its file held it), so none is ever lost; `undo`: the changes
 * from the saved case back to the first of them, for the history view.
 */
export const AuditSyncConflict = z.strictObject({
  copy: z.string().min(1),
  device: z.string().optional(),
  kept: z.enum(['current', 'copy', 'both', 'merge']),
  lost: z.array(z.unknown()),
  undo: z.array(AuditChange),
  newCaseId: Id.optional(),
});
export type AuditSyncConflict = z.infer<typeof AuditSyncConflict>;

export const AuditEntry = z.strictObject({
  at: DateTime,
  /** The case's rev after the change. */
  rev: StoredRev,
  cause: AuditCause,
  changes: z.array(AuditChange),
  /** On `custody` entries (whose `changes` is empty and `rev`/`sha256` are the case's as it stood). */
  custody: AuditCustody.optional(),
  /** On `sync-conflict` entries. */
  syncConflict: AuditSyncConflict.optional(),
  /** Set on entries that came in with an imported bundle (recorded on another machine). */
  imported: z.boolean().optional(),
  /**
   * Tamper evidence (audit/digest): the SHA-256 of the previous line's JSON in the
   * same history ("" on a file's first line), so a line removed, repeated or moved
   * breaks the chain. Absent on lines written before the chain existed.
   */
  prev: z.string().regex(/^(?:[0-9a-f]{64})?$/).optional(),
  /** The SHA-256 of the case this change left (its canonical JSON), which the case file must still match. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /**
   * The machine that made the change (shared/team), named as it was then. Absent on lines
   * written before devices existed, and on imported lines whose bundle did not say.
   */
  device: DeviceInfo.optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * A bundle's optional history: entries per case id, oldest first. Parsed into a
 * null-prototype object that keeps every id, `__proto__` and `constructor` included
 * (see idRecord); read it with `ownValue`. This is the form an export writes.
 */
export const BundleHistory = idRecord(Id, z.array(AuditEntry));
export type BundleHistory = z.infer<typeof BundleHistory>;

/** A history as an import takes it: revisions bounded like a draft's (see scalars). */
export const ImportedBundleHistory = idRecord(Id, z.array(AuditEntry.extend({ rev: Rev })));
