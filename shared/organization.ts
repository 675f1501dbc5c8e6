import { z } from 'zod';

// The organisation that submits: printed in a WGAD communication's section VI, an SR
// submission and an urgent action's "issued by". Its name may be printed in any mode;
// the contact details and the person responsible only where MODEL.md's *Confidentiality*
// lets a submitter be known (submission and internal modes).

/** One line: runs of spaces (a pasted tab, a line break) become one space. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
/** An address keeps its lines, each tidied, with no blank ones. */
const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map(oneLine)
    .filter((l) => l !== '')
    .join('\n');

const words = (what: string, max: number) => {
  const error = `expected ${what}: 1 to ${max} characters`;
  return z.string().overwrite(oneLine).min(1, { error }).max(max, { error });
};

export const OrgName = words("the organisation's name", 200);
export const OrgAddress = z
  .string()
  .overwrite(lines)
  .min(1, { error: 'expected a postal address: 1 to 500 characters, lines kept' })
  .max(500, { error: 'expected a postal address: 1 to 500 characters, lines kept' });

// The shape only (something@domain.tld, any script): whether the mailbox exists is the user's to know.
const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:".]+(\.[^\s@<>()[\],;:".]+)+$/u;
export const OrgEmail = z
  .string()
  .overwrite((s) => s.trim())
  .max(254, { error: 'expected an e-mail address of at most 254 characters' })
  .regex(EMAIL, { error: 'expected an e-mail address such as office@example.org' });

// What people write in a phone number, in any country's style; extensions go in the address.
const PHONE = /^\+?[0-9 ()\-.]+$/;
const PHONE_TEXT = 'expected a phone number: digits with spaces and + ( ) - . only, 5 to 20 digits, such as +7 727 123 45 67';
// One check, one message: a phone number that is wrong in two ways is still one fault.
export const OrgPhone = z
  .string()
  .overwrite(oneLine)
  .refine((s) => {
    const digits = s.replace(/\D/g, '').length;
    return s.length <= 40 && PHONE.test(s) && digits >= 5 && digits <= 20;
  }, { error: PHONE_TEXT });

export const OrgPerson = words('the name of the person responsible', 200);
export const OrgRole = words('the role of the person responsible, such as Director or Legal counsel', 200);

export const Organization = z.strictObject({
  name: OrgName.optional(),
  address: OrgAddress.optional(),
  email: OrgEmail.optional(),
  phone: OrgPhone.optional(),
  responsiblePerson: OrgPerson.optional(),
  responsibleRole: OrgRole.optional(),
});
export type Organization = z.infer<typeof Organization>;
export type OrganizationField = keyof Organization;
export const ORGANIZATION_FIELDS = Organization.keyof().options;

/** A change to the profile: a field given is set, `null` clears it, a field left out is kept. */
export const OrganizationPatch = z.strictObject({
  name: OrgName.nullable().optional(),
  address: OrgAddress.nullable().optional(),
  email: OrgEmail.nullable().optional(),
  phone: OrgPhone.nullable().optional(),
  responsiblePerson: OrgPerson.nullable().optional(),
  responsibleRole: OrgRole.nullable().optional(),
});
export type OrganizationPatch = z.infer<typeof OrganizationPatch>;

/** The fields a recipient outside the organisation may read only in a submission to a mechanism. */
export const SUBMISSION_ONLY_FIELDS: readonly OrganizationField[] = ['address', 'email', 'phone', 'responsiblePerson', 'responsibleRole'];

/**
 * What a brief of this mode may print of the profile: the name in every mode, the
 * rest in submission and internal modes only. `withheld` lists the values left out,
 * for the redaction proof to look for in the rendered file.
 */
export function organizationForBrief(profile: Organization | undefined, mode: 'public' | 'submission' | 'internal'): { printed: Organization; withheld: string[] } {
  const printed: Organization = {};
  const withheld: string[] = [];
  for (const field of ORGANIZATION_FIELDS) {
    const value = profile?.[field];
    if (value === undefined) continue;
    if (mode === 'public' && SUBMISSION_ONLY_FIELDS.includes(field)) withheld.push(value);
    else printed[field] = value;
  }
  return { printed, withheld };
}
