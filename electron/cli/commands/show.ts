import type { CaseFile } from '../../../shared/model';
import { defineCommand, exactlyOne, JSON_OPTION, printJson, reportError } from '../command';
import { formatCase } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'show',
  usage: 'show ID [--json]',
  summary: 'show one case',
  options: { json: { ...JSON_OPTION, about: 'print the whole stored case as JSON' } },
  plan(args, values, io) {
    const id = exactlyOne('show', args, 'case id');
    return async (dispatch) => {
      const result = await dispatch('cases.get', { id });
      if (!result.ok) return reportError(io, result.error);
      if (values.json) printJson(io, result.value);
      else io.stdout(formatCase(result.value as CaseFile));
      return EXIT.ok;
    };
  },
});
