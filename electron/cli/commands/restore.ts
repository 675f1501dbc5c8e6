import path from 'node:path';
import { defineCommand, exactlyOne, reportError } from '../command';
import { fileProgress } from '../passphrase';
import { EXIT } from '../io';

export default defineCommand({
  name: 'restore',
  usage: 'restore SNAPSHOT',
  summary: 'put the folder back as SNAPSHOT holds it (the current state is snapshotted first)',
  options: {},
  plan(args, _values, io) {
    const name = path.basename(exactlyOne('restore', args, 'snapshot name'));
    return async (dispatch) => {
      const result = await dispatch('backups.restore', { name }, { onProgress: fileProgress(io, 'Restoring') });
      if (!result.ok) return reportError(io, result.error);
      io.stdout(`Restored ${result.value.restored.name} (${result.value.restored.cases} case(s)). The state before the restore is in ${result.value.safetySnapshot.name}.`);
      const originals = result.value.originals;
      if (originals?.checked) io.stdout(`Originals: ${originals.checked} checked, ${originals.restored} brought back from backups/files/.`);
      for (const m of originals?.missing ?? []) io.stdout(`  missing: "${m.name}" (${m.sha256}): not in the data folder nor in its backups; add the file again to its source.`);
      return EXIT.ok;
    };
  },
});
