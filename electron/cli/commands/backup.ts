import path from 'node:path';
import { defineCommand, noArguments, reportError } from '../command';
import { fileProgress } from '../passphrase';
import { formatBytes } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'backup',
  usage: 'backup [--copy-to DIR]',
  summary: 'take a snapshot of the data folder now',
  details:
    'With --copy-to, also copy it (and an encrypted folder’s key file) to a new folder in DIR — a USB drive —\nread back and checked.',
  options: {
    'copy-to': { type: 'string', value: 'DIR', feeds: 'backups.copyOut.dir', about: 'also copy the snapshot into a new folder in DIR, read back and checked' },
  },
  plan(args, values, io) {
    noArguments('backup', args);
    const copyTo = values['copy-to'];
    if (copyTo !== undefined) {
      return async (dispatch) => {
        const result = await dispatch('backups.copyOut', { dir: path.resolve(io.cwd, copyTo) }, { onProgress: fileProgress(io, 'Backing up') });
        if (!result.ok) return reportError(io, result.error);
        const r = result.value;
        io.stdout(`Copied to ${r.folder}: ${r.files.join(', ')} (read back and checked).`);
        io.stdout(
          r.encrypted
            ? 'It holds the key file, wrapped by the present passphrase: keep it as safe as the passphrase. To restore, see RESTORE.txt in it.'
            : 'The folder is not encrypted, so neither is this copy. To restore, see RESTORE.txt in it.',
        );
        return EXIT.ok;
      };
    }
    return async (dispatch) => {
      const result = await dispatch('backups.create', {}, { onProgress: fileProgress(io, 'Backing up') });
      if (!result.ok) return reportError(io, result.error);
      const s = result.value;
      io.stdout(`Snapshot ${s.name}: ${s.cases} case(s), ${s.trashed} in the Trash, ${formatBytes(s.bytes)}.`);
      return EXIT.ok;
    };
  },
});
