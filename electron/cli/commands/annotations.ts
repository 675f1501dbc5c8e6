import { AnnotationState } from '../../../shared/model';
import { defineCommand, exactlyOne, JSON_OPTION, printJson, reportError } from '../command';
import { oneLine } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'annotations',
  usage: 'annotations ID [--json]',
  summary: 'a case’s annotations: anchored, changed (to review), orphaned or notes, with quotes',
  options: { json: JSON_OPTION },
  plan(args, values, io) {
    const id = exactlyOne('annotations', args, 'case id');
    return async (dispatch) => {
      const result = await dispatch('annotations.list', { id });
      if (!result.ok) return reportError(io, result.error);
      if (values.json) printJson(io, result.value);
      else if (result.value.length === 0) io.stdout('No annotations.');
      else {
        for (const a of result.value) {
          const where = a.status === 'note' ? 'note' : `${a.status}${a.sourceTitle ? ` in "${oneLine(a.sourceTitle)}"` : ''}${a.start !== undefined ? ` at ${a.start}–${a.end}` : ''}`;
          io.stdout(`${a.id}  ${where}${a.confidential ? ' [confidential]' : ''}`);
          if (a.quote) io.stdout(`    “${a.quote}”`);
          if (a.status === 'changed' && a.currentText !== undefined) io.stdout(`    now “${a.currentText}”`);
          if (a.reason) io.stdout(`    ${a.reason}`);
          if (a.body) io.stdout(`    ${a.body}`);
        }
        const counts = AnnotationState.shape.status.options
          .map((status) => [status, result.value.filter((a) => a.status === status).length] as const)
          .filter(([, n]) => n > 0);
        io.stdout(`${result.value.length} annotation(s): ${counts.map(([status, n]) => `${n} ${status}`).join(', ')}.`);
      }
      return EXIT.ok;
    };
  },
});
