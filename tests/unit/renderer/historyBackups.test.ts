import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AuditCause, SnapshotReason, type AuditEntry } from '../../../shared/model';
import { REASON_KEYS, sizeParts, sortSnapshots } from '../../../renderer/features/backups/backupsModel';
import { auditValueText, describeChange, newestFirst } from '../../../renderer/features/history/historyModel';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const localeDir = path.join(root, 'renderer/i18n/locales');

/** Every key of every locale file of one language, dotted. */
function keysOf(lang: string): Set<string> {
  const out = new Set<string>();
  const walk = (tree: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(tree)) {
      if (typeof v === 'string') out.add(prefix + k);
      else walk(v as Record<string, unknown>, `${prefix}${k}.`);
    }
  };
  for (const f of readdirSync(localeDir).filter((f) => f.startsWith(`${lang}.`) && f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(path.join(localeDir, f), 'utf8')), '');
  }
  return out;
}

describe('history entries read as path: old → new', () => {
  it('tells changed, added and removed values apart', () => {
    expect(describeChange({ path: 'title', old: 'Old', new: 'New' })).toEqual({ kind: 'changed', path: 'title', old: 'Old', new: 'New' });
    expect(describeChange({ path: 'person.aliases', new: ['Айгүл'] })).toEqual({ kind: 'added', path: 'person.aliases', new: '["Айгүл"]' });
    expect(describeChange({ path: 'summary', old: 'gone' })).toEqual({ kind: 'removed', path: 'summary', old: 'gone' });
    // null is a value, not an absence
    expect(describeChange({ path: 'x', old: null, new: 1 })).toEqual({ kind: 'changed', path: 'x', old: 'null', new: '1' });
  });

  it('shows text as it is and anything else as compact JSON, cut when very long', () => {
    expect(auditValueText('Қазақ "text"')).toBe('Қазақ "text"');
    expect(auditValueText({ a: 1, b: [true, null] })).toBe('{"a":1,"b":[true,null]}');
    expect(auditValueText(12)).toBe('12');
    const long = auditValueText('x'.repeat(2000), 100);
    expect(long).toHaveLength(100);
    expect(long.endsWith('…')).toBe(true);
  });

  it('lists newest first without changing the log', () => {
    const log: AuditEntry[] = [1, 2, 3].map((rev) => ({ at: `2026-01-0${rev}T10:00:00.000Z`, rev, cause: rev === 1 ? 'create' : 'update', changes: [] }));
    expect(newestFirst(log).map((e) => e.rev)).toEqual([3, 2, 1]);
    expect(log.map((e) => e.rev)).toEqual([1, 2, 3]);
  });
});

describe('backups', () => {
  it('sizes in B, KB, MB, GB', () => {
    expect(sizeParts(0)).toEqual({ value: 0, unit: 'B' });
    expect(sizeParts(1023)).toEqual({ value: 1023, unit: 'B' });
    expect(sizeParts(1536)).toEqual({ value: 1.5, unit: 'KB' });
    expect(sizeParts(5 * 1024 * 1024)).toEqual({ value: 5, unit: 'MB' });
    expect(sizeParts(3 * 1024 ** 4)).toEqual({ value: 3072, unit: 'GB' });
  });

  it('sorts snapshots newest first', () => {
    const s = (name: string, createdAt: string) => ({ name, createdAt, reason: 'manual' as const, cases: 1, trashed: 0, bytes: 1 });
    expect(sortSnapshots([s('a', '2026-01-01T00:00:00.000Z'), s('b', '2026-03-01T00:00:00.000Z'), s('c', '2026-02-01T00:00:00.000Z')]).map((x) => x.name)).toEqual(['b', 'c', 'a']);
  });
});

describe('every reason and cause the store reports has words in every language', () => {
  for (const lang of ['en', 'ru', 'kk']) {
    it(lang, () => {
      const keys = keysOf(lang);
      for (const reason of SnapshotReason.options) expect(keys.has(REASON_KEYS[reason]), `${lang}: ${reason}`).toBe(true);
      const causeKey = (c: string) => `history.cause.${c.replace(/-(\w)/g, (_, ch: string) => ch.toUpperCase())}`;
      for (const cause of AuditCause.options) expect(keys.has(causeKey(cause)), `${lang}: ${cause}`).toBe(true);
      for (const unit of ['B', 'KB', 'MB', 'GB']) expect(keys.has(`backups.size.${unit}`)).toBe(true);
    });
  }
});
