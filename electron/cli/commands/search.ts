import { CaseKind, CaseStatus, Priority } from '../../../shared/model';
import { defineCommand, JSON_OPTION, pick, printJson, reportError, UsageError } from '../command';
import { markSnippet, oneLine } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'search',
  usage: 'search QUERY [--limit N] [--kind K] [--status S] [--priority P] [--tag T] [--json]',
  summary: 'find cases in any script or spelling',
  options: {
    limit: { type: 'string', value: 'N', feeds: 'search.query.limit', about: 'at most N hits, 1 to 500 (20 when absent)' },
    kind: { type: 'string', value: 'K', feeds: 'search.query.kind', about: `only cases of this kind: ${CaseKind.options.join(', ')}` },
    status: { type: 'string', value: 'S', feeds: 'search.query.status', about: `only cases with this status: ${CaseStatus.options.join(', ')}` },
    priority: { type: 'string', value: 'P', feeds: 'search.query.priority', about: `only cases of this priority: ${Priority.options.join(', ')}` },
    tag: { type: 'string', value: 'T', feeds: 'search.query.tag', about: 'only cases with this tag' },
    json: JSON_OPTION,
  },
  plan(args, values, io) {
    if (args.length === 0) throw new UsageError('search needs a query, e.g. casefile search Tokayev');
    const query = args.join(' ');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError(`--limit must be a whole number from 1 to 500 (got "${values.limit}")`);
    const kind = pick(values.kind, CaseKind.options, '--kind');
    const status = pick(values.status, CaseStatus.options, '--status');
    const priority = pick(values.priority, Priority.options, '--priority');
    const tag = values.tag;
    return async (dispatch) => {
      const result = await dispatch('search.query', { query, limit, kind, status, priority, ...(tag !== undefined ? { tag } : {}) });
      if (!result.ok) return reportError(io, result.error);
      if (values.json) printJson(io, result.value);
      else if (result.value.length === 0) io.stdout(`Nothing found for "${query}".`);
      else {
        for (const hit of result.value) {
          io.stdout(`${hit.id}  ${oneLine(hit.title)}  (${hit.field}, score ${hit.score.toFixed(1)})${hit.confidential ? '  [CONFIDENTIAL]' : ''}`);
          io.stdout(`    ${markSnippet(hit.snippet, hit.highlights)}`);
        }
      }
      return EXIT.ok;
    };
  },
});
