import type { TFunction } from 'i18next';

export type Option<T extends string> = { value: T; label: string };

/** Options for a select from an enum's values, labelled through the locale files. */
export function enumOptions<T extends string>(t: TFunction, group: string, values: readonly T[]): Option<T>[] {
  return values.map((value) => ({ value, label: enumLabel(t, group, value) }));
}

/** `enums.<group>.<value>` from the locale files (the unit tests check every value has one). */
export function enumLabel(t: TFunction, group: string, value: string): string {
  return (t as unknown as (key: string) => string)(`enums.${group}.${value}`);
}
