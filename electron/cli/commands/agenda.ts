import { IsoDay, type AgendaRow } from '../../../shared/model';
import { defineCommand, JSON_OPTION, noArguments, printJson, reportError, UsageError } from '../command';
import { formatTable } from '../format';
import { EXIT } from '../io';

const LABEL = { deadline: 'deadline', hearing: 'hearing', followUp: 'follow-up' } as const;

const when = (r: AgendaRow) => (r.overdue ? `OVERDUE ${-r.daysLeft}d` : r.daysLeft === 0 ? 'today' : r.mayBeDue ? `MAY BE DUE, ≤ ${r.daysLeft}d` : `in ${r.daysLeft}d`);

export default defineCommand({
  name: 'agenda',
  usage: 'agenda [--today YYYY-MM-DD] [--json]',
  summary: 'open deadlines, coming hearings and follow-ups across all cases, overdue first',
  options: {
    today: { type: 'string', value: 'YYYY-MM-DD', feeds: 'agenda.list.today', about: 'count the days from this day instead of today' },
    json: JSON_OPTION,
  },
  plan(args, values, io) {
    noArguments('agenda', args);
    const today = values.today;
    if (today !== undefined && !IsoDay.safeParse(today).success) throw new UsageError(`--today must be a day as YYYY-MM-DD (got "${today}")`);
    return async (dispatch) => {
      const result = await dispatch('agenda.list', today ? { today } : {});
      if (!result.ok) return reportError(io, result.error);
      if (values.json) printJson(io, result.value);
      else if (result.value.length === 0) io.stdout('Nothing on the agenda: no open deadlines, coming hearings or follow-ups.');
      else {
        io.stdout(formatTable(
          ['DATE', 'DUE BY', 'WHEN', 'KIND', 'CASE', 'WHAT'],
          result.value.map((r) => [r.date, r.dueBy, when(r), LABEL[r.kind], `${r.caseTitle} (${r.caseId})`, r.title]),
        ));
        const overdue = result.value.filter((r) => r.overdue).length;
        io.stdout(`${result.value.length} item(s), ${overdue} overdue.`);
      }
      return EXIT.ok;
    };
  },
});
