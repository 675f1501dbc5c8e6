import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ENUM_LABELS } from '../../../shared/labels/enumLabels';

// The locale files as the renderer loads them (renderer/i18n/index.ts merges `<lang>.json` and every
// `<lang>.<part>.json`), checked for what a Kazakh- or Russian-speaking lawyer would trip over:
// a key left in English, an English acronym, a wrong term, a sentence glued from translated words.

const ROOT = join(__dirname, '..', '..', '..');
const LOCALES = join(ROOT, 'renderer', 'i18n', 'locales');
const LANGS = ['en', 'ru', 'kk'] as const;
type Lang = (typeof LANGS)[number];

type Flat = Map<string, string>;

function flatten(value: unknown, prefix: string, out: Flat, file: string): void {
  if (typeof value === 'string') {
    if (out.has(prefix)) throw new Error(`${file}: key ${prefix} is defined twice across the ${file.split('.')[0]} files`);
    out.set(prefix, value);
    return;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out, file);
  }
}

function load(lang: Lang): Flat {
  const out: Flat = new Map();
  for (const file of readdirSync(LOCALES).filter((f) => f === `${lang}.json` || (f.startsWith(`${lang}.`) && f.endsWith('.json')))) {
    flatten(JSON.parse(readFileSync(join(LOCALES, file), 'utf8')), '', out, file);
  }
  // The enum words the briefs print too: the renderer merges them in (renderer/i18n/sharedLabels.ts).
  flatten({ enums: ENUM_LABELS[lang] }, '', out, 'shared/labels/enumLabels.ts');
  return out;
}

const texts: Record<Lang, Flat> = { en: load('en'), ru: load('ru'), kk: load('kk') };

// i18next picks `key_<category>` by Intl.PluralRules when a count is given, then falls back to `key`.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string) => key.replace(PLURAL, '');

describe('locale completeness', () => {
  it('finds the locale files', () => {
    expect(texts.en.size).toBeGreaterThan(500);
  });

  for (const lang of ['ru', 'kk'] as const) {
    it(`has every English key in ${lang}, with the plural forms ${lang} needs`, () => {
      const keys = texts[lang];
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      const missing: string[] = [];
      const enBases = new Set([...texts.en.keys()].map(base));
      for (const key of enBases) {
        const plural = texts.en.has(`${key}_other`);
        if (!plural) {
          if (!keys.has(key)) missing.push(key);
          continue;
        }
        // A language without number agreement (Kazakh: «5 күн») may keep one form under the bare key.
        if (keys.has(key)) continue;
        for (const c of categories) if (!keys.has(`${key}_${c}`)) missing.push(`${key}_${c}`);
      }
      expect(missing, `keys missing in ${lang}`).toEqual([]);
      const stray = [...keys.keys()].filter((k) => !enBases.has(base(k)));
      expect(stray, `keys in ${lang} that English does not have`).toEqual([]);
    });
  }

  it('keeps the same {{placeholders}} in every language', () => {
    const names = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    const wrong: string[] = [];
    for (const lang of ['ru', 'kk'] as const) {
      for (const [key, value] of texts[lang]) {
        const en = texts.en.get(key) ?? texts.en.get(`${base(key)}_other`) ?? texts.en.get(base(key));
        if (en === undefined) continue;
        const a = new Set(names(en));
        const b = new Set(names(value));
        for (const n of a) if (!b.has(n) && n !== 'count') wrong.push(`${lang} ${key}: lacks {{${n}}}`);
        for (const n of b) if (!a.has(n)) wrong.push(`${lang} ${key}: has {{${n}}} that English does not`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

// Latin capitals a Russian or Kazakh text may carry: names of file formats, standards and products a
// user types or sees on the screen as they are (a translation would not be recognised), sample
// values the user copies (country and currency codes, a network's own case numbers "UA 12/26"), and
// the English stamp CONFIDENTIAL that a Russian or Kazakh brief prints beside its own word. Not UN
// or NGO acronyms: those are spelled out (docs/brief-glossary.md, renderer/i18n/glossary.md).
const ALLOWED_LATIN = new Set([
  'PDF', 'DOCX', 'CSV', 'JSON', 'TXT', 'PNG', 'URL', 'ID', 'SHA', 'USB', 'ISO', 'UTF',
  'KZ', 'KG', 'UZ', 'TJ', 'TM', 'RU', 'KZT', 'USD', 'EUR', 'UA',
  'RESTORE', 'CONFIDENTIAL', 'OK', 'Ctrl', 'Shift', 'Alt', 'Esc', 'Enter', 'Tab',
  'API', // Syncthing's own screens say «Ключ API» / «API кілті»: the user must find the same words there
]);

function latinAcronyms(value: string): string[] {
  const text = value
    .replace(/\{\{[^}]*\}\}/g, ' ') // placeholders are code, not text
    .replace(/\b[\w.-]+\.(json|txt|pdf|docx|csv|zip)\b/gi, ' '); // file names the program writes
  return [...text.matchAll(/\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b|\b[A-Z]{2,}\b/g)].map((m) => m[0]).filter((w) => !ALLOWED_LATIN.has(w));
}

describe('Russian and Kazakh terminology', () => {
  it('has no English acronym (WGAD, ICCPR, UN, NGO…) in ru or kk text', () => {
    const found: string[] = [];
    for (const lang of ['ru', 'kk'] as const) {
      for (const [key, value] of texts[lang]) for (const w of latinAcronyms(value)) found.push(`${lang} ${key}: ${w} in «${value}»`);
    }
    expect(found).toEqual([]);
  });

  it('the acronym check does catch what it is for', () => {
    expect(latinAcronyms('Сообщение в WGAD по ICCPR 19')).toEqual(['WGAD', 'ICCPR']);
    expect(latinAcronyms('Файл vault.json, формат PDF, {{n}} шт.')).toEqual([]);
  });

  it('never calls arbitrary detention "voluntary" (ерікті) in Kazakh', () => {
    const found = [...texts.kk].filter(([, v]) => /ерікті(?! емес)/i.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(found).toEqual([]);
  });

  it('names the Working Group in full, never by a Russian or Latin acronym', () => {
    const found = [...texts.ru, ...texts.kk].filter(([, v]) => /РГПЗ|WGAD/.test(v)).map(([k]) => k);
    expect(found).toEqual([]);
  });

  it('uses the legal terms the issue asked for, not the ones it found wrong', () => {
    // [language, wrong wording, why, only where the English says…]
    const bad: [Lang, RegExp, string, RegExp?][] = [
      ['ru', /^Признание\b/, '«Признание» reads as "confession" in a criminal file'],
      ['ru', /^Содержание:/, '«Содержание:» reads as "Contents"'],
      ['ru', /^Экспорт всех$/, 'a verb with its object: «Экспортировать все дела»'],
      ['ru', /\bдн\./, 'days in running text are a plural, not «дн.»'],
      ['ru', /не записан/, '«не указано»'],
      ['kk', /басталу|басталад/i, '"due" is «мерзімі жетеді», not "begins"', /\bdue\b/i],
      ['kk', /дейін болатын/, 'ungrammatical overdue sentence'],
      ['kk', /[Аа]двокаци/, '«Құқық қорғау іс-әрекеттері» beside «Адвокат»'],
      ['ru', /[Аа]двокаци/, '«Правозащитные действия» beside «Адвокат»'],
      ['kk', /^Өткен күн$/, 'column name'],
    ];
    const found: string[] = [];
    for (const [lang, re, why, en] of bad) {
      for (const [k, v] of texts[lang]) if (re.test(v) && (!en || en.test(texts.en.get(k) ?? ''))) found.push(`${lang} ${k}: «${v}» — ${why}`);
    }
    expect(found).toEqual([]);
  });
});

// Sentences glued from translated words read wrong in Russian and Kazakh (case endings, word order):
// «+ Добавить: Штраф». Each is one whole key per sentence instead.
describe('no sentence built by concatenating translations', () => {
  it('has no value that is a word and a colon waiting for another translated word', () => {
    // "Add {{label}}" / «Добавить: {{label}}» where label is a translated noun
    const found = [...texts.en, ...texts.ru, ...texts.kk].filter(([, v]) => /^[^{}]{1,20}:?\s*\{\{label\}\}$/.test(v) || /^\{\{label\}\} \S+$/.test(v)).map(([k, v]) => `${k}: ${v}`);
    expect(found).toEqual([]);
    expect(texts.ru.get('money.add')).toBeUndefined();
  });

  function rendererSources(dir: string, out: string[] = []): string[] {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) rendererSources(p, out);
      else if (/\.tsx?$/.test(name)) out.push(p);
    }
    return out;
  }

  // The project's TypeScript (7, the native compiler) has no JavaScript API, so the three shapes are
  // found by pattern, line by line; a t() call's arguments do not nest parentheses more than once.
  const CALL = String.raw`\bt\((?:[^()]|\([^()]*\))*\)`;
  const SHAPES: [string, RegExp][] = [
    // t('a') + t('b'), t('a') + ' word', name + t('a')
    ['t() joined with +', new RegExp(`${CALL}\\s*\\+(?!\\+)|[^+]\\+\\s*${CALL}`)],
    // `${t('a')} ${t('b')}`
    ['two t() in one template', /`[^`]*\$\{t\([^`]*\$\{t\([^`]*`/],
    // `${t('a')} word` or `word ${t('a')}`: letters in the template's own text beside a translation
    ['t() and words in one template', { test: (line: string) => /\$\{t\(/.test(line) && /\p{L}/u.test(templateText(line)) } as RegExp],
    // t('add', { label: t('fine') }): a translated word interpolated into another translation
    ['t() inside t() options', /\bt\(\s*['"`][^'"`]+['"`]\s*,\s*\{[^{}]*\b\w+\s*:\s*t\(/],
  ];

  /** The literal text of a line's templates, every ${…} (and any {…} inside one) taken out, innermost first. */
  function templateText(line: string): string {
    let rest = line;
    for (let prev = ''; prev !== rest; ) {
      prev = rest;
      rest = rest.replace(/\$?\{[^{}]*\}/g, '');
    }
    return [...rest.matchAll(/`([^`]*)`/g)].map((m) => m[1]).join(' ');
  }

  function glue(file: string, text = readFileSync(file, 'utf8')): string[] {
    const found: string[] = [];
    text.split('\n').forEach((line, i) => {
      const shape = SHAPES.find(([, re]) => re.test(line));
      if (shape) found.push(`${relative(ROOT, file)}:${i + 1} ${shape[0]}: ${line.trim()}`);
    });
    return found;
  }

  it('the glue detector sees the three shapes', () => {
    const probe = [
      "const a = t('money.add') + ': ' + name;",
      "const b = `${t('section.person')} ${t('section.lawyer')}`;",
      "const c = t('money.add', { label: t('field.fine') });",
      "const fine = t('money.add', { label: name, count: n }) ;",
      "const ok = `${t('section.person')}: ${name}`;",
      "const d = `${t('section.person')} word`;",
    ].join('\n');
    expect(glue(join(ROOT, 'probe.tsx'), probe).map((f) => f.split(' ')[0])).toEqual(['probe.tsx:1', 'probe.tsx:2', 'probe.tsx:3', 'probe.tsx:6']);
  });

  it('no renderer source glues a translated word to another', () => {
    const found = rendererSources(join(ROOT, 'renderer')).flatMap((f) => glue(f));
    expect(found).toEqual([]);
  });
});

// renderer/i18n/glossary.md fixes the interface's own words; a row that names locale keys is a promise
// that those keys say the term, so a later edit of a locale file cannot drift from the glossary silently.
describe('the interface glossary', () => {
  const rows = readFileSync(join(ROOT, 'renderer', 'i18n', 'glossary.md'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| en ') && !l.startsWith('| ---'))
    .map((l) => l.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim()));

  it('has rows, each with en, ru, kk, keys and a source', () => {
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r, r.join(' | ')).toHaveLength(5);
  });

  it('is followed by the locale files', () => {
    const drift: string[] = [];
    for (const [en = '', ru = '', kk = '', keys = ''] of rows) {
      for (const key of [...keys.matchAll(/`([\w.]+)`/g)].map((m) => m[1] ?? '')) {
        if (!texts.en.has(key)) drift.push(`${key} (for "${en}") is not a locale key`);
        for (const [lang, term] of [['ru', ru], ['kk', kk]] as const) {
          const value = texts[lang].get(key)?.replace(/\{\{\w+\}\}/g, '…'); // the glossary writes a placeholder as …
          if (!value?.toLocaleLowerCase(lang).includes(term.toLocaleLowerCase(lang))) drift.push(`${lang} ${key}: «${value}» does not say «${term}»`);
        }
      }
    }
    expect(drift).toEqual([]);
  });
});

describe('day counts in running text', () => {
  const nested = (flat: Flat) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of flat) {
      const parts = key.split('.');
      let at = out;
      for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>;
      at[parts[parts.length - 1] ?? ''] = value;
    }
    return out;
  };
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: Object.fromEntries(LANGS.map((l) => [l, { translation: nested(texts[l]) }])),
    lng: 'ru',
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const say = (lng: Lang, key: string, n: number) => i18n.t(key, { lng, count: n, days: new Intl.NumberFormat('ru').format(n) });

  it('agrees the Russian noun with the number, as the renderer calls it', () => {
    expect(say('ru', 'case.daysSince', 2897)).toBe('2\u00a0897 дней назад');
    expect(say('ru', 'case.daysSince', 21)).toBe('21 день назад');
    expect(say('ru', 'case.daysSince', 3)).toBe('3 дня назад');
    expect(say('ru', 'agenda.inDays', 11)).toBe('Через 11 дней');
    expect(say('ru', 'agenda.facts.daysInDay', 2).startsWith('2 дня под стражей')).toBe(true);
  });

  it('keeps one form in Kazakh and the singular in English', () => {
    expect(say('kk', 'case.daysSince', 21)).toBe('21 күн бұрын');
    expect(say('en', 'agenda.inDays', 1)).toBe('In 1 day');
    expect(say('en', 'agenda.inDays', 5)).toBe('In 5 days');
  });
});
