import { defineCommand, JSON_OPTION, noArguments, printJson, reportError } from '../command';
import { formatBytes, formatTable } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'backups',
  usage: 'backups [--json]',
  summary: 'list the snapshots, newest first',
  options: { json: JSON_OPTION },
  plan(args, values, io) {
    noArguments('backups', args);
    return async (dispatch) => {
      const result = await dispatch('backups.list', {});
      if (!result.ok) return reportError(io, result.error);
      if (values.json) printJson(io, result.value);
      else if (result.value.length === 0) io.stdout('No snapshots yet. `casefile backup` takes one.');
      else {
        io.stdout(
          formatTable(
            ['SNAPSHOT', 'TAKEN', 'WHY', 'CASES', 'SIZE'],
            result.value.map((s) => [s.name, s.createdAt.replace('T', ' ').slice(0, 19), s.reason, String(s.cases), formatBytes(s.bytes)]),
          ),
        );
        // Checked as they are listed: a damaged one is named, never shown as fine.
        for (const s of result.value) if (s.problem !== undefined) io.stdout(`DAMAGED: ${s.name} cannot be restored (${s.problem}).`);
      }
      return EXIT.ok;
    };
  },
});
