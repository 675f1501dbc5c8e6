import type { SealRequest } from '../../../shared/sealing';
import { bundlePassphrase } from '../bundlePassphrase';
import { defineCommand, exactlyOne, outputFile, reportError, UsageError } from '../command';
import { formatBytes } from '../format';
import { EXIT } from '../io';
import { ServiceError } from '../../services/errors';

export default defineCommand({
  name: 'export',
  usage: 'export FILE [--id ID ...] [--history] [--no-files] [--seal | --passphrase-file F | --recipient KEY ...] [--plain]',
  summary: 'write a bundle of all cases, or of the given ones, sealed or plain',
  details:
    '--history adds each case’s change history. When a source has its original file, the bundle is\nNAME.casefile.zip (bundle.json and the originals); --no-files writes JSON only, to FILE.\n' +
    'Sealed (age format, NAME….age): --seal asks for a passphrase twice, --passphrase-file takes it from a file’s\nfirst line, --recipient seals for a partner’s public key (age1…) or the name it has in Settings → Sharing keys.\n' +
    'An encrypted folder exports in clear only with --plain.',
  options: {
    id: { type: 'string', multiple: true, value: 'ID', feeds: 'bundle.exportFile.ids', about: 'export this case (repeat for more); all cases when absent' },
    history: { type: 'boolean', feeds: 'bundle.exportFile.history', about: 'add each case’s change history' },
    'no-files': { type: 'boolean', feeds: 'bundle.exportFile.files', about: 'leave the original files out: JSON only (the sources keep their file records)' },
    seal: { type: 'boolean', feeds: 'bundle.exportFile.seal', about: 'seal with a passphrase typed at the prompt (twice)' },
    'passphrase-file': { type: 'string', value: 'F', feeds: 'bundle.exportFile.seal', about: 'seal with the passphrase on the first line of F' },
    recipient: { type: 'string', multiple: true, value: 'KEY', feeds: 'bundle.exportFile.seal', about: 'seal for this public key (age1…) or partner name (repeat for more)' },
    plain: { type: 'boolean', feeds: 'bundle.exportFile.plain', about: 'export an encrypted folder in clear (the file then holds every name and confidential note)' },
  },
  plan(args, values, io) {
    const file = outputFile(io.cwd, exactlyOne('export', args, 'output file'));
    const ways = [values.seal === true, values['passphrase-file'] !== undefined, values.recipient !== undefined].filter(Boolean).length;
    if (ways > 1) throw new UsageError('export seals one way: --seal, --passphrase-file or --recipient');
    if (ways === 1 && values.plain) throw new UsageError('--plain and sealing exclude each other');
    return async (dispatch) => {
      let seal: SealRequest | undefined;
      try {
        if (values.recipient) {
          const keys = await dispatch('bundle.sharingKeys', {});
          const partners = keys.ok ? keys.value.partners : [];
          seal = { recipients: values.recipient.map((r) => (r.startsWith('age1') ? r : (partners.find((p) => p.name.toLowerCase() === r.toLowerCase())?.key ?? unknownPartner(r)))) };
        } else if (values.seal || values['passphrase-file'] !== undefined) {
          seal = { passphrase: await bundlePassphrase(io, values['passphrase-file'], true) };
        }
      } catch (err) {
        if (err instanceof ServiceError) return reportError(io, err.toApiError());
        throw err;
      }
      const result = await dispatch('bundle.exportFile', {
        ...(values.id ? { ids: values.id } : {}),
        history: values.history === true,
        files: values['no-files'] !== true,
        path: file,
        ...(seal ? { seal } : {}),
        plain: values.plain === true,
      });
      if (!result.ok) {
        if (result.error.issues?.some((i) => i.path[0] === 'plain')) {
          io.stderr(`casefile: ${result.error.message}`);
          io.stderr('  Seal it with --seal, --passphrase-file F or --recipient KEY, or pass --plain to write it in clear.');
          return EXIT.badInput;
        }
        return reportError(io, result.error);
      }
      const w = result.value;
      const how = w.sealed === 'passphrase' ? ', sealed with a passphrase' : w.sealed === 'recipients' ? `, sealed for ${seal && 'recipients' in seal ? seal.recipients.length : 0} recipient(s)` : '';
      io.stdout(
        w.format === 'zip'
          ? `Exported ${w.cases} case(s) and ${w.originals} original file(s) to ${w.path} (${formatBytes(w.bytes)}${how}).`
          : `Exported ${w.cases} case(s) to ${w.path}${how ? ` (${how.slice(2)})` : ''}.`,
      );
      return EXIT.ok;
    };
  },
});

function unknownPartner(name: string): never {
  throw new ServiceError('bad_input', `"${name}" is neither a public key (age1…) nor the name of a partner in Settings → Sharing keys. Nothing was written.`);
}
