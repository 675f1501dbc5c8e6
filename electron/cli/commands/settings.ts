import type { z } from 'zod';
import { PreparedBy } from '../../../shared/model';
import { OrganizationPatch, type OrganizationField } from '../../../shared/organization';
import type { FolderSettings, FolderSettingsPatch } from '../../../shared/settings';
import { defineCommand, JSON_OPTION, reportError, UsageError, type ValuesOf } from '../command';
import type { CliIo } from '../io';

// `casefile settings`: the data folder's settings — "Prepared by" and the organisation
// profile — shown, or changed through the same settings.set every door uses. Each flag
// sets one field; an empty value ("") clears it; --clear-org removes the whole profile.

const OPTIONS = {
  json: JSON_OPTION,
  'prepared-by': { type: 'string', value: 'NAME', feeds: 'settings.set.preparedBy', about: 'who prepares the folder’s briefs ("" clears it)' },
  'org-name': { type: 'string', value: 'NAME', feeds: 'settings.set.organization.name', about: 'the organisation’s name' },
  'org-address': { type: 'string', value: 'TEXT', feeds: 'settings.set.organization.address', about: 'its postal address (lines split by a line break)' },
  'org-email': { type: 'string', value: 'ADDRESS', feeds: 'settings.set.organization.email', about: 'its e-mail address' },
  'org-phone': { type: 'string', value: 'NUMBER', feeds: 'settings.set.organization.phone', about: 'its phone number' },
  'org-person': { type: 'string', value: 'NAME', feeds: 'settings.set.organization.responsiblePerson', about: 'the person responsible' },
  'org-role': { type: 'string', value: 'ROLE', feeds: 'settings.set.organization.responsibleRole', about: 'that person’s role' },
  'clear-org': { type: 'boolean', feeds: 'settings.set.organization', about: 'remove the whole organisation profile' },
} as const;

/** Each flag and the profile field it sets, in the order they are shown. */
const FLAGS: readonly [keyof typeof OPTIONS, OrganizationField, string][] = [
  ['org-name', 'name', 'Name'],
  ['org-address', 'address', 'Address'],
  ['org-email', 'email', 'E-mail'],
  ['org-phone', 'phone', 'Phone'],
  ['org-person', 'responsiblePerson', 'Person responsible'],
  ['org-role', 'responsibleRole', 'Role'],
];

type Values = ValuesOf<typeof OPTIONS>;

const firstMessage = (schema: z.ZodType, value: string): string | null => {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? 'not valid');
};

/** The change the flags ask for, checked field by field before anything is opened; null when none is asked. */
function patchFrom(values: Values): FolderSettingsPatch | null {
  const patch: FolderSettingsPatch = {};
  const faults: string[] = [];
  const given = values['prepared-by'];
  if (typeof given === 'string') {
    if (given.trim() === '') patch.preparedBy = null;
    else if (!PreparedBy.safeParse(given).success) faults.push('--prepared-by: expected a name of 1 to 200 characters');
    else patch.preparedBy = given;
  }
  const organization: Record<string, string | null> = {};
  for (const [flag, field] of FLAGS) {
    const text = values[flag];
    if (typeof text !== 'string') continue;
    if (text.trim() === '') {
      organization[field] = null;
      continue;
    }
    const message = firstMessage(OrganizationPatch.shape[field], text);
    if (message !== null) faults.push(`--${flag} (organization.${field}): ${message}`);
    else organization[field] = text;
  }
  if (faults.length > 0) throw new UsageError(`settings: nothing was changed.\n  ${faults.join('\n  ')}`);
  if (values['clear-org'] === true) {
    if (Object.keys(organization).length > 0) throw new UsageError('settings: --clear-org removes the whole profile; give it without --org-… flags');
    patch.organization = null;
  } else if (Object.keys(organization).length > 0) patch.organization = organization as OrganizationPatch;
  return Object.keys(patch).length > 0 ? patch : null;
}

function show(io: CliIo, settings: FolderSettings): void {
  const width = 'Person responsible: '.length;
  const row = (label: string, text: string) => {
    const [first, ...more] = text.split('\n');
    io.stdout(`  ${`${label}:`.padEnd(width)}${first}`);
    for (const line of more) io.stdout(`  ${' '.repeat(width)}${line}`);
  };
  io.stdout(`Prepared by: ${settings.preparedBy ?? '(not set)'}`);
  const org = settings.organization;
  if (!org) {
    io.stdout('Organisation: none yet. Set it with `casefile settings --org-name NAME --org-email ADDRESS …`.');
    return;
  }
  io.stdout('Organisation:');
  for (const [, field, label] of FLAGS) row(label, org[field] ?? '(not set)');
  io.stdout('Briefs print the name in every mode; the address, e-mail, phone and person responsible only in a submission to a UN mechanism.');
}

export default defineCommand({
  name: 'settings',
  usage: 'settings [--json] [--prepared-by NAME] [--org-name NAME] [--org-address TEXT] [--org-email ADDRESS] [--org-phone NUMBER] [--org-person NAME] [--org-role ROLE] [--clear-org]',
  summary: 'show the data folder’s settings, or change them',
  details: '"" clears a field, --clear-org the whole profile.',
  options: OPTIONS,
  plan(args, values, io) {
    if (args.length > 0) throw new UsageError(`settings takes no arguments (got "${args.join(' ')}"); set a field with a flag, e.g. --org-name "Бюро «Әділет»"`);
    const patch = patchFrom(values);
    return async (dispatch) => {
      const result = patch ? await dispatch('settings.set', patch) : await dispatch('settings.get', {});
      if (!result.ok) return reportError(io, result.error);
      if (values.json) io.stdout(JSON.stringify(result.value, null, 2));
      else {
        if (patch) io.stdout('Saved in the data folder.');
        show(io, result.value);
      }
      return 0;
    };
  },
});
