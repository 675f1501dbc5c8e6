import { defineCommand, exactlyOne, JSON_OPTION, printJson, reportError } from '../command';
import { formatAuditEntry } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'history',
  usage: 'history ID [--json]',
  summary: 'a case’s saved changes: when, which fields, old → new',
  options: { json: JSON_OPTION },
  plan(args, values, io) {
    const id = exactlyOne('history', args, 'case id');
    return async (dispatch) => {
      const result = await dispatch('cases.history', { id });
      if (!result.ok) return reportError(io, result.error);
      if (values.json) printJson(io, result.value);
      else if (result.value.length === 0) io.stdout('No recorded changes.');
      else for (const entry of result.value) io.stdout(formatAuditEntry(entry));
      return EXIT.ok;
    };
  },
});
