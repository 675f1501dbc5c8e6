import { describe, expect, it } from 'vitest';
import { AuditChange, CaseDraft, type CaseFile, type NgoCase, type PrisonerCase } from '../../../shared/model';
import { finalizeCase, sha256Hex } from '../../../electron/services/cases/finalize';
import { clip, CONTEXT, diffCases, LONG_TEXT } from '../../../electron/services/audit/diff';
import { fullPrisonerDraft, MIXED_SCRIPTS, ngoDraft } from '../../helpers/fixtures';

const META = { id: 'case-1', rev: 3, createdAt: '2026-01-01T10:00:00.000Z', updatedAt: '2026-01-02T10:00:00.000Z' };

function prisoner(): PrisonerCase {
  return finalizeCase(CaseDraft.parse(fullPrisonerDraft()), META) as PrisonerCase;
}

/** The next revision of `c` after `edit`, with the bookkeeping a save changes. */
function edited<T extends CaseFile>(c: T, edit: (draft: T) => void): T {
  const next = structuredClone(c);
  edit(next);
  next.rev = c.rev + 1;
  next.updatedAt = '2026-02-02T10:00:00.000Z';
  return next;
}

const paths = (changes: AuditChange[]) => changes.map((c) => c.path);

/** No half of a surrogate pair on its own. */
function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

describe('diffCases', () => {
  it('records nothing for a new case (its entry says "create") or a save that changed only the bookkeeping', () => {
    const c = prisoner();
    expect(diffCases(undefined, c)).toEqual([]);
    expect(diffCases(c, edited(c, () => undefined))).toEqual([]);
    expect(diffCases(c, edited(c, (d) => void (d.createdAt = '2020-01-01T00:00:00.000Z')))).toEqual([]);
  });

  it('gives scalar and nested changes as dotted paths, in the order the schema declares the fields', () => {
    const c = prisoner();
    const next = edited(c, (d) => {
      // Deliberately edited in an order unlike the schema's.
      d.detention.since = '2019-12-01';
      d.person.name = 'Кенжебек Әбішев';
      d.analysis.wgadCategories = ['I', 'III'];
      d.tags = [...d.tags, 'xinjiang'];
      d.priority = 'urgent';
      d.title = 'Новое название';
      d.person.born = { date: '1975', approximate: true };
    });
    const changes = diffCases(c, next);
    expect(changes).toEqual([
      { path: 'title', old: c.title, new: 'Новое название' },
      { path: 'priority', old: 'high', new: 'urgent' },
      { path: 'tags', old: ['extremism-charge', 'Қазақ'], new: ['extremism-charge', 'Қазақ', 'xinjiang'] },
      { path: 'analysis.wgadCategories', old: ['I', 'II', 'V'], new: ['I', 'III'] },
      { path: 'person.name', old: 'Қасым Тоқаев', new: 'Кенжебек Әбішев' },
      { path: 'person.born.approximate', new: true },
      { path: 'detention.since', old: '2019', new: '2019-12-01' },
    ]);
    for (const change of changes) expect(AuditChange.parse(change)).toEqual(change);
  });

  it('is deterministic: the key order of the JSON it is given does not matter', () => {
    const c = prisoner();
    const next = edited(c, (d) => {
      d.summary = 'x';
      d.person.occupation = 'юрист';
      d.region = 'Астана';
    });
    const reversed = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reversed)
      : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]))
      : value;
    const expected = ['region', 'summary', 'person.occupation'];
    expect(paths(diffCases(c, next))).toEqual(expected);
    expect(paths(diffCases(reversed(c) as CaseFile, reversed(next) as CaseFile))).toEqual(expected);
  });

  it('records a field that was added or removed with only the side that exists', () => {
    const c = prisoner();
    const next = edited(c, (d) => {
      delete d.region;
      delete d.person.occupation;
      delete d.person.born;
      d.country = 'KZ';
      d.analysis.argument = undefined;
    });
    expect(diffCases(c, next)).toEqual([
      { path: 'region', old: 'Алматы' },
      { path: 'analysis.argument', old: 'Преследование за слова' },
      { path: 'person.born', old: c.person.born },
      { path: 'person.occupation', old: 'журналист' },
    ]);
    expect(diffCases(next, c)).toEqual([
      { path: 'region', new: 'Алматы' },
      { path: 'analysis.argument', new: 'Преследование за слова' },
      { path: 'person.born', new: c.person.born },
      { path: 'person.occupation', new: 'журналист' },
    ]);
  });

  it('matches list items by id: added, removed and changed items, field by field', () => {
    const c = prisoner();
    const next = edited(c, (d) => {
      d.events[0]!.title = 'Арест в Алматы';
      d.events[0]!.sourceIds = [];
      d.events.splice(1, 1);
      d.events.push({ id: 'ev3', date: '2022-01', type: 'transfer', title: 'Этап' });
      d.deadlines[0]!.done = true;
      d.advocacy[0]!.status = 'replied';
      delete d.advocacy[0]!.nextFollowUp;
    });
    expect(diffCases(c, next)).toEqual([
      { path: 'events[id=ev1].title', old: 'Арест', new: 'Арест в Алматы' },
      { path: 'events[id=ev1].sourceIds', old: ['s1'], new: [] },
      { path: 'events[id=ev3]', new: { id: 'ev3', date: '2022-01', type: 'transfer', title: 'Этап' } },
      { path: 'events[id=ev2]', old: c.events[1] },
      { path: 'deadlines[id=d1].done', old: false, new: true },
      { path: 'advocacy[id=ad1].status', old: 'sent', new: 'replied' },
      { path: 'advocacy[id=ad1].nextFollowUp', old: '2026-12' },
    ]);
  });

  it('follows nested objects inside items, and leaves out their bookkeeping (annotation times, a source checksum)', () => {
    const c = prisoner();
    const next = edited(c, (d) => {
      d.annotations[0]!.target!.quote.exact = 'Текст источника';
      d.annotations[0]!.updatedAt = '2026-02-02T10:00:00.000Z';
      d.sources[0]!.text = 'Новый текст';
      d.sources[0]!.sha256 = sha256Hex('Новый текст');
    });
    expect(diffCases(c, next)).toEqual([
      { path: 'sources[id=s1].text', old: c.sources[0]!.text, new: 'Новый текст' },
      { path: 'annotations[id=a1].target.quote.exact', old: 'Текст', new: 'Текст источника' },
    ]);
  });

  it('compares lists without ids as whole values', () => {
    const c = prisoner();
    const next = edited(c, (d) => {
      d.person.aliases = ['Kassym Tokayev'];
      d.charges[0]!.article = '174';
      d.recognitions = [];
    });
    expect(diffCases(c, next)).toEqual([
      { path: 'person.aliases', old: ['Kassym Tokayev', 'Касым Токаев'], new: ['Kassym Tokayev'] },
      { path: 'charges', old: c.charges, new: [{ ...c.charges[0], article: '174' }] },
      { path: 'recognitions', old: c.recognitions, new: [] },
    ]);
  });

  it('reports a pure reordering once, as the ids trimmed to the stretch that moved', () => {
    const c = prisoner();
    const swapped = edited(c, (d) => void d.events.reverse());
    expect(diffCases(c, swapped)).toEqual([{ path: 'events', old: ['ev1', 'ev2'], new: ['ev2', 'ev1'] }]);

    const many = edited(c, (d) => {
      d.deadlines = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'].map((id) => ({ id, date: '2026-12-01', title: id, done: false }));
    });
    const moved = edited(many, (d) => {
      const [d2] = d.deadlines.splice(1, 1);
      d.deadlines.splice(3, 0, d2!);
    });
    expect(diffCases(many, moved)).toEqual([{ path: 'deadlines', old: ['…', 'd2', 'd3', 'd4', '…'], new: ['…', 'd3', 'd4', 'd2', '…'] }]);
    // Adding or removing an item is not a reordering of the others.
    const added = edited(many, (d) => void d.deadlines.unshift({ id: 'd0', date: '2026-11-01', title: 'd0', done: false }));
    expect(paths(diffCases(many, added))).toEqual(['deadlines[id=d0]']);
  });

  it('records a long text change as the changed passage with some context, in Cyrillic too', () => {
    const before = `${'Он был задержан сотрудниками полиции после публикации в социальных сетях. '.repeat(3)}Его задержали в Алматы 5 мая, и с тех пор родственники не могут его увидеть. ${'Адвокат подал жалобу, но ответа нет. '.repeat(3)}`;
    const after = before.replace('в Алматы 5 мая', 'в Астане 5 мая');
    expect(before.length).toBeGreaterThan(LONG_TEXT);
    const c = edited(prisoner(), (d) => void (d.summary = before));
    const [change, ...rest] = diffCases(c, edited(c, (d) => void (d.summary = after)));
    expect(rest).toEqual([]);
    expect(change!.path).toBe('summary');
    const [oldText, newText] = [change!.old as string, change!.new as string];
    expect(oldText).toContain('в Алматы 5 мая');
    expect(newText).toContain('в Астане 5 мая');
    for (const excerpt of [oldText, newText]) {
      expect(excerpt.startsWith('…') && excerpt.endsWith('…')).toBe(true);
      expect(excerpt.length).toBeLessThanOrEqual(2 * CONTEXT + 'Алматы'.length + 2);
      // Context is cut on a space, so no word is broken at either end.
      expect(excerpt.slice(1, -1)).toBe(excerpt.slice(1, -1).trim());
      expect(before.includes(excerpt.slice(1, -1)) || after.includes(excerpt.slice(1, -1))).toBe(true);
    }
    // The same context on both sides: only the passage differs.
    expect(oldText.replace('Алматы', 'Астане')).toBe(newText);
  });

  it('clips a long changed passage itself, and a long string that was added or removed', () => {
    const long = `${MIXED_SCRIPTS} `.repeat(30);
    const c = edited(prisoner(), (d) => void (d.summary = 'Коротко.'));
    const [change] = diffCases(c, edited(c, (d) => void (d.summary = `Коротко. ${long}`)));
    expect(change!.old).toBe('Коротко.');
    expect(change!.new).toBe(`Коротко.${clip(` ${long}`)}`);
    expect((change!.new as string).length).toBeLessThanOrEqual('Коротко.'.length + LONG_TEXT + 1);

    const text = 'Қ'.repeat(2048);
    const [added] = diffCases(c, edited(c, (d) => void d.sources.push({ id: 's2', title: 'Приговор', kind: 'court_document', text, sha256: sha256Hex(text) })));
    expect(added).toEqual({ path: 'sources[id=s2]', new: { id: 's2', title: 'Приговор', kind: 'court_document', text: `${'Қ'.repeat(LONG_TEXT)}…`, sha256: sha256Hex(text) } });
  });

  it('never cuts inside a surrogate pair', () => {
    // "𝔘" and "𝔙" share their high surrogate: the change is in the low half only.
    const before = `a${'𝔘'.repeat(150)}`;
    const after = `a${'𝔘'.repeat(75)}𝔙${'𝔘'.repeat(74)}`;
    const c = edited(prisoner(), (d) => void (d.summary = before));
    const [change] = diffCases(c, edited(c, (d) => void (d.summary = after)));
    expect(wellFormed(change!.old as string)).toBe(true);
    expect(wellFormed(change!.new as string)).toBe(true);
    expect(change!.new as string).toContain('𝔙');
    expect((change!.old as string).replace(/…/g, '')).toMatch(/^(𝔘)+$/u);
    const clipped = clip(before);
    expect(wellFormed(clipped)).toBe(true);
    expect(clipped.endsWith('…')).toBe(true);
    expect(clipped.length).toBeLessThanOrEqual(LONG_TEXT + 1);
  });

  it('diffs an NGO case by its own fields', () => {
    const ngo = finalizeCase(CaseDraft.parse(ngoDraft()), META) as NgoCase;
    const next = edited(ngo, (d) => {
      d.organization.name = 'Қазақстан халықаралық бюросы';
      d.measure.status = 'appealed';
      d.appeal = { court: 'Верховный суд', filed: '2026-03' };
    });
    expect(diffCases(ngo, next)).toEqual([
      { path: 'organization.name', old: 'Казахстанское международное бюро', new: 'Қазақстан халықаралық бюросы' },
      { path: 'measure.status', old: 'in_force', new: 'appealed' },
      { path: 'appeal', new: { court: 'Верховный суд', filed: '2026-03' } },
    ]);
  });
});
