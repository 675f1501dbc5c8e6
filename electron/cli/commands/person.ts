import type { AppearanceAct } from '../../../shared/people';
import { defineCommand, JSON_OPTION, printJson, reportError, UsageError } from '../command';
import { oneLine } from '../format';
import { EXIT } from '../io';
import { printActor } from './people';

// `casefile person KEY`: one person or body from the people index — every case it is named
// in, and what it did there, oldest first.

export default defineCommand({
  name: 'person',
  usage: 'person KEY [--confidential] [--json]',
  summary: 'one person or body: every case it appears in and what it did there',
  options: {
    confidential: { type: 'boolean', feeds: 'people.get.includeConfidential', about: 'include what confidential fields say (the lawyer, a confidential decision or event)' },
    json: JSON_OPTION,
  },
  plan(args, values, io) {
    const [key, ...rest] = args;
    if (key === undefined) throw new UsageError('person needs a key from casefile people, e.g. casefile person "n:almaty city court"');
    if (rest.length > 0) throw new UsageError(`person takes one key (got also "${rest.join(' ')}"); quote a key with spaces`);
    return async (dispatch) => {
      const result = await dispatch('people.get', { key, ...(values.confidential ? { includeConfidential: true } : {}) });
      if (!result.ok) return reportError(io, result.error);
      if (values.json) {
        printJson(io, result.value);
        return EXIT.ok;
      }
      printActor(io, result.value);
      for (const a of result.value.appearances) {
        io.stdout(`  ${a.date ?? '(no date)'}  ${a.caseId}  ${oneLine(a.caseTitle)}`);
        io.stdout(`    ${a.role}: ${actWords(a.act)}${a.what ? ` — ${oneLine(a.what)}` : ''}  — as "${oneLine(a.spelling)}" at ${a.path.join('.')}${a.confidential ? '  [CONFIDENTIAL]' : ''}`);
      }
      return EXIT.ok;
    };
  },
});

/** The act in the command line's plain English: "decision verdict, prison 7y", "measure suspension (in force)". */
function actWords(act: AppearanceAct): string {
  const w = (s: string) => s.replaceAll('_', ' ');
  switch (act.kind) {
    case 'decision': {
      const term = act.penalty?.term ? ` ${[act.penalty.term.years && `${act.penalty.term.years}y`, act.penalty.term.months && `${act.penalty.term.months}m`, act.penalty.term.days && `${act.penalty.term.days}d`].filter(Boolean).join(' ')}` : '';
      return `decision ${w(act.stage)}${act.penalty ? `, ${w(act.penalty.type)}${term}` : ''}`;
    }
    case 'detention': return `detention (${w(act.status)})`;
    case 'recognition': return `recognition (${w(act.label)})`;
    case 'measure': return `measure ${w(act.type)} (${w(act.status)})`;
    case 'event': return `event (${w(act.type)})`;
    default: return act.kind;
  }
}
