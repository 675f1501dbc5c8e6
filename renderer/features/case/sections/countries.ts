// Countries for nationality: the ISO 3166-1 alpha-2 codes, named in the interface
// language by the caller (Intl.DisplayNames), the code itself where the engine has no
// name. Pure: no React, no DOM.
import { ISO_COUNTRIES } from '../../../../shared/model/countries';

export { ISO_COUNTRIES };

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
