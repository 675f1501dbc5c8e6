import { defineCommand, exactlyOne, outputFile, reportError } from '../command';
import { formatBytes } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'export',
  usage: 'export FILE [--id ID ...] [--history] [--no-files]',
  summary: 'write a bundle of all cases, or of the given ones',
  details:
    '--history adds each case’s change history. When a source has its original file, the bundle is\nNAME.casefile.zip (bundle.json and the originals); --no-files writes JSON only, to FILE.',
  options: {
    id: { type: 'string', multiple: true, value: 'ID', feeds: 'bundle.exportFile.ids', about: 'export this case (repeat for more); all cases when absent' },
    history: { type: 'boolean', feeds: 'bundle.exportFile.history', about: 'add each case’s change history' },
    'no-files': { type: 'boolean', feeds: 'bundle.exportFile.files', about: 'leave the original files out: JSON only (the sources keep their file records)' },
  },
  plan(args, values, io) {
    const file = outputFile(io.cwd, exactlyOne('export', args, 'output file'));
    return async (dispatch) => {
      const result = await dispatch('bundle.exportFile', { ...(values.id ? { ids: values.id } : {}), history: values.history === true, files: values['no-files'] !== true, path: file });
      if (!result.ok) return reportError(io, result.error);
      const w = result.value;
      io.stdout(
        w.format === 'zip'
          ? `Exported ${w.cases} case(s) and ${w.originals} original file(s) to ${w.path} (${formatBytes(w.bytes)}).`
          : `Exported ${w.cases} case(s) to ${w.path}.`,
      );
      return EXIT.ok;
    };
  },
});
