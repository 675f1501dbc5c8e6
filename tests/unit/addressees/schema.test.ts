import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, issuesFromZod } from '../../../shared/errors';
import { AddressBook, countryEntry, mayCiteIccpr, Treaty, treatiesFor } from '../../../shared/model/addressees';
import { ISO_COUNTRIES } from '../../../shared/model/countries';

// The shipped address book (assets/addressees.json), read as bytes from disk the way a
// person editing it would see it, and checked against the schema the app uses.

const SEED = path.join(__dirname, '../../../assets/addressees.json');
const raw = async (): Promise<Record<string, unknown> & { countries: Array<Record<string, unknown> & { addressees: Array<Record<string, unknown>>; treaties: Array<Record<string, unknown>> }> }> =>
  JSON.parse(await readFile(SEED, 'utf8'));

/** The faults zod finds, as the app words them: `countries[0].treaties[1].treaty: expected …`. */
function faults(input: unknown): string[] {
  const parsed = AddressBook.safeParse(input);
  return parsed.success ? [] : issuesFromZod(parsed.error).map(formatIssue);
}

describe('the shipped address book', () => {
  it('is valid, and covers the eight countries of the issue with real ISO codes', async () => {
    const book = AddressBook.parse(await raw());
    const codes = book.countries.map((c) => c.country);
    expect(codes).toEqual(expect.arrayContaining(['KZ', 'KG', 'UZ', 'TJ', 'TM', 'RU', 'BY', 'CN']));
    for (const code of codes) expect(ISO_COUNTRIES).toContain(code);
    for (const c of book.countries) expect(c.addressees.length, `${c.country} has no one to write to`).toBeGreaterThan(0);
  });

  it('says where every entry and every treaty list comes from, and as of when', async () => {
    const book = AddressBook.parse(await raw());
    for (const c of book.countries) {
      expect(c.treatiesSource.length, `${c.country}.treatiesSource`).toBeGreaterThanOrEqual(8);
      expect(c.treatiesAsOf).toMatch(/^\d{4}(-\d{2}){0,2}$/);
      for (const a of c.addressees) {
        expect(a.source.trim().length, `${a.id}.source`).toBeGreaterThanOrEqual(8);
        expect(a.asOf, `${a.id}.asOf`).toMatch(/^\d{4}(-\d{2}){0,2}$/);
        // An entry with no way to reach the office must say why.
        if (!a.address && !a.email && !a.webForm) expect(a.note, `${a.id} has no address and no note saying why`).toBeTruthy();
      }
    }
  });

  it('China: the ICCPR is signed, not ratified — an appeal cites the UDHR; there is no ombudsperson to write to', async () => {
    const cn = countryEntry(AddressBook.parse(await raw()), 'CN')!;
    expect(cn.treaties.find((t) => t.treaty === 'ICCPR')).toMatchObject({ status: 'signed', date: '1998-10-05' });
    expect(treatiesFor(cn)).not.toContain('ICCPR');
    expect(treatiesFor(cn)).not.toContain('ICCPR-OP1');
    expect(treatiesFor(cn)).toEqual(expect.arrayContaining(['CAT', 'ICESCR', 'CEDAW', 'CRC']));
    expect(mayCiteIccpr(cn)).toBe(false);
    expect(cn.addressees.map((a) => a.role)).not.toContain('ombudsperson');
  });

  it('Kazakhstan: party to the ICCPR and its first Optional Protocol; every addressee has a Kazakh salutation', async () => {
    const kz = countryEntry(AddressBook.parse(await raw()), 'kz')!;
    expect(treatiesFor(kz)).toEqual(expect.arrayContaining(['ICCPR', 'ICCPR-OP1', 'CAT', 'ICESCR', 'CEDAW', 'CRC']));
    expect(mayCiteIccpr(kz)).toBe(true);
    expect(kz.name.kk).toBe('Қазақстан');
    for (const a of kz.addressees) expect(a.salutation.kk, a.id).toMatch(/^Құрметті /);
    expect(kz.addressees.map((a) => a.role)).toEqual(expect.arrayContaining(['head_of_state', 'prosecutor_general', 'ombudsperson']));
  });

  it('Belarus: still bound by the ICCPR, no longer by its Optional Protocol (denounced from 8 February 2023)', async () => {
    const by = countryEntry(AddressBook.parse(await raw()), 'BY')!;
    expect(mayCiteIccpr(by)).toBe(true);
    expect(treatiesFor(by)).not.toContain('ICCPR-OP1');
    expect(by.treaties.find((t) => t.treaty === 'ICCPR-OP1')).toMatchObject({ status: 'denounced', date: '2023-02-08' });
  });

  it('a country the book does not know binds to nothing a brief may cite', async () => {
    const book = AddressBook.parse(await raw());
    expect(countryEntry(book, 'FR')).toBeUndefined();
    expect(treatiesFor(undefined)).toEqual([]);
    expect(mayCiteIccpr(countryEntry(book, 'FR'))).toBe(false);
  });
});

describe('the address-book schema names each fault by its path', () => {
  it('an unknown treaty, a country that does not exist, a missing source, a missing Kazakh salutation', async () => {
    const book = await raw();
    book.countries[0]!.treaties[1]!.treaty = 'ICCPR-OP2';
    book.countries[1]!.country = 'XX';
    delete book.countries[2]!.addressees[0]!.source;
    delete (book.countries[0]!.addressees[0]!.salutation as Record<string, unknown>).kk;
    const found = faults(book);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^countries\[0\]\.treaties\[1\]\.treaty: expected one of "ICCPR", "ICCPR-OP1"/),
        expect.stringMatching(/^countries\[1\]\.country: expected an ISO 3166-1 alpha-2 country code/),
        expect.stringMatching(/^countries\[2\]\.addressees\[0\]\.source: required/),
      ]),
    );
    // The Kazakh rule runs once the shapes are sound: alone, it is reported by its own path.
    const kkOnly = await raw();
    delete (kkOnly.countries[0]!.addressees[1]!.salutation as Record<string, unknown>).kk;
    expect(faults(kkOnly)).toEqual(['countries[0].addressees[1].salutation.kk: required for Kazakhstan: expected the salutation in Kazakh']);
  });

  it('the Optional Protocol without the Covenant, a treaty or a country listed twice, an id used twice, an unknown field', async () => {
    const book = await raw();
    const cn = book.countries.findIndex((c) => c.country === 'CN');
    book.countries[cn]!.treaties.push({ treaty: 'ICCPR-OP1', status: 'party' });
    const opAt = book.countries[cn]!.treaties.length - 1;
    expect(faults(book)).toEqual([`countries[${cn}].treaties[${opAt}].status: a party to ICCPR-OP1 must be a party to the ICCPR: add the ICCPR as party or correct this line`]);

    const twice = await raw();
    twice.countries[0]!.treaties.push({ treaty: 'CAT', status: 'party' });
    twice.countries.push(structuredClone(twice.countries[1]!));
    (twice.countries[3]!.addressees[0] as Record<string, unknown>).fax = '+7 000';
    const found = faults(twice);
    expect(found).toContain(`countries[0].treaties[${twice.countries[0]!.treaties.length - 1}].treaty: CAT is listed twice; keep one line per treaty`);
    expect(found).toContain('countries[3].addressees[0].fax: unknown field (not part of the case-file model)');

    const again = await raw();
    again.countries.push(structuredClone(again.countries[1]!));
    const last = again.countries.length - 1;
    expect(faults(again)).toEqual([
      `countries[${last}].country: KG is listed twice; keep one entry per country`,
      ...again.countries[1]!.addressees.map((a, j) => `countries[${last}].addressees[${j}].id: id ${String(a.id)} is used twice; expected ids unique in the file`),
    ]);
  });

  it('the enum of treaties is exactly the six a brief may cite', () => {
    expect(Treaty.options).toEqual(['ICCPR', 'ICCPR-OP1', 'CAT', 'ICESCR', 'CEDAW', 'CRC']);
  });
});
