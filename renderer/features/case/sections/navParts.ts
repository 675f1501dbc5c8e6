import type { TFunction } from 'i18next';

// The requests and consent sections in the case view's navigation: after advocacy,
// in both kinds of case, with their names from the parts locale files.

const PARTS = ['requests', 'consent'] as const;

export function withRequestsAndConsent(sections: readonly string[]): string[] {
  const rest = sections.filter((s) => !(PARTS as readonly string[]).includes(s));
  const at = rest.indexOf('advocacy');
  rest.splice(at === -1 ? rest.length : at + 1, 0, ...PARTS);
  return rest;
}

export function partsNavLabel(t: TFunction, section: string): string | undefined {
  if (section === 'requests') return t('parts.section.requests');
  if (section === 'consent') return t('parts.section.consent');
  return undefined;
}
