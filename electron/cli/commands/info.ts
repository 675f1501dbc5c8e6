import { defineCommand, JSON_OPTION, noArguments, printJson, reportError } from '../command';
import { EXIT } from '../io';

export default defineCommand({
  name: 'info',
  usage: 'info [--json]',
  summary: 'show the data folder and what it holds',
  options: { json: JSON_OPTION },
  plan(args, values, io) {
    noArguments('info', args);
    return async (dispatch) => {
      const result = await dispatch('app.info', {});
      if (!result.ok) return reportError(io, result.error);
      const info = result.value;
      if (values.json) printJson(io, info);
      else {
        io.stdout(`${info.name} ${info.version}\nData folder: ${info.dataDir} (layout ${info.schemaVersion}${info.encrypted ? ', encrypted' : ''})\nCases: ${info.caseCount}, in the Trash: ${info.trashCount}, quarantined files: ${info.quarantined.length}${info.originals ? `\nOriginals: ${info.originals.count} (${info.originals.bytes} bytes on disk)` : ''}`);
      }
      return EXIT.ok;
    };
  },
});
