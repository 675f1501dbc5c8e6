import { ActorRole, ActorType, type ActorSummary } from '../../../shared/people';
import { defineCommand, JSON_OPTION, pick, printJson, reportError, UsageError } from '../command';
import { oneLine } from '../format';
import { EXIT, type CliIo } from '../io';

// `casefile people`: the people and bodies that recur across cases (the people index), and
// the team's corrections to it: `people merge KEY KEY…` joins actors the spellings did not
// (two languages' names of one court), `people split KEY SPELLING…` parts them again.

const OPTIONS = {
  role: { type: 'string', value: 'R', feeds: 'people.list.role', about: `only actors with this role: ${ActorRole.options.join(', ')}` },
  type: { type: 'string', value: 'person|body', feeds: 'people.list.type', about: 'only people, or only bodies' },
  text: { type: 'string', value: 'T', feeds: 'people.list.text', about: 'only actors with a spelling that matches, in any script' },
  'min-cases': { type: 'string', value: 'N', feeds: 'people.list.minCases', about: 'only actors named in at least N cases (2: recurring)' },
  limit: { type: 'string', value: 'N', feeds: 'people.list.limit', about: 'at most N actors' },
  confidential: { type: 'boolean', feeds: 'people.list.includeConfidential', about: 'include actors named only in confidential fields (the lawyer)' },
  name: { type: 'string', value: 'NAME', feeds: 'people.merge.name', about: 'merge: the name the merged actor is shown by' },
  json: JSON_OPTION,
} as const;

function whole(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`${flag} must be a whole number from 1 to ${max} (got "${value}")`);
  return n;
}

export function printActor(io: CliIo, a: ActorSummary): void {
  const marks = [a.curated ? 'merged/split by hand' : '', a.confidentialOnly ? 'CONFIDENTIAL' : ''].filter(Boolean).join(', ');
  io.stdout(`${a.key}  ${oneLine(a.name)}  (${a.type}: ${a.roles.join(', ')}; ${a.caseCount} case(s), ${a.appearanceCount} mention(s))${marks ? `  [${marks}]` : ''}`);
  if (a.spellings.length > 1) io.stdout(`    spellings: ${a.spellings.map(oneLine).join(' · ')}`);
}

export default defineCommand({
  name: 'people',
  usage: 'people [--role R] [--type person|body] [--text T] [--min-cases N] [--limit N] [--confidential] [--json] · merge KEY KEY… [--name NAME] · split KEY SPELLING…',
  summary: 'the people and bodies that recur across cases; merge or split them by hand',
  details: 'Keys are those the list prints (n:… or g:…). The lawyer and whatever a confidential decision or event names are left out unless --confidential.',
  options: OPTIONS,
  plan(args, values, io) {
    const [action, ...rest] = args;
    const listFlags = (['role', 'type', 'text', 'min-cases', 'limit', 'confidential'] as const).filter((f) => values[f] !== undefined);
    if (action === 'merge' || action === 'split') {
      if (listFlags.length > 0) throw new UsageError(`--${listFlags[0]} goes with the list (casefile people), not people ${action}`);
      if (action === 'merge') {
        if (rest.length < 2) throw new UsageError('people merge needs two or more keys from casefile people, e.g. casefile people merge n:almaty city court g:3f2a…');
        return async (dispatch) => {
          const result = await dispatch('people.merge', { keys: rest, ...(values.name !== undefined ? { name: values.name } : {}) });
          if (!result.ok) return reportError(io, result.error);
          if (values.json) printJson(io, result.value);
          else {
            io.stdout('Merged:');
            printActor(io, result.value);
          }
          return EXIT.ok;
        };
      }
      if (values.name !== undefined) throw new UsageError('--name goes with people merge');
      const [key, ...spellings] = rest;
      if (key === undefined || spellings.length === 0) throw new UsageError('people split needs a key and one or more of its spellings, e.g. casefile people split g:3f2a… "Almaty City Court"');
      return async (dispatch) => {
        const result = await dispatch('people.split', { key, spellings });
        if (!result.ok) return reportError(io, result.error);
        if (values.json) printJson(io, result.value);
        else {
          io.stdout('Kept:');
          printActor(io, result.value.kept);
          io.stdout('Split off:');
          printActor(io, result.value.split);
        }
        return EXIT.ok;
      };
    }
    if (action !== undefined) throw new UsageError(`people: unknown action "${action}"; expected no action (the list), merge KEY KEY… or split KEY SPELLING… (a text to look for goes in --text)`);
    if (values.name !== undefined) throw new UsageError('--name goes with people merge');
    const role = pick(values.role, ActorRole.options, '--role');
    const type = pick(values.type, ActorType.options, '--type');
    const minCases = whole(values['min-cases'], '--min-cases', 1_000_000);
    const limit = whole(values.limit, '--limit', 10_000);
    const query = {
      ...(role ? { role } : {}),
      ...(type ? { type } : {}),
      ...(values.text !== undefined ? { text: values.text } : {}),
      ...(minCases ? { minCases } : {}),
      ...(limit ? { limit } : {}),
      ...(values.confidential ? { includeConfidential: true } : {}),
    };
    return async (dispatch) => {
      const result = await dispatch('people.list', query);
      if (!result.ok) return reportError(io, result.error);
      if (values.json) printJson(io, result.value);
      else if (result.value.length === 0) io.stdout('No person or body matches.');
      else for (const a of result.value) printActor(io, a);
      return EXIT.ok;
    };
  },
});
