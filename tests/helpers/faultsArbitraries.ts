// fast-check arbitraries for the fault tests: valid case drafts and bundles, hostile
// values (huge strings, deep nesting, lone surrogates, NUL, extreme numbers), and the
// mutations the dispatcher fuzz applies to valid inputs.
import fc from 'fast-check';
import { sha256Hex } from '../../electron/services/cases/finalize';
import { DeepNesting, printShort, type Mutation } from './faults';

const pad = (n: number) => String(n).padStart(2, '0');

export const partialDate = fc
  .tuple(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 2 }))
  .map(([y, m, d, p]) => (p === 0 ? `${y}` : p === 1 ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(d)}`));

export const dateTime = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
  .map((ms) => new Date(ms).toISOString());

export const idArb = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789_-'), minLength: 1, maxLength: 24 });

const SCRIPTS = ['Қасым Тоқаев', 'Гүлнар Әбдірахманова', 'Aibek Serikuly', 'Қ Ө Ү Ұ Ә Ғ Ң І Һ', 'حقوق الإنسان', '🕊️👩🏽‍⚖️', 'e\u0301', 'Өскемен', 'Токаев'];

/** Strings that have broken text handling elsewhere: NUL, lone surrogates, BOM, bidi, markup. */
export const NASTY_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\udbff\udbff',
  'pair split \ud83d',
  '\u202e override',
  '\ufeffBOM',
  '\r\n\r\n',
  ' ',
  '"\\',
  '</script><b>',
  '../../etc/passwd',
  'CON',
  '%s%n{0}',
  '\u0085\u2028\u2029',
];

const shortText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPTS) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Any text, mostly short, in many scripts, sometimes hostile. */
export const text = fc.oneof(
  { weight: 4, arbitrary: shortText },
  { weight: 2, arbitrary: fc.array(shortText, { maxLength: 5 }).map((parts) => parts.join(' ')) },
);
export const nonEmptyText = text.map((s) => (s === '' ? 'x' : s));
const title = nonEmptyText.map((s) => s.slice(0, 300));

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops the keys whose value is undefined (an optional field left out). */
function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const money = fc.record({ amount: fc.double({ min: 0, max: 1e12, noNaN: true, noDefaultInfinity: true }), currency: fc.constantFrom('KZT', 'USD', 'EUR', 'RUB'), usdApprox: opt(fc.nat()) }).map(compact);

type SourceArb = { id: string; title: string; kind: string; text: string; sha256?: string; confidential?: boolean; publishedOn?: string; url?: string };

const sources = fc
  .array(
    fc.record({
      title: nonEmptyText,
      kind: fc.constantFrom('article', 'court_document', 'statement', 'interview', 'other'),
      text: fc.oneof(text, fc.array(fc.constantFrom(...SCRIPTS), { minLength: 3, maxLength: 12 }).map((w) => w.join(' '))),
      withSha: fc.boolean(),
      confidential: opt(fc.boolean()),
      publishedOn: opt(partialDate),
      url: opt(fc.webUrl()),
    }),
    { maxLength: 3 },
  )
  .map((list) =>
    list.map(({ withSha, ...s }, i): SourceArb => compact({ id: `src-${i}`, ...s, ...(withSha ? { sha256: sha256Hex(s.text) } : {}) })),
  );

/** A case draft that must be accepted: every reference resolves, every checksum matches. */
export function caseDraft(options: { id?: fc.Arbitrary<string | undefined>; rev?: fc.Arbitrary<number | undefined> } = {}): fc.Arbitrary<Record<string, unknown>> {
  return sources.chain((srcs) => {
    const sourceIds = srcs.map((s) => s.id);
    const event = fc.record({
      date: opt(partialDate),
      type: fc.constantFrom('arrest', 'charge', 'hearing', 'verdict', 'appeal', 'transfer', 'release', 'suspension', 'fine', 'inspection', 'statement', 'other'),
      title: nonEmptyText,
      description: opt(text),
      sourceIds: opt(fc.subarray(sourceIds)),
      confidential: opt(fc.boolean()),
    });
    const annotation = fc
      .record({
        source: sourceIds.length ? opt(fc.nat({ max: sourceIds.length - 1 })) : fc.constant(undefined),
        from: fc.nat(),
        len: fc.integer({ min: 1, max: 30 }),
        invent: fc.boolean(),
        body: text,
        tags: fc.array(fc.constantFrom('arrest', 'wgad', 'public', 'Қазақ'), { maxLength: 2 }),
        confidential: fc.boolean(),
        publicComment: fc.option(fc.boolean(), { nil: undefined }),
      })
      .map(({ source, from, len, invent, body, tags, confidential, publicComment }) => {
        const extra = publicComment === undefined ? {} : { publicComment };
        if (source === undefined) return { body, tags, confidential, ...extra };
        const t = srcs[source]!.text;
        const start = t.length ? from % t.length : 0;
        const exact = invent || !t ? 'words that are not in the text' : t.slice(start, start + len) || 'x';
        return { sourceId: sourceIds[source], target: { quote: { exact } }, body, tags, confidential, ...extra };
      });
    const common = {
      id: options.id ?? fc.constant(undefined),
      rev: options.rev ?? fc.constant(undefined),
      title,
      status: opt(fc.constantFrom('active', 'monitoring', 'resolved', 'closed')),
      priority: opt(fc.constantFrom('urgent', 'high', 'normal', 'low')),
      country: opt(fc.constantFrom('KZ', 'RU', 'UZ', 'KG')),
      region: opt(text),
      summary: opt(fc.oneof({ weight: 9, arbitrary: text }, { weight: 1, arbitrary: fc.constant('Қ Ө Ү Ұ Ә — a long summary. '.repeat(2000)) })),
      tags: opt(fc.array(shortText, { maxLength: 3 })),
      events: opt(fc.array(event.map(compact), { maxLength: 3 })),
      sources: fc.constant(srcs),
      annotations: opt(fc.array(annotation.map(compact), { maxLength: 3 })),
      deadlines: opt(fc.array(fc.record({ date: partialDate, title: nonEmptyText, done: opt(fc.boolean()), confidential: opt(fc.boolean()) }).map(compact), { maxLength: 2 })),
      requests: opt(fc.array(fc.record({ text: nonEmptyText, addressee: opt(text), confidential: opt(fc.boolean()) }).map(compact), { maxLength: 2 })),
      consent: opt(fc.record({ status: fc.constantFrom('given', 'refused', 'pending', 'not_needed'), by: opt(text), date: opt(partialDate) }).map(compact)),
      advocacy: opt(
        fc.array(
          fc
            .record({
              target: nonEmptyText,
              kind: fc.constantFrom('communication', 'urgent_appeal', 'letter', 'statement', 'meeting', 'other'),
              status: fc.constantFrom('draft', 'sent', 'replied', 'decided', 'closed'),
              date: opt(partialDate),
              notes: opt(text),
              confidential: opt(fc.boolean()),
            })
            .map(compact),
          { maxLength: 2 },
        ),
      ),
      analysis: opt(fc.record({ wgadCategories: fc.subarray(['I', 'II', 'III', 'IV', 'V']), rightsViolated: fc.array(fc.constantFrom('ICCPR 19', 'ICCPR 22', 'ICCPR 9'), { maxLength: 2 }), argument: opt(text) }).map(compact)),
      createdAt: opt(dateTime),
      updatedAt: opt(dateTime),
    };
    const prisoner = fc.record({
      ...common,
      kind: fc.constant('political_prisoner'),
      person: fc
        .record({ name: nonEmptyText, aliases: fc.array(shortText, { maxLength: 3 }), born: opt(fc.record({ date: partialDate, approximate: opt(fc.boolean()) }).map(compact)), nationality: opt(fc.subarray(['KZ', 'RU', 'CN'])), gender: opt(fc.constantFrom('female', 'male', 'other', 'unknown')), contact: opt(text), address: opt(text) })
        .map(compact),
      arrest: opt(fc.record({ date: opt(partialDate), place: opt(text), by: opt(text), warrantShown: opt(fc.constantFrom('yes', 'no', 'unknown')) }).map(compact)),
      detention: opt(fc.record({ status: fc.constantFrom('pre_trial', 'house_arrest', 'administrative_arrest', 'imprisoned', 'restricted_freedom', 'incommunicado', 'fined', 'released', 'exile', 'unknown'), place: opt(text), since: opt(partialDate), releasedOn: opt(partialDate), health: opt(text) }).map(compact)),
      charges: opt(fc.array(fc.record({ article: opt(nonEmptyText), code: nonEmptyText, summary: opt(text), outcome: opt(fc.constantFrom('pending', 'convicted', 'acquitted', 'dropped', 'requalified')) }).map(compact), { maxLength: 2 })),
      decisions: opt(
        fc.array(
          fc
            .record({
              stage: fc.constantFrom('verdict', 'appeal', 'reduction', 'early_release_denied'),
              date: opt(partialDate),
              body: opt(text),
              penalty: opt(
                fc
                  .record({
                    type: fc.constantFrom('prison', 'administrative_arrest', 'restricted_freedom', 'fine', 'suspended', 'none'),
                    term: opt(fc.oneof(fc.record({ days: fc.integer({ min: 0, max: 90 }) }), fc.record({ years: fc.integer({ min: 0, max: 20 }), months: fc.integer({ min: 0, max: 11 }) }))),
                    fine: opt(money),
                  })
                  .map(compact),
              ),
              confidential: opt(fc.boolean()),
            })
            .map(compact),
          { maxLength: 2 },
        ),
      ),
      recognitions: opt(fc.array(fc.record({ by: nonEmptyText, label: fc.constantFrom('political_prisoner', 'prisoner_of_conscience', 'other'), date: opt(partialDate) }).map(compact), { maxLength: 2 })),
      lawyer: opt(text),
    });
    const ngo = fc.record({
      ...common,
      kind: fc.constant('ngo_suspension'),
      organization: fc.record({ name: nonEmptyText, aliases: fc.array(shortText, { maxLength: 2 }), city: opt(text) }).map(compact),
      measure: fc
        .record({
          type: fc.constantFrom('suspension', 'fine', 'liquidation', 'inspection', 'registration_denied', 'other'),
          authority: fc.constantFrom('Ministry of Justice', 'Суд г. Алматы', 'Prosecutor'),
          status: opt(fc.constantFrom('in_force', 'appealed', 'overturned', 'upheld', 'expired')),
          start: opt(partialDate),
          durationMonths: opt(fc.integer({ min: 0, max: 120 })),
          fine: opt(money),
        })
        .map(compact),
      appeal: opt(fc.record({ court: opt(text), filed: opt(partialDate), outcome: opt(text) }).map(compact)),
    });
    return fc.oneof(prisoner, ngo).map((c) => printShort(compact(c as Record<string, unknown>)));
  });
}

// --- hostile values --------------------------------------------------------------

/** The values a mutation puts where a valid one was. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    0,
    -1,
    -2147483648,
    1.5,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 64,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    [],
    {},
    [null],
    { id: 'x' },
  ),
  fc.constantFrom(...NASTY_STRINGS),
  fc.constant('x'.repeat(300_000)),
  fc.constant('Қ'.repeat(70_000)),
  fc.constant(new DeepNesting(3_000, false)),
  fc.constant(new DeepNesting(3_000, true)),
  fc.integer({ min: -1_000_000, max: 0 }), // negative and zero revs
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileValue }),
  fc.record({
    kind: fc.constant('addKey' as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom('colour', '__proto__', 'constructor', 'toString', '', '\u0000', 'id ', 'Title'), fc.string({ maxLength: 10 })),
    value: hostileValue,
  }),
);
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

/** Arbitrary values for a door that accepts anything (IPC delivers structured clones). */
export const anyInput = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }),
  fc.constantFrom<unknown>(undefined, null, '', 0, [], {}, { __proto__: null }),
);
