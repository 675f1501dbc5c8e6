// Bundle import, fuzzed: bundles of 1–5 valid cases of which exactly one is broken in
// a random way. The whole bundle is refused as bad input, every fault is named by a
// path inside the broken case, and nothing is stored; the same bundle without the
// broken case then imports whole (so the refusal came from that case alone).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../electron/services/cases/finalize';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createServices } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { CaseDraft } from '../../../shared/model';
import { fullPrisonerDraft, ngoDraft, prisonerDraft, tempDir } from '../../helpers/fixtures';
import { DeepNesting, show, snapshot, snapshotDiff } from '../../helpers/faults';
import { caseDraft, NASTY_STRINGS } from '../../helpers/faultsArbitraries';

type Draft = Record<string, unknown>;
/** Turns a valid draft into a broken one. `first` is the id of case 0 of the bundle (for a duplicate id). */
type Breaker = { name: string; apply: (draft: Draft, first: string) => unknown };

// Loosely typed on purpose: the breakers reach into any part of a draft.
const clone = (d: Draft) => structuredClone(d) as Record<string, any>;
const named = (name: string, apply: Breaker['apply']): Breaker => ({ name, apply });

function requiredKeys(d: Draft): string[][] {
  return d.kind === 'political_prisoner'
    ? [['kind'], ['title'], ['person'], ['person', 'name']]
    : [['kind'], ['title'], ['organization'], ['organization', 'name'], ['measure'], ['measure', 'type'], ['measure', 'authority']];
}

/** For each field, values it must refuse. */
const WRONG_VALUES: Record<string, unknown[]> = {
  title: [42, null, [], {}, true, '', new DeepNesting(2_000, false)],
  tags: ['x', 42, null, {}, [42], [null], new DeepNesting(2_000, true)],
  events: [{}, 'x', null, [null], [42], [{}]],
  sources: [{}, 'x', [{}], [{ title: 't', kind: 'article' }]],
  rev: [0, -1, 1.5, 1e308, 2 ** 64, '1', null, Number.NaN],
  id: ['', 'bad id!', 'x'.repeat(65), 42, null, 'a/b', '../x', 'a\u0000'],
  country: ['kz', 'KAZ', 42, ''],
  status: ['open', null, 42],
  priority: ['mega', ''],
  createdAt: ['2026-11-22', 'yesterday', 42, '2026-11-22T10:00:00', '2026-13-01T00:00:00Z'],
  summary: [42, null, [], new DeepNesting(2_000, false)],
  analysis: [[], 'x', { wgadCategories: ['VI'] }, { rightsViolated: 'ICCPR 19' }],
};

const UNKNOWN_KEYS = ['colour', 'Title', 'kind ', 'notes2', '__proto__', 'constructor', '', '\u0000'];

/** Each of these makes a draft that the import must refuse; the parameter picks the details. */
const breaker: fc.Arbitrary<Breaker> = fc.oneof(
  fc.nat().map((n) =>
    named(`delete a required key #${n}`, (d) => {
      const keys = requiredKeys(d);
      const [a, b] = keys[n % keys.length]!;
      const c = clone(d);
      if (b === undefined) delete c[a!];
      else delete c[a!][b];
      return c;
    }),
  ),
  fc
    .constantFrom(...Object.entries(WRONG_VALUES).flatMap(([field, values]) => values.map((value) => [field, value] as const)))
    .map(([field, value]) => named(`${field} ← ${show(value, 40)}`, (d) => ({ ...clone(d), [field]: value instanceof DeepNesting ? value.build() : value }))),
  fc.record({ key: fc.constantFrom(...UNKNOWN_KEYS), where: fc.constantFrom('case', 'person-or-org', 'analysis', 'event') }).map(({ key, where }) =>
    named(`unknown key ${JSON.stringify(key)} in ${where}`, (d) => {
      const c = clone(d);
      const target =
        where === 'case' ? c
        : where === 'person-or-org' ? (c.person ?? c.organization)
        : where === 'analysis' ? (c.analysis ??= { wgadCategories: [], rightsViolated: [] })
        : ((c.events ??= []).push({ date: '2020', type: 'arrest', title: 'e' }), c.events.at(-1));
      Object.defineProperty(target, key, { value: 'surprise', enumerable: true, writable: true, configurable: true });
      return c;
    }),
  ),
  fc.constantFrom('16.02.2021', '2021-02-30', '2021-13', '21', '2021-1-5', '', '２０２１').map((date) => named(`event date ${date}`, (d) => ({ ...clone(d), events: [...((d.events as unknown[]) ?? []), { date, type: 'arrest', title: 'x' }] }))),
  fc.constantFrom('', 'x'.repeat(301), 'Қ'.repeat(301)).map((title) => named(`title of ${title.length}`, (d) => ({ ...clone(d), title }))),
  fc.constantFrom(...NASTY_STRINGS).map((t) =>
    named('a source whose sha256 does not match its text', (d) => ({ ...clone(d), sources: [...((d.sources as unknown[]) ?? []), { id: 'tampered', title: 't', kind: 'article', text: t, sha256: sha256Hex(`${t} (before it was edited)`) }] })),
  ),
  fc.constantFrom('event-source', 'annotation-source', 'target-without-source', 'duplicate-event-ids', 'duplicate-source-ids').map((how) =>
    named(how, (d) => {
      const c = clone(d);
      c.events ??= [];
      c.sources ??= [];
      c.annotations ??= [];
      if (how === 'event-source') c.events.push({ date: '2020', type: 'arrest', title: 'x', sourceIds: ['no-such-source'] });
      if (how === 'annotation-source') c.annotations.push({ sourceId: 'no-such-source', body: 'b' });
      if (how === 'target-without-source') c.annotations.push({ body: 'b', target: { quote: { exact: 'q' } } });
      if (how === 'duplicate-event-ids') c.events.push({ id: 'twice', date: '2020', type: 'arrest', title: 'a' }, { id: 'twice', date: '2021', type: 'charge', title: 'b' });
      if (how === 'duplicate-source-ids') c.sources.push({ id: 'twice', title: 'a', kind: 'article', text: 'a' }, { id: 'twice', title: 'b', kind: 'article', text: 'b' });
      return c;
    }),
  ),
  fc.constantFrom<unknown>(null, 42, 'a case', [], [{}], true).map((v) => named(`not an object: ${show(v)}`, () => v)),
  fc.constantFrom('prisoner', 'ngo', '', 'POLITICAL_PRISONER').map((kind) => named(`kind ${kind}`, (d) => ({ ...clone(d), kind }))),
  fc.constant(named('kind swapped to the other one', (d) => ({ ...clone(d), kind: d.kind === 'political_prisoner' ? 'ngo_suspension' : 'political_prisoner' }))),
  fc.constantFrom(1800, 2200, 'nineteen', 1990.5).map((birthYear) =>
    named(`nested wrong value ${birthYear}`, (d) => {
      const c = clone(d);
      if (c.kind === 'political_prisoner') c.person.birthYear = birthYear;
      else c.measure.fine = { amount: -5, currency: 'kzt' };
      return c;
    }),
  ),
  fc.constantFrom(0, -1, 1.5, 2 ** 64).map((rev) => named(`rev ${rev}`, (d) => ({ ...clone(d), rev }))),
  fc.constant(named('the id of case 0 again', (d, first) => ({ ...clone(d), id: first }))),
);

// The refused bundles go to a folder that holds a few cases already (they must stay as
// they are); the control imports go to a second folder, so the first stays small.
let dir: string;
let store: CaseStore;
let dispatch: Dispatch;
let control: CaseStore;
let controlDispatch: Dispatch;
const cleanups: Array<() => Promise<void>> = [];
let bundleNo = 0;

beforeAll(async () => {
  const a = await tempDir('casefile-bundle-fuzz-');
  const b = await tempDir('casefile-bundle-control-');
  cleanups.push(a.cleanup, b.cleanup);
  dir = a.dir;
  store = await CaseStore.open(dir);
  dispatch = createDispatcher(createServices(store).handlers);
  // 'b1-0' is also the id of the first bundle's first case: a bad bundle is bad input even when it would conflict.
  for (const c of [fullPrisonerDraft(), ngoDraft(), { ...prisonerDraft(), id: 'b1-0' }]) await store.create(CaseDraft.parse(c));
  control = await CaseStore.open(b.dir);
  controlDispatch = createDispatcher(createServices(control).handlers);
});
afterAll(async () => {
  await store.close();
  await control.close();
  for (const c of cleanups) await c();
});

const bundleOf = (cases: unknown[]) => ({ format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases });

describe('a bundle with exactly one broken case', () => {
  it('is refused as bad input, by paths inside that case, with nothing stored; without it the rest imports', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ draft: caseDraft(), withId: fc.boolean() }), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        breaker,
        async (drafts, at, brk) => {
          // Fresh ids per bundle: the control import must not conflict with earlier runs.
          const n = ++bundleNo;
          const cases: Draft[] = drafts.map(({ draft, withId }, j) => (withId || j === 0 ? { ...draft, id: `b${n}-${j}` } : draft));
          const i = brk.name === 'the id of case 0 again' ? 1 + (at % Math.max(1, cases.length - 1)) : at % cases.length;
          if (i >= cases.length) return; // a one-case bundle cannot repeat its own id
          const broken = [...cases];
          broken[i] = brk.apply(cases[i]!, `b${n}-0`) as Draft;

          const before = await snapshot(dir);
          const count = store.count();
          const r = await dispatch('bundle.import', { bundle: bundleOf(broken), onConflict: 'fail' });
          const where = `${brk.name} at cases[${i}] of ${cases.length}: ${show(r, 900)}`;
          expect(r.ok, where).toBe(false);
          if (r.ok) return;
          expect(r.error.code, where).toBe('bad_input');
          expect(r.error.issues?.length, where).toBeGreaterThan(0);
          for (const issue of r.error.issues!) {
            expect(issue.path.slice(0, 3), where).toEqual(['bundle', 'cases', i]);
            expect(issue.message.trim(), where).not.toBe('');
          }
          expect(snapshotDiff(before, await snapshot(dir)), where).toEqual([]);
          expect(store.count()).toBe(count);

          // The control: the other cases alone are a good bundle, and all of them are stored.
          const rest = cases.filter((_, j) => j !== i);
          const controlCount = control.count();
          const ok = await controlDispatch('bundle.import', { bundle: bundleOf(rest), onConflict: 'fail' });
          expect(ok.ok, `${where} — without it: ${show(ok, 900)}`).toBe(true);
          if (ok.ok) expect(ok.value.results.map((x) => x.action)).toEqual(rest.map(() => 'created'));
          expect(control.count()).toBe(controlCount + rest.length);
        },
      ),
      { numRuns: 80, endOnFailure: true },
    );
    // Whatever was stored on the way is a healthy folder.
    expect((await control.verify()).problems).toEqual([]);
    expect(store.count()).toBe(3);
  });
});

describe('the fault messages', () => {
  // A case that is present but not an object (null, an array, a number) must not be
  // reported as if it were missing ("required: expected object").
  it.each([
    ['null', null, 'null'],
    ['an array', [], 'array'],
    ['a number', 42, 'number'],
  ])('a case that is %s is named as what it is, not as missing', async (_what, value, got) => {
    const r = await dispatch('bundle.import', { bundle: bundleOf([value]) });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    if (r.ok) return;
    expect(r.error.issues).toEqual([{ path: ['bundle', 'cases', 0], message: expect.stringContaining(`got ${got}`) }]);
    expect(r.error.issues![0]!.message).not.toMatch(/^required/);
  });
});
