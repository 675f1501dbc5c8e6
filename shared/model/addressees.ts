// The address book of authorities an appeal is written to, per country, and which
// human-rights treaties bind each country. Shipped as assets/addressees.json and kept
// as the user's editable copy in the data folder. Pure: no node:, no DOM.
import { z } from 'zod';
import { IsoCountryCode } from './countries';
import { Id, PartialDate } from './scalars';

/**
 * The treaties a brief may cite as binding. `ICCPR-OP1` is the first Optional Protocol
 * (individual complaints to the Human Rights Committee).
 */
export const Treaty = z.enum(['ICCPR', 'ICCPR-OP1', 'CAT', 'ICESCR', 'CEDAW', 'CRC']);
export type Treaty = z.infer<typeof Treaty>;

/**
 * Only `party` binds. A signature alone (China and the ICCPR) does not, and a
 * denounced protocol (Belarus, ICCPR-OP1, from 8 February 2023) no longer does.
 */
export const TreatyStatus = z.enum(['party', 'signed', 'denounced']);

export const Ratification = z.strictObject({
  treaty: Treaty,
  status: TreatyStatus,
  /** party: ratification or accession; signed: signature; denounced: the day the denunciation took effect. */
  date: PartialDate.optional(),
  note: z.string().min(1).max(500).optional(),
});
export type Ratification = z.infer<typeof Ratification>;

/** What an urgent action usually names; `other` for anything else (a court, an investigative committee). */
export const AddresseeRole = z.enum(['head_of_state', 'prosecutor_general', 'ombudsperson', 'minister_of_justice', 'minister_of_interior', 'investigative_body', 'other']);
export type AddresseeRole = z.infer<typeof AddresseeRole>;

/** ISO 639-1, lower case: ru, kk, en, ky, uz, tg, tk, be, zh. */
export const LanguageCode = z.string().regex(/^[a-z]{2}$/, { error: 'expected an ISO 639-1 language code such as ru, kk or en' });

const Text = (max: number) => z.string().trim().min(1, { error: 'expected text, not an empty string' }).max(max);

/** Where an entry comes from: an official website, the UN Treaty Collection, an Amnesty UA sheet… Required everywhere. */
const SourceText = z.string().trim().min(8, { error: 'expected where this comes from (a website, a UA sheet, the UN treaty database), at least 8 characters' }).max(1000);

export const Salutation = z.strictObject({
  en: Text(200),
  ru: Text(200),
  /** Kazakh, expected for Kazakhstan's addressees. */
  kk: Text(200).optional(),
});

export const Addressee = z.strictObject({
  id: Id,
  role: AddresseeRole,
  /** The office, which outlives its holder: "Office of the Prosecutor General of the Russian Federation". */
  office: Text(300),
  /** The title an appeal is addressed to: "Prosecutor General of the Russian Federation". */
  title: Text(300),
  /** The present holder, only where the source names them and it is current. */
  holder: Text(200).optional(),
  /** Postal address, one line per element, as the source prints it. */
  address: z.array(Text(200)).min(1).optional(),
  email: z.array(z.email({ error: 'expected an e-mail address' })).min(1).optional(),
  webForm: z.url({ error: 'expected a web address (https://…)' }).optional(),
  website: z.url({ error: 'expected a web address (https://…)' }).optional(),
  salutation: Salutation,
  source: SourceText,
  asOf: PartialDate,
  /** What could not be confirmed and is therefore left out, or what to check before sending. */
  note: Text(1000).optional(),
});
export type Addressee = z.infer<typeof Addressee>;

export const CountryAddressees = z
  .strictObject({
    country: IsoCountryCode,
    name: z.strictObject({ en: Text(100), ru: Text(100), kk: Text(100).optional() }),
    /** Languages to write in, the preferred first. */
    writeIn: z.array(LanguageCode).min(1),
    treaties: z.array(Ratification),
    treatiesSource: SourceText,
    treatiesAsOf: PartialDate,
    addressees: z.array(Addressee),
    note: Text(1000).optional(),
  })
  .superRefine((entry, ctx) => {
    const seen = new Set<string>();
    entry.treaties.forEach((r, i) => {
      if (seen.has(r.treaty)) ctx.addIssue({ code: 'custom', path: ['treaties', i, 'treaty'], message: `${r.treaty} is listed twice; keep one line per treaty` });
      seen.add(r.treaty);
    });
    // The Optional Protocol is open only to parties to the Covenant.
    const party = (t: Treaty) => entry.treaties.some((r) => r.treaty === t && r.status === 'party');
    const op = entry.treaties.findIndex((r) => r.treaty === 'ICCPR-OP1' && r.status === 'party');
    if (op >= 0 && !party('ICCPR')) ctx.addIssue({ code: 'custom', path: ['treaties', op, 'status'], message: 'a party to ICCPR-OP1 must be a party to the ICCPR: add the ICCPR as party or correct this line' });
    if (entry.country === 'KZ') {
      entry.addressees.forEach((a, i) => {
        if (a.salutation.kk === undefined) ctx.addIssue({ code: 'custom', path: ['addressees', i, 'salutation', 'kk'], message: 'required for Kazakhstan: expected the salutation in Kazakh' });
      });
    }
  });
export type CountryAddressees = z.infer<typeof CountryAddressees>;

export const ADDRESSEES_FORMAT = 'casefile-addressees';

export const AddressBook = z
  .strictObject({
    format: z.literal(ADDRESSEES_FORMAT),
    version: z.literal(1),
    countries: z.array(CountryAddressees),
  })
  .superRefine((book, ctx) => {
    const countries = new Set<string>();
    const ids = new Set<string>();
    book.countries.forEach((c, i) => {
      if (countries.has(c.country)) ctx.addIssue({ code: 'custom', path: ['countries', i, 'country'], message: `${c.country} is listed twice; keep one entry per country` });
      countries.add(c.country);
      c.addressees.forEach((a, j) => {
        if (ids.has(a.id)) ctx.addIssue({ code: 'custom', path: ['countries', i, 'addressees', j, 'id'], message: `id ${a.id} is used twice; expected ids unique in the file` });
        ids.add(a.id);
      });
    });
  });
export type AddressBook = z.infer<typeof AddressBook>;

/** The entry for a country (ISO code, any case), or undefined when the book has none. */
export function countryEntry(book: AddressBook, country: string): CountryAddressees | undefined {
  const code = country.toUpperCase();
  return book.countries.find((c) => c.country === code);
}

/**
 * The treaties that bind the country: those it is a party to. A country the book does
 * not know binds to nothing the brief could cite, so the brief falls back to the UDHR.
 */
export function treatiesFor(entry: CountryAddressees | undefined): Treaty[] {
  return entry ? entry.treaties.filter((r) => r.status === 'party').map((r) => r.treaty) : [];
}

/** Whether an appeal may cite the ICCPR as binding on the country (China: no, it only signed). */
export function mayCiteIccpr(entry: CountryAddressees | undefined): boolean {
  return treatiesFor(entry).includes('ICCPR');
}
