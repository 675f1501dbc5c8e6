import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefLang, BriefTemplate } from '../../../shared/model/brief';
import { renderBrief } from '../../../electron/services/briefs';
import { caseInLanguage, nameInScript } from '../../../electron/services/briefs/caseLanguage';
import { countryName, formatPartialDate, formatTerm } from '../../../electron/services/briefs/format';
import { allLabelStrings, LABELS } from '../../../electron/services/briefs/labels';
import { GENERATED_AT, makeCase } from './fixtures';
import { KK_SUMMARY, NAME, RU_SUMMARY, kazakhArrestCase } from './languagesFixtures';
import { outPath, pdftotext, pdftotextPages, squash } from './pdfTools';
import { wgadLabels } from '../../../electron/services/briefs/labels/wgad';

// The brief's languages: Kazakh and Russian labels, dates, terms and names, read back
// from the rendered PDF, and the tables themselves checked against English.

describe('nameInScript', () => {
  const aliases = [NAME.russian, NAME.kazakh];

  it('prints a Latin name in the brief’s script when an alias has it', () => {
    expect(nameInScript(NAME.latin, aliases, 'kk')).toBe(NAME.kazakh);
    expect(nameInScript(NAME.latin, aliases, 'ru')).toBe(NAME.russian);
    expect(nameInScript(NAME.latin, aliases, 'en')).toBe(NAME.latin);
  });

  it('prefers the Kazakh spelling to a Russian one in a Kazakh brief, and keeps a Cyrillic name as written in a Russian one', () => {
    expect(nameInScript(NAME.russian, [NAME.latin, NAME.kazakh], 'kk')).toBe(NAME.kazakh);
    expect(nameInScript(NAME.russian, [NAME.latin, NAME.kazakh], 'ru')).toBe(NAME.russian);
    expect(nameInScript(NAME.kazakh, [NAME.latin, NAME.russian], 'ru')).toBe(NAME.kazakh);
    expect(nameInScript(NAME.russian, [NAME.latin, NAME.kazakh], 'en')).toBe(NAME.latin);
  });

  it('falls back to a Russian spelling in Kazakh, and to the name as written when no alias is in the script', () => {
    expect(nameInScript(NAME.latin, [NAME.russian], 'kk')).toBe(NAME.russian);
    expect(nameInScript(NAME.latin, [], 'kk')).toBe(NAME.latin);
    expect(nameInScript(NAME.kazakh, [], 'en')).toBe(NAME.kazakh);
  });
});

describe('caseInLanguage', () => {
  it('swaps the name for the brief’s script and keeps the recorded spelling among the aliases, once each', () => {
    const c = kazakhArrestCase();
    const kk = caseInLanguage(c, 'kk');
    if (kk.kind !== 'political_prisoner') throw new Error('prisoner expected');
    expect(kk.person.name).toBe(NAME.kazakh);
    expect(kk.person.aliases).toEqual([NAME.latin, NAME.russian]);
    expect(kk.summary).toBe(KK_SUMMARY); // no Kazakh summary given: the case's own
    const ru = caseInLanguage(c, 'ru');
    if (ru.kind !== 'political_prisoner') throw new Error('prisoner expected');
    expect(ru.person.name).toBe(NAME.russian);
    expect(ru.person.aliases).toEqual([NAME.latin, NAME.kazakh]);
    expect(ru.summary).toBe(RU_SUMMARY);
    // The stored case is not touched.
    expect(c.kind === 'political_prisoner' && c.person.name).toBe(NAME.latin);
  });

  it('names an organisation in the brief’s script too', () => {
    const ngo = makeCase({
      kind: 'ngo_suspension',
      title: 'Қоғамдық қор',
      organization: { name: 'Public Foundation Erkindik', aliases: ['Еркіндік қоғамдық қоры'] },
      measure: { type: 'suspension', authority: 'Әділет министрлігі' },
    });
    const kk = caseInLanguage(ngo, 'kk');
    expect(kk.kind === 'ngo_suspension' && [kk.organization.name, ...kk.organization.aliases]).toEqual(['Еркіндік қоғамдық қоры', 'Public Foundation Erkindik']);
  });
});

describe('dates and terms in each language', () => {
  it('writes Kazakh dates year first with Kazakh month names, Russian with the month declined after a day', () => {
    const cases: [string, string, string, string][] = [
      ['2021-02-16', '16 February 2021', '16 февраля 2021', '2021 жылғы 16 ақпан'],
      ['2019-03', 'March 2019', 'март 2019', '2019 жылғы наурыз'],
      ['2024-12-01', '1 December 2024', '1 декабря 2024', '2024 жылғы 1 желтоқсан'],
      ['1985', '1985', '1985', '1985'],
    ];
    for (const [value, en, ru, kk] of cases) {
      expect([formatPartialDate(value, LABELS.en), formatPartialDate(value, LABELS.ru), formatPartialDate(value, LABELS.kk)]).toEqual([en, ru, kk]);
    }
  });

  it('counts administrative arrest in сутки / тәулік and other terms in days, with each language’s number forms', () => {
    const arrest = (days: number, lang: BriefLang) => formatTerm({ days }, LABELS[lang], 'administrative_arrest');
    expect([arrest(10, 'en'), arrest(10, 'ru'), arrest(10, 'kk')]).toEqual(['10 days', '10 суток', '10 тәулік']);
    expect([arrest(1, 'ru'), arrest(21, 'ru'), arrest(3, 'ru')]).toEqual(['1 сутки', '21 сутки', '3 суток']);
    expect(formatTerm({ days: 10 }, LABELS.ru, 'restricted_freedom')).toBe('10 дней');
    expect(formatTerm({ days: 10 }, LABELS.kk)).toBe('10 күн');
    const prison = { years: 7, months: 4 };
    expect([formatTerm(prison, LABELS.en, 'prison'), formatTerm(prison, LABELS.ru, 'prison'), formatTerm(prison, LABELS.kk, 'prison')])
      .toEqual(['7 years 4 months', '7 лет 4 месяца', '7 жыл 4 ай']);
    expect(formatTerm({ months: 13 }, LABELS.kk)).toBe('1 жыл 1 ай');
  });

  it('names a country to write to in the genitive a title needs, from the table or the runtime’s own Kazakh and Russian names', () => {
    expect(`${countryName('KZ', LABELS.kk)} Бас прокуроры`).toBe('Қазақстан Республикасының Бас прокуроры');
    expect(`Генеральному прокурору ${countryName('KZ', LABELS.ru)}`).toBe('Генеральному прокурору Республики Казахстан');
    // Outside the table: the ICU name, in a form that needs no declension.
    expect(countryName('GE', LABELS.kk)).toMatch(/^\p{Script=Cyrillic}[\p{L} -]* мемлекетінің$/u);
    expect(countryName(undefined, LABELS.kk)).toBe('тиісті мемлекеттің');
  });
});

/** Every string a table yields, by its path; functions are called with sample arguments. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (v: unknown, p: string): void => {
    if (typeof v === 'string') out.set(p, v);
    else if (typeof v === 'function') visit((v as (...a: unknown[]) => unknown)(2, 3, 4), `${p}()`);
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${p}[${i}]`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, p ? `${p}.${k}` : k);
  };
  visit(value, path);
  return out;
}

/** Labels that are rightly the same in every language: symbols, the hash's name, the Roman-numbered WGAD sections' numbers. */
const SAME_IN_EVERY_LANGUAGE = new Set(['sha256']);
/** Latin words a Kazakh or Russian brief may print: an algorithm, a currency code, the tool's name (internal briefs only), Roman numerals. */
const LATIN_ALLOWED = /^(SHA|USD|Casefile|[IVX]+)$/;

describe('the label tables', () => {
  const en = leaves(LABELS.en);

  it.each(['ru', 'kk'] as const)('translates every English word in %s (only symbols and names of standards are shared)', (lang) => {
    const table = leaves(LABELS[lang]);
    expect([...table.keys()].sort()).toEqual([...en.keys()].sort());
    const same = [...en].filter(([path, text]) => /\p{L}{2}/u.test(text) && table.get(path) === text && !SAME_IN_EVERY_LANGUAGE.has(path)).map(([p]) => p);
    expect(same).toEqual([]);
  });

  it.each(['ru', 'kk'] as const)('prints no English word or acronym in %s', (lang) => {
    // The locale tag is not printed; "{page}" and "{total}" are placeholders the layout fills in.
    const printed = [...leaves(LABELS[lang])].filter(([path]) => path !== 'locale').map(([path, text]) => [path, text.replace(/\{(page|total)\}/g, '')] as const);
    const latin = printed.flatMap(([path, text]) =>
      (text.match(/\p{Script=Latin}+/gu) ?? []).filter((w) => !LATIN_ALLOWED.test(w)).map((w) => `${path}: ${w}`),
    );
    expect(latin).toEqual([]);
  });

  it('never calls arbitrary detention «ерікті» ("voluntary") in Kazakh and names the Working Group as the UN does', () => {
    const kk = [...leaves(LABELS.kk).values()];
    expect(kk.filter((t) => /ерікті/iu.test(t))).toEqual([]);
    expect(LABELS.kk.templateTitle.wgad).toContain('Еркін бостандықтан айыру жөніндегі жұмыс тобы');
    expect(LABELS.ru.templateTitle.wgad).toContain('Рабочую группу ООН по произвольным задержаниям');
    expect(LABELS.kk.templateTitle.ngo).toContain('Бейбіт жиналыстар бостандығы және бірлестіктер бостандығы құқығы жөніндегі арнайы баяндамашы');
    expect(LABELS.ru.templateTitle.ngo).toContain('Специальному докладчику ООН по вопросу о праве на свободу мирных собраний и свободу ассоциации');
  });

  it('writes Russian without clipped abbreviations or words that read as something else', () => {
    const ru = [...leaves(LABELS.ru)].map(([path, text]) => `${path}: ${text}`);
    // «дн.», «эл. почта», «УДО», «РГПЗ»: a reader outside the team has to guess them; «Признание» reads as "confession".
    expect(ru.filter((t) => /(?<!\p{L})(дн|эл|мес)\.|(?<!\p{L})(УДО|РГПЗ)(?!\p{L})|Признание/u.test(t))).toEqual([]);
    expect(LABELS.ru.field.detention).not.toBe('Содержание'); // reads as "Contents"
  });

  it('gives the redaction proof every table’s words, and a part’s own table when one is appended', () => {
    const all = allLabelStrings();
    for (const s of [LABELS.kk.templateTitle.wgad, LABELS.ru.wgad.s6, LABELS.kk.facts.stage.early_release]) expect(all).toContain(s);
    const part = { en: { x: 'Part heading' }, ru: { x: 'Заголовок части' }, kk: { x: 'Бөлім тақырыбы' } };
    expect(allLabelStrings([part])).toEqual(expect.arrayContaining(['Part heading', 'Заголовок части', 'Бөлім тақырыбы']));
  });
});

type Rendered = { flat: string; pages: string[] };

async function render(template: BriefTemplate, lang: BriefLang): Promise<Rendered> {
  const file = outPath(`languages-${template}-${lang}.pdf`);
  await renderBrief([kazakhArrestCase()], file, { template, lang, mode: 'submission', generatedAt: GENERATED_AT });
  return { flat: squash(pdftotext(file)), pages: pdftotextPages(file).map(squash) };
}

/** English label strings with a word in them, to prove none reached a Kazakh or Russian brief. */
const ENGLISH_LABELS = [...leaves(LABELS.en).entries()]
  .filter(([path, text]) => !path.endsWith('()') && /\p{Script=Latin}{3}/u.test(text) && !SAME_IN_EVERY_LANGUAGE.has(path) && !/^(locale|quote)/.test(path))
  .map(([, text]) => text);

describe.each(['case', 'wgad'] as const)('the %s brief in Kazakh and Russian', (template) => {
  const out: Partial<Record<BriefLang, Rendered>> = {};
  beforeAll(async () => {
    out.kk = await render(template, 'kk');
    out.ru = await render(template, 'ru');
  });

  it('prints Kazakh labels, Kazakh dates, the term in тәулік and the name in Kazakh Cyrillic', () => {
    const { flat, pages } = out.kk!;
    const l = LABELS.kk;
    const headings = template === 'wgad' ? [l.wgad.s1, l.wgad.s2, l.wgad.s3, l.wgad.s4, l.wgad.s5, l.wgad.s6] : [l.section.keyFacts, l.section.requests, l.facts.decisions];
    // The WGAD template names the person by its own questionnaire label (no family name recorded: the full name).
    const nameRow = `${template === 'wgad' ? wgadLabels.kk.fullName : l.field.name} ${NAME.kazakh}`;
    for (const s of [l.templateTitle[template], ...headings, nameRow, '2021 жылғы 16 ақпан', 'Әкімшілік қамаққа алу, 10 тәулік', KK_SUMMARY]) {
      expect(flat).toContain(s);
    }
    pages.forEach((page, i) => expect(page).toContain(`${pages.length} беттің ${i + 1}-беті`));
  });

  it('prints nothing English and never «Ерікті» in Kazakh', () => {
    const { flat } = out.kk!;
    expect(flat).not.toMatch(/ерікті/iu);
    expect(flat).not.toMatch(/WGAD|ICCPR|\bUN\b/);
    expect(ENGLISH_LABELS.filter((s) => flat.includes(s))).toEqual([]);
    // The only Latin words are the person's recorded spelling, kept among the other names.
    const latin = new Set(flat.match(/\p{Script=Latin}+/gu) ?? []);
    expect([...latin].filter((w) => !NAME.latin.split(' ').includes(w) && !LATIN_ALLOWED.test(w))).toEqual([]);
  });

  it('prints Russian labels and dates, сутки for the arrest, the Russian spelling and the Russian summary', () => {
    const { flat } = out.ru!;
    const l = LABELS.ru;
    for (const s of [l.templateTitle[template], '16 февраля 2021', 'Административный арест, 10 суток', NAME.russian, RU_SUMMARY]) expect(flat).toContain(s);
    // The name row holds the Russian spelling (the Kazakh one is among the other names).
    expect(flat).toContain(`${template === 'wgad' ? wgadLabels.ru.fullName : l.field.name} ${NAME.russian}`);
    expect(ENGLISH_LABELS.filter((s) => flat.includes(s))).toEqual([]);
    expect(flat).not.toMatch(/WGAD|ICCPR/);
  });
});

describe.each(['urgent-action', 'multi'] as const)('the %s brief in Kazakh', (template) => {
  it('carries Kazakh labels and dates and no English word of its own', async () => {
    const { flat, pages } = await render(template, 'kk');
    expect(flat).toContain(LABELS.kk.templateTitle[template]);
    expect(flat).toContain(NAME.kazakh);
    expect(flat).toContain('2021 жылғы 16 ақпан');
    expect(flat).not.toMatch(/ерікті/iu);
    expect(ENGLISH_LABELS.filter((s) => flat.includes(s))).toEqual([]);
    const latin = new Set(flat.match(/\p{Script=Latin}+/gu) ?? []);
    expect([...latin].filter((w) => !NAME.latin.split(' ').includes(w) && !LATIN_ALLOWED.test(w))).toEqual([]);
    pages.forEach((page, i) => expect(page).toContain(`${pages.length} беттің ${i + 1}-беті`));
  });
});
