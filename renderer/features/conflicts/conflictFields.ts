import type { TFunction } from 'i18next';
import { isJsonObject } from '../../../shared/jsonValue';
import { parseAuditPath, valueAt } from '../../../shared/history/auditPath';

// A changed path (audit/diff's `events[id=…].date`) in words, with the history's own
// field names, and a value as the comparison shows it.

export function fieldLabel(t: TFunction, path: string, current: unknown, copy: unknown): string {
  const segs = parseAuditPath(path);
  if (!segs) return path;
  const first = segs[0]!;
  const last = segs.at(-1)!;
  const part = segs.length === 1 ? 'case' : first.key;
  const key = `history.field.${part}.${last.key}`;
  const name = t(key, { defaultValue: '' }) || t(`history.field.case.${last.key}`, { defaultValue: '' }) || last.key;
  if (first.id === undefined) return segs.length > 2 ? `${name} (${segs.slice(0, -1).map((s) => s.key).join(' › ')})` : name;
  const item = valueAt(current, [first]) ?? valueAt(copy, [first]);
  const itemName = isJsonObject(item) && typeof item.title === 'string' ? item.title : isJsonObject(item) && typeof item.text === 'string' ? item.text.slice(0, 60) : first.id;
  return segs.length === 1 ? `${first.key}: ${itemName}` : `${name} — ${itemName}`;
}

/** The whole value at `path` (never the history's excerpt); undefined when that side has none. */
export function sideValue(root: unknown, path: string): unknown {
  const segs = parseAuditPath(path);
  return segs ? valueAt(root, segs) : undefined;
}

export function shownValue(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value, null, 1);
}
