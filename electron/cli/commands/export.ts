import { defineCommand, exactlyOne, outputFile, reportError, writeOutput } from '../command';
import { EXIT } from '../io';

export default defineCommand({
  name: 'export',
  usage: 'export FILE [--id ID ...] [--history]',
  summary: 'write a bundle of all cases, or of the given ones',
  details: '--history adds each case’s change history.',
  options: {
    id: { type: 'string', multiple: true, value: 'ID', feeds: 'bundle.export.ids', about: 'export this case (repeat for more); all cases when absent' },
    history: { type: 'boolean', feeds: 'bundle.export.history', about: 'add each case’s change history' },
  },
  plan(args, values, io) {
    const file = outputFile(io.cwd, exactlyOne('export', args, 'output file'));
    return async (dispatch) => {
      const result = await dispatch('bundle.export', { ...(values.id ? { ids: values.id } : {}), history: values.history === true });
      if (!result.ok) return reportError(io, result.error);
      if (!(await writeOutput(io, file, `${JSON.stringify(result.value, null, 2)}\n`))) return EXIT.failure;
      io.stdout(`Exported ${result.value.cases.length} case(s) to ${file}.`);
      return EXIT.ok;
    };
  },
});
