// Countries for nationality: the ISO 3166-1 alpha-2 codes, named in the interface
// language by the caller (Intl.DisplayNames), the code itself where the engine has no
// name. Pure: no React, no DOM.

/** Every officially assigned ISO 3166-1 alpha-2 code (249). */
export const ISO_COUNTRIES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** Where the people Casefile is for come from: listed first, before the rest by name. */
export const NEAR_COUNTRIES: readonly string[] = ['KZ', 'KG', 'UZ', 'TJ', 'TM', 'RU', 'CN', 'BY', 'AZ'];

export type CountryOption = { code: string; name: string };

/**
 * The countries to choose from: the near ones first in that order, then every other
 * by name in the interface language; a country the engine cannot name shows its code.
 * Codes already chosen are left out.
 */
export function countryOptions(
  nameOf: (code: string) => string | undefined,
  compare: (a: string, b: string) => number,
  exclude: readonly string[] = [],
): CountryOption[] {
  const skip = new Set(exclude);
  const named = (code: string): CountryOption => ({ code, name: nameOf(code) ?? code });
  const near = NEAR_COUNTRIES.filter((c) => !skip.has(c)).map(named);
  const rest = ISO_COUNTRIES.filter((c) => !skip.has(c) && !NEAR_COUNTRIES.includes(c))
    .map(named)
    .sort((a, b) => compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
  return [...near, ...rest];
}
