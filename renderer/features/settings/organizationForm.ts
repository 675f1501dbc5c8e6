import { ORGANIZATION_FIELDS, OrganizationPatch, type Organization, type OrganizationField } from '../../../shared/organization';

// The Settings form of the organisation profile, without React: the text of each
// field, checked by the same schema the folder's door uses (so the form never sends
// what the door refuses), and the change to send — only fields that differ from
// what the folder holds, a blank field clearing its value (as "Prepared by" does).

export type OrgTexts = Record<OrganizationField, string>;

export const EMPTY_TEXTS: OrgTexts = Object.fromEntries(ORGANIZATION_FIELDS.map((f) => [f, ''])) as OrgTexts;

export function textsOf(profile: Organization | undefined): OrgTexts {
  return Object.fromEntries(ORGANIZATION_FIELDS.map((f) => [f, profile?.[f] ?? ''])) as OrgTexts;
}

/** The value a field's text stands for: a string to store, null to clear, or 'invalid'. */
export function valueOf(field: OrganizationField, text: string): string | null | 'invalid' {
  if (text.trim() === '') return null;
  const parsed = OrganizationPatch.shape[field].safeParse(text);
  return parsed.success && typeof parsed.data === 'string' ? parsed.data : 'invalid';
}

/** The change for these fields against the stored texts, and the fields whose text is not valid. */
export function changeFor(fields: readonly OrganizationField[], texts: OrgTexts, stored: OrgTexts): { patch: OrganizationPatch; invalid: OrganizationField[] } {
  const patch: OrganizationPatch = {};
  const invalid: OrganizationField[] = [];
  for (const field of fields) {
    const value = valueOf(field, texts[field]);
    if (value === 'invalid') invalid.push(field);
    else if ((value ?? '') !== stored[field]) patch[field] = value;
  }
  return { patch, invalid };
}
