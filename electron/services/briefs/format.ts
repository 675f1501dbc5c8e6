import type { z } from 'zod';
import type { Money, PenaltyType, Term } from '../../../shared/model';
import { parsePartialDate } from '../../../shared/text/partialDate';
import type { Labels } from './labels';

/**
 * A partial date printed with exactly the precision the source gave, in the brief's
 * language: "2019", "March 2019" / "март 2019" / "2019 жылғы наурыз", "16 February 2021" /
 * "16 февраля 2021" / "2021 жылғы 16 ақпан". A value that is not a partial date is
 * printed as written rather than guessed at.
 */
export function formatPartialDate(value: string | undefined, l: Labels): string {
  if (value === undefined || value === '') return '';
  const parts = parsePartialDate(value);
  if (!parts) return value;
  return l.date(parts.year, parts.month, parts.day);
}

/** The generation date, in the machine's own calendar day (that is the day the user saw). */
export function formatDay(date: Date, l: Labels): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return formatPartialDate(`${y}-${m}-${d}`, l);
}

export function formatNumber(n: number, l: Labels): string {
  return new Intl.NumberFormat(l.locale, { maximumFractionDigits: 2 }).format(n);
}

export function formatMoney(money: Money | undefined, l: Labels): string {
  if (!money) return '';
  const main = `${formatNumber(money.amount, l)} ${money.currency}`;
  return money.usdApprox !== undefined && money.currency !== 'USD' ? `${main} (${l.approxUsd(formatNumber(money.usdApprox, l))})` : main;
}

/**
 * A term in the court's own units: "10 days", "6 years 4 months" (months past twelve are
 * shown as years). Administrative arrest counts its days as сутки / тәулік, as the
 * Administrative Offences Code does («10 суток», «10 тәулік»).
 */
export function formatTerm(term: Term | undefined, l: Labels, penalty?: z.infer<typeof PenaltyType>): string {
  if (!term) return '';
  const months = (term.years ?? 0) * 12 + (term.months ?? 0);
  return l.duration(Math.floor(months / 12), months % 12, term.days ?? 0, penalty === 'administrative_arrest' ? 'dayNight' : 'day');
}

export function formatMonths(months: number | undefined, l: Labels): string {
  if (months === undefined) return '';
  const whole = Math.round(months);
  return l.duration(Math.floor(whole / 12), whole % 12);
}

/** A country's everyday name in the brief's language, from the ICU data the runtime ships; undefined if it has none. */
function displayName(code: string, l: Labels): string | undefined {
  try {
    const name = new Intl.DisplayNames([l.locale], { type: 'region', fallback: 'none' }).of(code);
    return name === undefined || name === code ? undefined : name;
  } catch {
    return undefined;
  }
}

/** English names that read with "the" ("the United States", "the Netherlands"). */
const WITH_THE = /^(United |Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|.* Islands$|.* Republic$)/;

/**
 * The country's formal name, as a letter addresses it ("the Republic of Kazakhstan";
 * Russian in the genitive, "Республики Казахстан"). A country outside the built-in
 * list gets its ICU name, in a form that needs no declension ("государства Грузия").
 */
export function countryName(code: string | undefined, l: Labels): string {
  if (code === undefined) return l.theState;
  const known = l.country[code];
  if (known !== undefined) return known;
  const name = displayName(code, l);
  if (name === undefined) return code;
  return l.countryOf(name, WITH_THE.test(name));
}

/** The country's short name, for facts ("Kazakhstan"). */
export function countryShort(code: string | undefined, l: Labels): string {
  if (code === undefined) return '';
  return l.countryShort[code] ?? displayName(code, l) ?? code;
}

/**
 * A place from its parts, each said once whatever the spelling ("Astana, Kazakhstan",
 * not "Astana, Kazakhstan, Astana"); parts may themselves be lists ("Almaty, Kazakhstan").
 */
export function placeText(parts: readonly (string | undefined)[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const part of parts) {
    for (const piece of (part ?? '').split(',')) {
      const text = piece.trim();
      const key = text.normalize('NFC').toLocaleLowerCase('und');
      if (text === '' || seen.has(key)) continue;
      seen.add(key);
      kept.push(text);
    }
  }
  return kept.join(', ');
}

/** Joins the non-empty pieces, each once ("Астана, Kazakhstan", not "Астана, Kazakhstan, Астана"). */
export function join(parts: readonly (string | undefined | false)[], sep = ', '): string {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return [...new Set(kept)].join(sep);
}

/** Splits plain text into paragraphs at blank lines, as the model stores them. */
export function paragraphs(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/\r?\n[ \t]*\r?\n/).map((p) => p.trim()).filter((p) => p !== '');
}

/** Cuts text at a word boundary for a compact profile; the full text stays in the case brief. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * The text's first sentences up to `max` characters, cut at a sentence boundary;
 * `cut` says whether anything was left out. A first sentence longer than `max`
 * is cut at a word boundary instead.
 */
export function firstSentences(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const sentences = text.match(/[^.!?…]+(?:[.!?…]+["»”)\]]*|$)\s*/gu) ?? [text];
  let out = '';
  for (const sentence of sentences) {
    if ((out + sentence).trimEnd().length > max) break;
    out += sentence;
  }
  return out.trim() === '' ? { text: clip(text, max), cut: true } : { text: out.trimEnd(), cut: true };
}
