import { CaseKind, CaseStatus } from '../../../shared/model';
import { BriefLang } from '../../../shared/model/brief';
import { defineCommand, exactlyOne, outputFile, pick, reportError, UsageError, writeOutput } from '../command';
import { EXIT } from '../io';

export default defineCommand({
  name: 'export-table',
  usage: 'export-table FILE.xlsx|FILE.csv [--internal] [--lang en|ru|kk] [--kind K] [--status S]',
  summary: 'write the list of cases as a spreadsheet, one row per case',
  details:
    'The columns an NGO list publishes: names in each script, kind, status, detention or measure, charges with\narticles, penalty in force, place, since, days, recognitions. A CSV is UTF-8 with a byte-order mark (so Excel\nreads Cyrillic right). --internal adds the confidential fields and says so in the first row.',
  options: {
    internal: { type: 'boolean', feeds: 'tables.export.internal', about: 'add the confidential fields (lawyer, contact, address, health, confidential decisions)' },
    lang: { type: 'string', value: 'en|ru|kk', feeds: 'tables.export.lang', about: 'the language of the headers and values (en when absent)' },
    kind: { type: 'string', value: 'K', feeds: 'tables.export.kind', about: `only cases of this kind: ${CaseKind.options.join(', ')}` },
    status: { type: 'string', value: 'S', feeds: 'tables.export.status', about: `only cases with this status: ${CaseStatus.options.join(', ')}` },
  },
  plan(args, values, io) {
    const given = exactlyOne('export-table', args, 'output file');
    const format = /\.xlsx$/i.test(given) ? 'xlsx' : /\.csv$/i.test(given) ? 'csv' : undefined;
    if (!format) throw new UsageError(`export-table writes FILE.xlsx or FILE.csv (got "${given}")`);
    const file = outputFile(io.cwd, given);
    const lang = pick(values.lang, BriefLang.options, '--lang') ?? 'en';
    const kind = pick(values.kind, CaseKind.options, '--kind');
    const status = pick(values.status, CaseStatus.options, '--status');
    return async (dispatch) => {
      const result = await dispatch('tables.export', { format, lang, internal: values.internal === true, ...(kind ? { kind } : {}), ...(status ? { status } : {}) });
      if (!result.ok) return reportError(io, result.error);
      if (!(await writeOutput(io, file, Buffer.from(result.value.dataBase64, 'base64')))) return EXIT.failure;
      io.stdout(`Exported ${result.value.rows} case(s) to ${file}${values.internal ? ' (INTERNAL: with confidential fields; do not share)' : ''}.`);
      return EXIT.ok;
    };
  },
});
