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
        io.stdout(`    ${a.role}: ${oneLine(a.what)}  — as "${oneLine(a.spelling)}" at ${a.path.join('.')}${a.confidential ? '  [CONFIDENTIAL]' : ''}`);
      }
      return EXIT.ok;
    };
  },
});
