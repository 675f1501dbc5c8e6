import { z } from 'zod';
import { isPartialDate } from '../text/partialDate';

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'expected an id of 1 to 64 characters from A-Z, a-z, 0-9, _ and -' });
export type Id = z.infer<typeof Id>;

export const PartialDate = z
  .string({ error: 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD' })
  .refine(isPartialDate, { error: 'expected YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)' });
export type PartialDate = z.infer<typeof PartialDate>;

export const DateTime = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with offset, e.g. 2026-11-22T10:00:00.000Z' });
export type DateTime = z.infer<typeof DateTime>;

export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 currency code such as KZT or USD' });

export const CountryCode = z.string().regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 country code such as KZ' });

export const Money = z.strictObject({
  amount: z.number().finite().nonnegative(),
  currency: CurrencyCode,
  usdApprox: z.number().finite().nonnegative().optional(),
});
export type Money = z.infer<typeof Money>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a sha256 as 64 lowercase hex digits' });

/** Non-empty text, trimmed of nothing: what the user typed is kept as typed. */
export const Text = z.string().min(1, { error: 'expected non-empty text' });
