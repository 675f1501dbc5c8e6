import { z } from 'zod';
import { isPartialDate } from '../text/partialDate';

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected an id of 1 to 64 characters from A-Z, a-z, 0-9, _ and -' });
export type Id = z.infer<typeof Id>;

// A case's id names its file (`cases/<id>.json`). Windows will not create a file named
// after a device, whatever its case or extension (CON.json opens the console), and
// Windows and macOS fold case, so `CaseA` and `casea` would be one file there. New case
// ids are held to both rules; ids already stored stay readable (Id alone), so a folder
// written on Linux before these rules still opens everywhere it opened before.
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i;

/** Whether a file named `<id>.json` names a Windows device (CON, PRN, AUX, NUL, COM0–9, LPT0–9). */
export const isReservedDeviceName = (id: string): boolean => DEVICE_NAME.test(id);

/** The form under which two ids are one file on Windows and macOS (ids are ASCII, so lower case is enough). */
export const foldedId = (id: string): string => id.toLowerCase();

export const RESERVED_ID_ERROR =
  'names a Windows device (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9), which no Windows disk can hold as a file name: give the case another id, or leave the id out and Casefile makes one';

/** An id for a case about to be stored: an Id that is not a Windows device name. */
export const NewCaseId = Id.refine((id) => !isReservedDeviceName(id), { error: RESERVED_ID_ERROR });

export const PartialDate = z
  .string({ error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD' })
  .refine(isPartialDate, { error: 'expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)' });
export type PartialDate = z.infer<typeof PartialDate>;

export const DateTime = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with offset, e.g. 2026-11-22T10:00:00.000Z' });
export type DateTime = z.infer<typeof DateTime>;

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 currency code such as KZT or USD' });

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 country code such as KZ' });

// Numbers as the model means them. Drafts (what every door takes in) are held to
// these bounds; the stored forms keep the looser bounds they always had, so a case
// saved before the bounds existed still opens — it must be corrected before it can be
// saved again, and the refusal names the field.

/** A sentence or a measure longer than a century is a typing slip (or an attack), not a term. */
export const MAX_MONTHS = 1200;
/** Larger than any fine in any currency (10^15 tenge is some two trillion dollars). */
export const MAX_AMOUNT = 1e15;
/** A billion saves of one case; far below 2^53, so a revision always has a successor. */
export const MAX_REV = 1_000_000_000;
/** A UTF-16 offset into a source text: no JavaScript string is longer (V8's limit, 2^29 − 24). */
export const MAX_TEXT_OFFSET = 0x1fffffe8;

export const Months = z
  .number()
  .min(0, { error: `expected a number of months from 0 to ${MAX_MONTHS.toLocaleString('en')}` })
  .max(MAX_MONTHS, { error: `expected a number of months from 0 to ${MAX_MONTHS.toLocaleString('en')} (a hundred years)` });
/** Months as stored before the bound: any finite non-negative number. */
export const StoredMonths = z.number().nonnegative();

export const Amount = z
  .number()
  .min(0, { error: 'expected an amount of 0 or more' })
  .max(MAX_AMOUNT, { error: `expected an amount of at most ${MAX_AMOUNT.toExponential()} (10^15)` });
export const StoredAmount = z.number().nonnegative();

/** A case's revision as a door may give it: a whole number from 1 to MAX_REV. */
export const Rev = z
  .int()
  .min(1, { error: 'expected a revision: a whole number from 1' })
  .max(MAX_REV, { error: `expected a revision of at most ${MAX_REV.toLocaleString('en')}` });
export const StoredRev = z.int().min(1);

const moneyOf = (amount: z.ZodNumber) => z.strictObject({ amount, currency: CurrencyCode, usdApprox: amount.optional() });
export const Money = moneyOf(Amount);
export type Money = z.infer<typeof Money>;
export const StoredMoney = moneyOf(StoredAmount);

/** Terms are bounded like months: a century at most, in whichever units they are given. */
export const MAX_TERM_YEARS = 100;
const termPart = (unit: string, max: number | undefined) => {
  const part = z.number().min(0, { error: `expected a whole number of ${unit} from 0` });
  const bounded = max === undefined ? part : part.max(max, { error: `expected at most ${max.toLocaleString('en')} ${unit} (a hundred years)` });
  return bounded.refine(Number.isSafeInteger, { error: `expected a whole number of ${unit}` });
};

const termOf = (bounded: boolean) =>
  z
    .strictObject({
      years: termPart('years', bounded ? MAX_TERM_YEARS : undefined).optional(),
      months: termPart('months', bounded ? MAX_MONTHS : undefined).optional(),
      days: termPart('days', bounded ? MAX_TERM_YEARS * 366 : undefined).optional(),
    })
    .refine((t) => t.years !== undefined || t.months !== undefined || t.days !== undefined, {
      error: 'expected a term with at least one of years, months or days',
    });

/**
 * A length of time as a court states it: "10 days", "7 years", "6 years 4 months".
 * Kept in the units given (not converted), because a brief must repeat the court's words.
 */
export const Term = termOf(true);
/** A term as stored: a migrated version-1 sentence of more than a century must still open (and be corrected). */
export const StoredTerm = termOf(false);
export type Term = z.infer<typeof Term>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a sha256 as 64 lowercase hex digits' });

/** Non-empty text, trimmed of nothing: what the user typed is kept as typed. */
export const Text = z.string().min(1, { error: 'expected non-empty text' });
