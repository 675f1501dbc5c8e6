import type { AuditChange, AuditEntry } from '../../../shared/model';

// How a case's change log reads in its technical details: newest first, each change
// as `path: old → new`. Text is shown as it is; any other value as compact JSON.
// (The sentences above them come from shared/history.)

/** Entries shown before "Show all". */
export const HISTORY_VISIBLE = 20;
/** Changes shown per entry before "Show all changes". */
export const CHANGES_VISIBLE = 10;
/** Longer values are cut (the log itself keeps long text as the changed passage). */
const VALUE_MAX_CHARS = 500;

export type ChangeView =
  | { kind: 'changed'; path: string; old: string; new: string }
  | { kind: 'added'; path: string; new: string }
  | { kind: 'removed'; path: string; old: string };

export function auditValueText(value: unknown, max = VALUE_MAX_CHARS): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function has(change: AuditChange, key: 'old' | 'new'): boolean {
  return Object.hasOwn(change, key) && change[key] !== undefined;
}

export function describeChange(change: AuditChange): ChangeView {
  const hasOld = has(change, 'old');
  const hasNew = has(change, 'new');
  if (hasOld && !hasNew) return { kind: 'removed', path: change.path, old: auditValueText(change.old) };
  if (!hasOld && hasNew) return { kind: 'added', path: change.path, new: auditValueText(change.new) };
  return { kind: 'changed', path: change.path, old: auditValueText(change.old), new: auditValueText(change.new) };
}

/** Newest first: the log is kept in the order the changes were saved, oldest first. */
export function newestFirst<T = AuditEntry>(entries: readonly T[]): T[] {
  return [...entries].reverse();
}
