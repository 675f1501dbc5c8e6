import { Id } from '../../../shared/model';
import { BriefLang } from '../../../shared/model/brief';
import { defineCommand, exactlyOne, outputFile, pick, reportError, UsageError, writeOutput } from '../command';
import { EXIT } from '../io';

export default defineCommand({
  name: 'calendar',
  usage: 'calendar FILE.ics [--case ID] [--with-titles] [--lang en|ru|kk]',
  summary: 'write open deadlines, coming hearings and follow-ups as an .ics calendar',
  details:
    'All-day events; a date known only to the month or year stands on its last possible day, with a note.\nTitles are neutral ("Casefile deadline") unless --with-titles; items marked confidential stay neutral even then.\nEach event keeps its UID across exports, so importing again updates the calendar instead of duplicating it.',
  options: {
    case: { type: 'string', value: 'ID', feeds: 'calendar.export.caseId', about: "only this case's items" },
    'with-titles': { type: 'boolean', feeds: 'calendar.export.withTitles', about: 'the titles of items and cases (not of those marked confidential)' },
    lang: { type: 'string', value: 'en|ru|kk', feeds: 'calendar.export.lang', about: 'the language of neutral titles and notes (en when absent)' },
  },
  plan(args, values, io) {
    const given = exactlyOne('calendar', args, 'output file');
    if (!/\.ics$/i.test(given)) throw new UsageError(`calendar writes FILE.ics (got "${given}")`);
    const caseId = values.case;
    if (caseId !== undefined && !Id.safeParse(caseId).success) throw new UsageError(`--case must be a case id (got "${caseId}")`);
    const file = outputFile(io.cwd, given);
    const lang = pick(values.lang, BriefLang.options, '--lang') ?? 'en';
    return async (dispatch) => {
      const result = await dispatch('calendar.export', { lang, withTitles: values['with-titles'] === true, ...(caseId !== undefined ? { caseId } : {}) });
      if (!result.ok) return reportError(io, result.error);
      if (!(await writeOutput(io, file, result.value.ics))) return EXIT.failure;
      io.stdout(`Wrote ${result.value.events} event(s) to ${file}${values['with-titles'] ? ' (with titles: share it only where the case may be named)' : ''}.`);
      return EXIT.ok;
    };
  },
});
