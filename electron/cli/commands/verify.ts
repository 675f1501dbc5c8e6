import { defineCommand, JSON_OPTION, noArguments, printJson, reportError } from '../command';
import { oneLine } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'verify',
  usage: 'verify [--json]',
  summary: 'check every file in the data folder',
  details: 'Exit 0 only when all is well; otherwise each problem is listed (exit 1).',
  options: { json: JSON_OPTION },
  plan(args, values, io) {
    noArguments('verify', args);
    return async (dispatch) => {
      const result = await dispatch('store.verify', {});
      if (!result.ok) return reportError(io, result.error);
      const report = result.value;
      if (values.json) printJson(io, report);
      else {
        const originals = report.originals?.count ? ` ${report.originals.count} original(s), ${report.originals.bytes} bytes, re-hashed.` : '';
        if (report.ok) io.stdout(`All well: ${report.checkedFiles} file(s) checked.${originals}`);
        else {
          io.stdout(`${report.problems.length} problem(s) in ${report.checkedFiles} file(s) checked:`);
          for (const p of report.problems) io.stdout(`  ${p.file}: ${oneLine(p.message)}`);
          if (originals) io.stdout(`Intact:${originals}`);
        }
        for (const w of report.warnings) io.stdout(`  warning: ${w.file}: ${oneLine(w.message)}`);
      }
      return report.ok ? EXIT.ok : EXIT.failure;
    };
  },
});
