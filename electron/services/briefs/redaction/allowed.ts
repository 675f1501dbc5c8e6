import type { CaseFile } from '../../../../shared/model';
import { BriefLang } from '../../../../shared/model/brief';
import { tokenize } from '../../../../shared/text/normalize';
import { allMonthNames } from '../../../../shared/text/monthNames';
import { allLabelStrings, labelsFor } from '../labels';
import { digitRuns, stemKeys } from './words';

/**
 * Words and numbers a brief may print even when a confidential text holds them too:
 * the case's public names (the detainee who shares the lawyer's surname, the court,
 * the city), the briefs' own wording, the calendar, the bodies written to. A word of
 * a secret found here proves nothing by appearing, so it is not looked for alone
 * (the whole secret and its six-word runs still are).
 */
export type Allowed = { words: Set<string>; numbers: Set<string> };

/**
 * Capitalised words that name no one: peoples, languages, faiths, networks, and the
 * family and role words a contact or a consent is written with ("Сестра Айгерім",
 * "Counsel N.").
 */
const COMMON_PROPER = [
  'Sister', 'Brother', 'Mother', 'Father', 'Wife', 'Husband', 'Daughter', 'Lawyer', 'Counsel', 'Advocate', 'Defender', 'Phone', 'Mobile',
  'Сестра', 'Брат', 'Мать', 'Отец', 'Жена', 'Муж', 'Сын', 'Дочь', 'Адвокат', 'Защитник', 'Телефон', 'Тел',
  'Қарындасы', 'Әпкесі', 'Інісі', 'Ағасы', 'Анасы', 'Әкесі', 'Әйелі', 'Жұбайы', 'Күйеуі', 'Ұлы', 'Қызы', 'Қорғаушы',
  'Kazakh', 'Kazakhs', 'Kyrgyz', 'Uzbek', 'Uzbeks', 'Tajik', 'Tajiks', 'Turkmen', 'Russian', 'Russians', 'Uyghur', 'Uyghurs', 'Uighur',
  'Chinese', 'Belarusian', 'Ukrainian', 'Soviet', 'English', 'Muslim', 'Muslims', 'Islamic', 'Christian', 'Orthodox', 'Protestant',
  'Jehovah', 'Witnesses', 'Internet', 'Facebook', 'Telegram', 'WhatsApp', 'Instagram', 'YouTube', 'TikTok',
];

let fixed: Set<string> | undefined;

/** The briefs' labels in every language (functions called with placeholders), month and weekday names, peoples and faiths. */
function fixedWords(): Set<string> {
  if (fixed) return fixed;
  const texts: string[] = [...COMMON_PROPER];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'function') {
      try {
        visit((value as (...a: unknown[]) => unknown)('', '', ''));
      } catch {
        // A label that needs real arguments: its fixed words are not reachable this way.
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const lang of BriefLang.options) visit(labelsFor(lang));
  // Whatever else the label modules register as the briefs' own wording.
  texts.push(...allLabelStrings());
  // The month table itself: Intl's Kazakh month names are missing on some runtimes.
  texts.push(...allMonthNames());
  for (const locale of ['en', 'ru', 'kk']) {
    for (let m = 0; m < 12; m++) {
      const day = new Date(Date.UTC(2021, m, 15));
      for (const options of [{ month: 'long' }, { month: 'short' }, { day: 'numeric', month: 'long' }, { weekday: 'long' }] as const) {
        texts.push(new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(day));
      }
    }
  }
  fixed = new Set(texts.flatMap((t) => tokenize(t).flatMap(stemKeys)));
  return fixed;
}

/** Is this word (by any of its stems) one a brief may print? */
export function isAllowedWord(word: string, allowed: Allowed | undefined): boolean {
  const keys = stemKeys(word);
  const common = fixedWords();
  return keys.some((k) => common.has(k) || allowed?.words.has(k) === true);
}

export function isAllowedNumber(digits: string, allowed: Allowed | undefined): boolean {
  if (!allowed) return false;
  for (const n of allowed.numbers) if (n.includes(digits)) return true;
  return false;
}

const regionNames = new Map<string, string[]>();
const displayers = ['en', 'ru', 'kk'].flatMap((locale) => {
  try {
    return [new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })];
  } catch {
    return [];
  }
});

/** A country's name in the brief languages ("Kazakhstan", "Казахстан", "Қазақстан"). */
function countryNames(code: string): string[] {
  let names = regionNames.get(code);
  if (!names) {
    names = displayers.flatMap((d) => {
      try {
        return [d.of(code) ?? ''];
      } catch {
        return [];
      }
    });
    regionNames.set(code, names);
  }
  return names;
}

/**
 * The fields of a case's view (as the brief's mode shows it) that name someone or
 * something publicly. Free texts — the summary, event titles and descriptions, notes,
 * quotes — are left out on purpose: that is where a confidential name gets restated.
 */
function identityTexts(c: CaseFile): string[] {
  const t: (string | undefined)[] = [c.title, c.region, ...(c.country ? countryNames(c.country) : [])];
  for (const s of c.sources) t.push(s.publisher);
  for (const a of c.advocacy) t.push(a.target);
  for (const r of c.requests) t.push(r.addressee);
  t.push(...c.analysis.rightsViolated);
  if (c.kind === 'political_prisoner') {
    const p = c.person;
    t.push(p.name, p.familyName, p.givenNames, ...p.aliases, p.occupation, p.affiliation, p.contact, p.address);
    t.push(p.idDocument?.type, p.idDocument?.number, p.idDocument?.issuedBy, c.lawyer, c.consent?.by);
    for (const n of p.nationality) t.push(...countryNames(n));
    t.push(c.arrest?.place, c.arrest?.by, c.arrest?.warrantIssuedBy, c.detention.place, c.detention.heldBy);
    for (const ch of c.charges) t.push(ch.code, ch.article);
    for (const d of c.decisions) t.push(d.body);
    for (const r of c.recognitions) t.push(r.by);
  } else {
    const o = c.organization;
    t.push(o.name, ...o.aliases, o.legalForm, o.registrationNumber, o.focus, o.city, c.measure.authority, c.appeal?.court);
  }
  return t.filter((s): s is string => s !== undefined && s.trim() !== '');
}

/** What may print, from the views of the brief's cases and any other text it prints (the address book, the organisation's name). */
export function allowedIn(views: readonly CaseFile[], others: readonly string[] = []): Allowed {
  const words = new Set<string>();
  const numbers = new Set<string>();
  const take = (text: string) => {
    for (const w of tokenize(text)) for (const k of stemKeys(w)) words.add(k);
    for (const n of digitRuns(text)) numbers.add(n);
  };
  for (const v of views) identityTexts(v).forEach(take);
  others.forEach(take);
  return { words, numbers };
}

/** Every string inside a value (the address book, a profile): what it can put into a brief. */
export function stringsOf(value: unknown): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(value);
  return out;
}
