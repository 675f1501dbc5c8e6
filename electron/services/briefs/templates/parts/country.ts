import { countryEntry, mayCiteIccpr, type CountryAddressees } from '../../../../../shared/model/addressees';
import type { CaseFile } from '../../../../../shared/model';
import { countryName, countryShort } from '../../format';
import { KK_COUNTRY } from '../../labels/urgentAction';
import type { Ctx } from '../../sections';

// A country as an appeal names it, in the brief's language: its short name in facts and
// headlines, the form a phrase "of <country>" takes, and the address book's entry for it.

/** "Kazakhstan", "Казахстан", "Қазақстан"; '' when the case records no country. */
export function shortCountry(code: string | undefined, ctx: Pick<Ctx, 'l' | 'lang'>): string {
  if (code === undefined) return '';
  if (ctx.lang === 'kk') return KK_COUNTRY[code]?.short ?? countryShort(code, ctx.l);
  return countryShort(code, ctx.l);
}

/** After "of": "the Republic of Kazakhstan", «Республики Казахстан», «Қазақстан Республикасының». */
export function countryOf(code: string | undefined, ctx: Pick<Ctx, 'l' | 'lang'>): string {
  if (ctx.lang === 'kk') {
    if (code === undefined) return 'тиісті мемлекеттің';
    return KK_COUNTRY[code]?.genitive ?? `${shortCountry(code, ctx)} мемлекетінің`;
  }
  return countryName(code, ctx.l);
}

/** The address book's entry for the case's country, if the book and the country are known. */
export function bookEntry(c: CaseFile, ctx: Pick<Ctx, 'addressBook'>): CountryAddressees | undefined {
  return ctx.addressBook && c.country ? countryEntry(ctx.addressBook, c.country) : undefined;
}

// Where the Covenant does not bind (China signed, never ratified), an appeal recalls the
// Declaration's article that proclaims the same right.
const UDHR_FOR_ICCPR: Record<string, readonly string[]> = {
  '2': ['2'], '6': ['3'], '7': ['5'], '8': ['4'], '9': ['9'], '10': ['5'], '12': ['13'], '14': ['10', '11'], '15': ['11'],
  '16': ['6'], '17': ['12'], '18': ['18'], '19': ['19'], '21': ['20'], '22': ['20', '23'], '23': ['16'], '25': ['21'], '26': ['7'],
};

const RIGHT = /^\s*(ICCPR|UDHR)\b\D*(\d+)/i;

/**
 * The articles the case records as violated ("ICCPR 19"), as an appeal on this country
 * may cite them: the ICCPR's own only for a State party to it (the book says so), else
 * the Declaration's. Other treaties and free text are left to the case brief.
 */
export function citableRights(c: CaseFile, entry: CountryAddressees | undefined): { iccpr: string[]; udhr: string[] } {
  const party = mayCiteIccpr(entry);
  const iccpr = new Set<string>();
  const udhr = new Set<string>();
  for (const right of c.analysis.rightsViolated) {
    const m = RIGHT.exec(right);
    if (!m) continue;
    const [treaty, article] = [m[1]!.toUpperCase(), m[2]!];
    if (treaty === 'UDHR') udhr.add(article);
    else if (party) iccpr.add(article);
    else for (const a of UDHR_FOR_ICCPR[article] ?? []) udhr.add(a);
  }
  const byNumber = (a: string, b: string) => Number(a) - Number(b);
  return { iccpr: [...iccpr].sort(byNumber), udhr: [...udhr].sort(byNumber) };
}
