import { defineCommand, exactlyOne, JSON_OPTION, printJson, reportError } from '../command';
import { formatAuditEntry } from '../format';
import { EXIT } from '../io';
import type { AuditEntry } from '../../../shared/model';

/** The entry's first line ends with the machine that made the change (a team shares one folder through Syncthing). */
function withDevice(text: string, entry: AuditEntry): string {
  if (!entry.device) return text;
  const [head, ...rest] = text.split('\n');
  return [`${head}  on ${entry.device.name}`, ...rest].join('\n');
}

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
      else for (const entry of result.value) io.stdout(withDevice(formatAuditEntry(entry), entry));
      return EXIT.ok;
    };
  },
});
