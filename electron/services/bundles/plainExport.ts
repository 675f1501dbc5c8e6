import type { ExportPreview } from '../../../shared/contract';
import { ServiceError } from '../errors';
import { mib } from '../isolation/limits';

/** What a plain export of an encrypted folder would hold, said in a sentence. */
function plainContents(p: ExportPreview): string {
  const names = p.names.length > 5 ? `${p.names.slice(0, 5).join(', ')} and ${p.names.length - 5} more` : p.names.join(', ');
  const parts = [`${p.cases} case(s) naming ${names || 'nobody'}`, `${p.confidential} confidential item(s) and field(s) (contacts, addresses, health, consent, notes marked confidential)`];
  if (p.originals.count > 0) parts.push(`${p.originals.count} original file(s), ${mib(p.originals.bytes)}`);
  if (p.history) parts.push('the history of every change');
  return parts.join('; ');
}

/** The refusal of a plain export from an encrypted folder when the caller has not said it knows. */
export function plainExportRefusal(p: ExportPreview): ServiceError {
  return new ServiceError(
    'bad_input',
    `This data folder is encrypted, but the export would be written in clear: ${plainContents(p)}. Seal it for its recipients (a passphrase or their public keys), or confirm a plain export if the file will stay somewhere safe. Nothing was written.`,
    [{ path: ['plain'], message: 'required (true) to export an encrypted folder without sealing' }],
  );
}
