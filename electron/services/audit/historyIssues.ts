import type { ManifestState } from './manifest';

// What the history check reports (audit/historyCheck), in one place for its parts.

export type HistoryIssueKind =
  | 'damaged-line'
  | 'torn-line'
  | 'missing-revisions'
  | 'unconfirmed-line'
  | 'no-history'
  | 'orphaned'
  | 'unreadable-case'
  | 'chain-broken'
  | 'rolled-back'
  | 'altered-case'
  | 'vanished'
  | 'manifest-damaged'
  | 'waiting-for-device'
  | 'purged-elsewhere';

/** What tampering an error amounts to, in the words the user sees. */
export type TamperVerdict = 'rolled-back' | 'deleted' | 'altered';

export type HistoryIssue = {
  /** The file concerned, relative to the data folder (as `verify` names files). */
  file: string;
  caseId: string;
  kind: HistoryIssueKind;
  severity: 'error' | 'warning';
  /** Set on what no crash leaves. */
  verdict?: TamperVerdict;
  /** In words, for the user: what is wrong, and what it means. */
  message: string;
  /** 1-based line of the history file, for line issues. */
  line?: number;
  /** The revisions concerned, for missing ones. */
  revs?: number[];
  /** The newest revision the history or the manifest vouches for, and its hash when known: what a good copy must be. */
  lastGood?: { rev: number; sha256?: string; at?: string };
};

export type HistoryCheckOptions = {
  /**
   * Case ids held in quarantine: their case file is damaged, not gone, so their
   * history is not orphaned. The store knows them (it names quarantined files).
   */
  quarantinedIds?: Iterable<string>;
  /** The manifest, when the caller has read it; otherwise it is read from disk. */
  manifest?: ManifestState;
  /** Only these cases (the open checks the few whose files changed); every file in the folder when absent. */
  only?: ReadonlySet<string>;
  /** This machine's device id (audit/historyFiles peekDevice when absent): the other devices' files are the ones sync brings. */
  deviceId?: string | null;
  /** Now, in ms since the epoch, for how long a device's history may be awaited (SYNC_WAIT_MS). */
  nowMs?: number;
};


/** 3, 4, 5, 9 → "3–5, 9" */
export function revList(revs: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < revs.length; ) {
    let j = i;
    while (j + 1 < revs.length && revs[j + 1] === revs[j]! + 1) j++;
    parts.push(j === i ? String(revs[i]) : `${revs[i]}–${revs[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}
