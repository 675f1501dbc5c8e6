import { CaseKind, CaseStatus } from '../../../shared/model';
import { defineCommand, JSON_OPTION, noArguments, pick, printJson, reportError } from '../command';
import { formatTable } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'list',
  usage: 'list [--kind K] [--status S] [--json]',
  summary: 'list cases',
  options: {
    kind: { type: 'string', value: 'K', feeds: 'cases.list.kind', about: `only cases of this kind: ${CaseKind.options.join(', ')}` },
    status: { type: 'string', value: 'S', feeds: 'cases.list.status', about: `only cases with this status: ${CaseStatus.options.join(', ')}` },
    json: JSON_OPTION,
  },
  plan(args, values, io) {
    noArguments('list', args);
    const kind = pick(values.kind, CaseKind.options, '--kind');
    const status = pick(values.status, CaseStatus.options, '--status');
    return async (dispatch) => {
      const result = await dispatch('cases.list', { kind, status });
      if (!result.ok) return reportError(io, result.error);
      if (values.json) printJson(io, result.value);
      else if (result.value.length === 0) io.stdout('No cases.');
      else io.stdout(formatTable(['ID', 'KIND', 'STATUS', 'REV', 'TITLE'], result.value.map((c) => [c.id, c.kind, c.status, String(c.rev), c.title])));
      return EXIT.ok;
    };
  },
});
