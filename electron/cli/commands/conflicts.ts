import type { ConflictDetail, ConflictSummary } from '../../../shared/conflicts';
import { defineCommand, JSON_OPTION, pick, printJson, reportError, UsageError } from '../command';
import { oneLine } from '../format';
import type { CliIo } from '../io';

// `casefile conflicts`: Syncthing's conflict copies not yet settled — listed, one shown
// field by field, or settled by keeping this folder's version, the other device's, or
// both as two cases. The version not kept goes into the case's history; a merge field
// by field is the window's (Conflicts view).

const OPTIONS = {
  json: JSON_OPTION,
  keep: { type: 'string', value: 'current|copy|both', feeds: 'conflicts.resolve.keep', about: 'resolve: keep this folder’s version, the copy, or both as two cases' },
} as const;

const KEEP = ['current', 'copy', 'both'] as const;

function side(s: ConflictSummary['current']): string {
  return [s.rev !== undefined ? `rev ${s.rev}` : null, s.savedAt ? `saved ${s.savedAt}` : null, s.device ? `device ${s.device}` : null].filter(Boolean).join(', ') || '—';
}

function printList(io: CliIo, list: readonly ConflictSummary[]): void {
  if (list.length === 0) {
    io.stdout('No unresolved sync conflicts.');
    return;
  }
  io.stdout(`${list.length} unresolved sync conflict(s):`);
  for (const c of list) {
    const what = c.kind === 'case' ? `case "${c.title ?? c.caseId}"${c.where === 'trash' ? ' (in the Trash)' : ''}` : c.kind;
    io.stdout(`  ${c.file}`);
    io.stdout(`    ${what}: this folder ${side(c.current)} · copy ${side(c.copy)}`);
    if (!c.valid) io.stdout(`    not usable: ${oneLine(c.problem ?? '')}`);
  }
  io.stdout('Show one with `casefile conflicts show FILE`; settle it with `casefile conflicts resolve FILE --keep current|copy|both`.');
}

function printDetail(io: CliIo, d: ConflictDetail): void {
  printList(io, [d.conflict]);
  if (d.changes.length === 0) io.stdout('The two versions hold the same fields.');
  else io.stdout('Differences (this folder → copy):');
  for (const ch of d.changes) io.stdout(`  ${ch.path}: ${ch.old === undefined ? '—' : oneLine(JSON.stringify(ch.old))} → ${ch.new === undefined ? '—' : oneLine(JSON.stringify(ch.new))}`);
}

export default defineCommand({
  name: 'conflicts',
  usage: 'conflicts [list] [--json] · show FILE [--json] · resolve FILE --keep current|copy|both [--json]',
  summary: 'list, show or settle the sync conflicts Syncthing left in the data folder',
  details: 'The version not kept goes into the case’s history; the copy is removed only after the case is saved.',
  options: OPTIONS,
  plan(args, values, io) {
    const [action = 'list', file, ...rest] = args;
    if (rest.length > 0) throw new UsageError(`conflicts ${action}: too many arguments ("${rest.join(' ')}")`);
    if (action === 'list') {
      if (file !== undefined) throw new UsageError('conflicts list takes no arguments');
      if (values.keep !== undefined) throw new UsageError('--keep goes with conflicts resolve FILE');
      return async (dispatch) => {
        const result = await dispatch('conflicts.list', {});
        if (!result.ok) return reportError(io, result.error);
        if (values.json) printJson(io, result.value);
        else printList(io, result.value);
        return 0;
      };
    }
    if (action !== 'show' && action !== 'resolve') throw new UsageError(`conflicts: unknown action "${action}"; expected list, show FILE or resolve FILE --keep current|copy|both`);
    if (file === undefined) throw new UsageError(`conflicts ${action} takes the FILE conflicts list names (e.g. cases/ID.sync-conflict-20261207-101502-7XK3ABC.json)`);
    if (action === 'show') {
      if (values.keep !== undefined) throw new UsageError('--keep goes with conflicts resolve FILE');
      return async (dispatch) => {
        const result = await dispatch('conflicts.get', { file });
        if (!result.ok) return reportError(io, result.error);
        if (values.json) printJson(io, result.value);
        else printDetail(io, result.value);
        return 0;
      };
    }
    const keep = pick(values.keep, KEEP, '--keep');
    if (keep === undefined) throw new UsageError('conflicts resolve needs --keep current|copy|both');
    return async (dispatch) => {
      const result = await dispatch('conflicts.resolve', { file, keep });
      if (!result.ok) return reportError(io, result.error);
      const r = result.value;
      if (values.json) printJson(io, r);
      else {
        io.stdout(`Settled ${r.file}: kept ${keep === 'both' ? 'both versions' : keep === 'copy' ? 'the copy' : 'this folder’s version'}.`);
        if (r.caseId && r.rev !== undefined) io.stdout(`Case ${r.caseId} is now at revision ${r.rev}; the version not kept is in its history.`);
        if (r.newCaseId) io.stdout(`The copy is now case ${r.newCaseId}.`);
      }
      return 0;
    };
  },
});
