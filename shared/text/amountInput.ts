// Amounts as people type them ("2,000,000", "2 000 000", "2.000.000", "1 500,50") turned
// into the number the model stores. Pure: no node:, no DOM.

/** Why a text is not an amount; the UI maps each reason to a message in the interface language. */
export type AmountInputError =
  | 'empty'
  /** Letters or symbols other than digits and separators. */
  | 'not-a-number'
  | 'negative'
  /** Separators that do not make groups of three ("2,00,0", "1.5.6", "2 000.000,5"). */
  | 'bad-grouping'
  /** Beyond the integers a number holds exactly. */
  | 'too-large';

export type AmountInputResult = { ok: true; value: number } | { ok: false; error: AmountInputError };

// Spaces people and programs group digits with: the ordinary space, NBSP (Russian Excel),
// the narrow NBSP U+202F (Intl's Russian and Kazakh grouping) and the thin space.
const SPACES = /[\s\u00a0\u202f\u2009]+/g;

function groupsOk(integer: string, sep: string | null): string | null {
  if (sep === null) return /^\d+$/.test(integer) ? integer : null;
  const groups = integer.split(sep);
  // A leading group of 1..3 digits (not a bare 0 in front of others), then groups of exactly 3.
  if (!/^[1-9]\d{0,2}$/.test(groups[0] ?? '')) return null;
  if (!groups.slice(1).every((g) => /^\d{3}$/.test(g))) return null;
  return groups.join('');
}

/** Reads an amount; returns the number to store or why not. */
export function parseAmountInput(text: string): AmountInputResult {
  const s = text.trim().replace(SPACES, ' ').replace(/’/g, "'");
  if (s === '') return { ok: false, error: 'empty' };
  if (/^[-−–]/.test(s)) return { ok: false, error: 'negative' };
  if (/[^0-9 ,.']/.test(s)) return { ok: false, error: 'not-a-number' };
  if (!/^\d/.test(s) || !/\d$/.test(s)) return { ok: false, error: 'bad-grouping' };

  const kinds = [' ', "'", ',', '.'].filter((c) => s.includes(c));
  let decimal: string | null = null;
  let group: string | null = null;
  if (kinds.length > 2) return { ok: false, error: 'bad-grouping' };
  const [first, second] = kinds;
  if (first !== undefined && second !== undefined) {
    // "1,500.50" / "1 500,50": the later separator is the decimal one, and only , or . may be.
    const last = s.lastIndexOf(first) > s.lastIndexOf(second) ? first : second;
    const other = last === first ? second : first;
    if ((last !== ',' && last !== '.') || s.indexOf(last) !== s.lastIndexOf(last)) return { ok: false, error: 'bad-grouping' };
    decimal = last;
    group = other;
  } else if (first !== undefined) {
    const sep = first;
    const count = s.split(sep).length - 1;
    const after = s.slice(s.lastIndexOf(sep) + 1);
    if (sep === ' ' || sep === "'" || count > 1) group = sep;
    // One , or . followed by exactly three digits is a thousands separator, not a decimal
    // point: amounts in tenge are whole, and "2,000" / "2.000" mean two thousand both in
    // English and in Russian writing. "0,125" cannot be thousands, so it stays a fraction.
    else if (after.length === 3 && !s.startsWith('0')) group = sep;
    else decimal = sep;
  }

  const [integerText, fraction] = decimal === null ? [s, undefined] : [s.slice(0, s.indexOf(decimal)), s.slice(s.indexOf(decimal) + 1)];
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return { ok: false, error: 'bad-grouping' };
  const integer = groupsOk(integerText, group);
  if (integer === null || integer === '') return { ok: false, error: 'bad-grouping' };
  const value = Number(fraction === undefined ? integer : `${integer}.${fraction}`);
  if (!Number.isFinite(value) || Number(integer) > Number.MAX_SAFE_INTEGER) return { ok: false, error: 'too-large' };
  return { ok: true, value };
}

/**
 * An amount written for an input so that it parses back to the same number: the language's
 * grouping from `format`, with a trailing 0 added to a fraction of exactly three digits
 * ("1,125" would read as 1125 under the thousands rule above; "1,1250" cannot).
 */
export function amountText(value: number, format: (n: number) => string): string {
  const text = format(value);
  const back = parseAmountInput(text);
  if (back.ok && back.value === value) return text;
  const padded = `${text}0`;
  const again = parseAmountInput(padded);
  if (again.ok && again.value === value) return padded;
  return String(value);
}
