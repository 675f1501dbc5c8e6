// The address book shipped in assets/ (readable and editable like any JSON file),
// compiled into the main build as its own chunk like the sample cases: found the same
// from source, from out/main and from inside app.asar, with no path to resolve.
import { AddressBook } from '../../../shared/model/addressees';
import { issuesFromZod, formatIssue } from '../../../shared/errors';
import { ServiceError } from '../errors';

export async function loadSeedAddressBook(): Promise<AddressBook> {
  const mod = await import('../../../assets/addressees.json', { with: { type: 'json' } });
  const parsed = AddressBook.safeParse(mod.default);
  // The seed is part of the build: a fault in it is ours, not the user's.
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    throw new ServiceError('internal', `The address book shipped with Casefile is invalid (${issues.map(formatIssue).join('; ')}). Please report this.`, issues);
  }
  return parsed.data;
}
