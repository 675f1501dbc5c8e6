import { defineCommand, exactlyOne, reportError } from '../command';
import { oneLine } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'recover',
  usage: 'recover FILE',
  summary: 'replace a quarantined case file by the newest valid copy in the snapshots',
  options: {},
  plan(args, _values, io) {
    const file = exactlyOne('recover', args, 'quarantined file');
    return async (dispatch) => {
      const result = await dispatch('backups.recover', { file });
      if (!result.ok) return reportError(io, result.error);
      const r = result.value;
      io.stdout(`Recovered "${oneLine(r.title)}" (${r.id}) at revision ${r.rev} from ${r.snapshot}.`);
      return EXIT.ok;
    };
  },
});
