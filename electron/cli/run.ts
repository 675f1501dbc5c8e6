import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue, type ApiError } from '../../shared/errors';
import { OnConflict } from '../../shared/contract';
import { AnnotationState, CaseKind, CaseStatus, IsoDay, Priority, type AgendaRow, type CaseFile } from '../../shared/model';
import { createDispatcher, type Dispatch } from '../services/dispatch';
import { ServiceError } from '../services/errors';
import { capIssues, isCapNote } from '../../shared/issueCap';
import { APP_VERSION } from '../services/handlers';
import type { Session } from '../services/session';
import { resolveDataDir } from '../services/paths';
import { writeFileDurably } from '../services/disk/durableFile';
import { formatAuditEntry, formatBytes, formatCase, formatTable, forTerminal, markSnippet, oneLine } from './format';
import { fileProgress, isFolderCommand, openSessionForCli, runFolderCommand } from './encryption';
import { runMigrate } from './migrate';
import { BRIEF_OPTIONS, BRIEF_USAGE, planBrief } from './brief';
import { planSettings, SETTINGS_OPTIONS, SETTINGS_USAGE } from './settings';
import { EXIT, type CliIo } from './io';
export { EXIT, type CliIo } from './io';


// An unknown case id is bad input like any other wrong argument: nothing was read or written.
const exitFor = (error: ApiError): number =>
  error.code === 'bad_input' || error.code === 'not_found' ? EXIT.badInput
  : error.code === 'conflict' ? EXIT.conflict
  : error.code === 'locked' ? EXIT.locked
  : error.code === 'encrypted' ? EXIT.encrypted
  : EXIT.failure;

export const USAGE = `Usage: casefile [--data-dir DIR] <command> [options]

Commands:
  import FILE [--on-conflict fail|newer|keep-both]   import a bundle (validated whole first)
  export FILE [--id ID ...] [--history]              write a bundle of all cases, or of the given ones;
                                                     --history adds each case's change history
  list [--kind K] [--status S] [--json]              list cases
  show ID [--json]                                   show one case
  annotations ID [--json]                            a case's annotations: anchored, changed (to review),
                                                     orphaned or notes, with quotes
  search QUERY [--limit N] [--kind K] [--status S] [--priority P] [--tag T] [--json]
                                                     find cases in any script or spelling
${BRIEF_USAGE}
  agenda [--today YYYY-MM-DD] [--json]               open deadlines, coming hearings and follow-ups
                                                     across all cases, overdue first
  history ID [--json]                                a case's saved changes: when, which fields, old → new
  verify                                             check every file in the data folder
  backup [--copy-to DIR]                             take a snapshot of the data folder now; with --copy-to,
                                                     also copy it (and an encrypted folder's key file) to
                                                     a new folder in DIR — a USB drive — read back and checked
  backups [--json]                                   list the snapshots, newest first
  restore SNAPSHOT                                   put the folder back as SNAPSHOT holds it (the
                                                     current state is snapshotted first)
  recover FILE                                       replace a quarantined case file by the newest
                                                     valid copy in the snapshots
  encrypt                                            encrypt the data folder with a new passphrase
  change-passphrase                                  change the passphrase (no file is rewritten)
  decrypt                                            turn an encrypted data folder back into plain files
  info [--json]                                      show the data folder and what it holds
${SETTINGS_USAGE}
  migrate [--check] [--json]                         migrate the data folder to the case model this Casefile
                                                     writes (a snapshot is taken first); --check reports what
                                                     each case would become, and any fault, writing nothing

The data folder is --data-dir, else $CASEFILE_DATA_DIR, else the desktop app's folder.
An encrypted folder opens with $CASEFILE_PASSPHRASE, else a passphrase typed at the prompt
(never on the command line); a new one comes from $CASEFILE_NEW_PASSPHRASE or is typed twice.
Exit codes: 0 ok, 1 other failure, 2 bad input (nothing written), 3 conflict, 4 data folder in use,
5 the data folder is encrypted and no passphrase was given.`;

const OPTIONS = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  kind: { type: 'string' },
  status: { type: 'string' },
  id: { type: 'string', multiple: true },
  'on-conflict': { type: 'string' },
  out: { type: 'string', short: 'o' },
  tag: { type: 'string', multiple: true },
  'prepared-by': { type: 'string' },
  'copy-to': { type: 'string' },
  priority: { type: 'string' },
  history: { type: 'boolean' },
  limit: { type: 'string' },
  today: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  check: { type: 'boolean' },
  ...SETTINGS_OPTIONS,
  ...BRIEF_OPTIONS,
} as const;

class UsageError extends Error {}

/**
 * Where a command will write its output: checked before anything is read or
 * rendered, so a mistyped folder fails at once instead of after a long brief.
 */
function outputFile(cwd: string, given: string): string {
  const file = path.resolve(cwd, given);
  const folder = path.dirname(file);
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new UsageError(`cannot write ${file}: the folder ${folder} does not exist`);
  return file;
}

/** Writes a command's output durably; a refusal by the disk is reported, not thrown. */
async function writeOutput(io: CliIo, file: string, data: string | Uint8Array): Promise<boolean> {
  try {
    await writeFileDurably(file, data);
    return true;
  } catch (err) {
    io.stderr(`casefile: cannot write ${file}: ${(err as Error).message}`);
    return false;
  }
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of: ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

function reportError(io: CliIo, error: ApiError, stripRoot?: string, headline?: string): number {
  io.stderr(`casefile: ${headline ?? error.message}`);
  // Capped here too: whatever a door hands over, a terminal gets the first hundred faults and a count.
  for (const issue of capIssues(error.issues ?? [])) {
    const p = stripRoot && issue.path[0] === stripRoot ? issue.path.slice(1) : issue.path;
    io.stderr(`  ${isCapNote(issue) ? issue.message : formatIssue({ path: p, message: issue.message })}`);
  }
  return exitFor(error);
}

/** The same io, with every line made safe for a terminal (see forTerminal); JSON stays JSON of the same values. */
const terminalSafe = (io: CliIo): CliIo => ({ ...io, stdout: (text) => io.stdout(forTerminal(text)), stderr: (text) => io.stderr(forTerminal(text)) });

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafe(rawIo);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    io.stderr(`casefile: ${(err as Error).message}\n\n${USAGE}`);
    return EXIT.badInput;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.version) {
    io.stdout(APP_VERSION);
    return EXIT.ok;
  }
  if (values.help || !command || command === 'help') {
    io.stdout(USAGE);
    return command || values.help ? EXIT.ok : EXIT.badInput;
  }
  const commands = ['import', 'export', 'list', 'show', 'search', 'annotations', 'brief', 'agenda', 'verify', 'info', 'history', 'backup', 'backups', 'restore', 'recover', 'settings'];
  if (!commands.includes(command) && !isFolderCommand(command) && command !== 'migrate') {
    io.stderr(`casefile: unknown command "${command}"\n\n${USAGE}`);
    return EXIT.badInput;
  }
  if (command === 'migrate') {
    if (rest.length > 0) {
      io.stderr(`casefile: migrate takes no arguments (got "${rest.join(' ')}")`);
      return EXIT.badInput;
    }
    try {
      return await runMigrate(resolveDataDir(values['data-dir'] ? path.resolve(io.cwd, values['data-dir']) : undefined, io.env), { check: values.check === true, json: values.json === true }, io);
    } catch (err) {
      if (err instanceof ServiceError) return reportError(io, err.toApiError());
      throw err;
    }
  }
  if (isFolderCommand(command)) {
    if (rest.length > 0) {
      io.stderr(`casefile: ${command} takes no arguments (got "${rest.join(' ')}")`);
      return EXIT.badInput;
    }
    try {
      return await runFolderCommand(command, resolveDataDir(values['data-dir'] ? path.resolve(io.cwd, values['data-dir']) : undefined, io.env), io);
    } catch (err) {
      if (err instanceof ServiceError) return reportError(io, err.toApiError());
      throw err;
    }
  }

  // Arguments are checked before the data folder is touched: a typo must not take the lock.
  let run: (dispatch: Dispatch) => Promise<number>;
  try {
    run = plan(command, rest, values, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`casefile: ${err.message}`);
      return EXIT.badInput;
    }
    throw err;
  }

  const dataDir = resolveDataDir(values['data-dir'] ? path.resolve(io.cwd, values['data-dir']) : undefined, io.env);
  let session: Session;
  try {
    session = await openSessionForCli(dataDir, io);
  } catch (err) {
    if (err instanceof ServiceError) return reportError(io, err.toApiError());
    throw err;
  }
  try {
    for (const q of session.store?.quarantinedNow ?? []) io.stderr(`casefile: warning: quarantined ${q.reason} (moved to ${q.file})`);
    const dispatch = createDispatcher(session.handlers, {
      onInternalError: (op, err) => io.stderr(`casefile: internal error in ${op}: ${(err as Error)?.stack ?? String(err)}`),
    });
    return await run(dispatch);
  } finally {
    await session.close();
  }
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function plan(command: string, args: string[], values: Values, io: CliIo): (dispatch: Dispatch) => Promise<number> {
  const one = (what: string) => {
    if (args.length !== 1) throw new UsageError(`${command} takes exactly one ${what}`);
    return args[0]!;
  };
  const none = () => {
    if (args.length > 0) throw new UsageError(`${command} takes no arguments (got "${args.join(' ')}")`);
  };
  const print = (value: unknown) => io.stdout(JSON.stringify(value, null, 2));

  switch (command) {
    case 'import': {
      const file = path.resolve(io.cwd, one('bundle file'));
      const onConflict = pick(values['on-conflict'], OnConflict.options, '--on-conflict') ?? 'fail';
      return async (dispatch) => {
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch (err) {
          io.stderr(`casefile: cannot read ${file}: ${(err as Error).message}`);
          return EXIT.badInput;
        }
        // The bytes go as they are: decoding, parsing and checking happen in a worker, with limits.
        const result = await dispatch('bundle.import', { file: { fileName: path.basename(file), dataBase64: bytes.toString('base64') }, onConflict });
        if (!result.ok) {
          const headline = result.error.code === 'bad_input' && result.error.issues?.length ? `${path.basename(file)} was refused; nothing was stored. Faults by JSON path:` : undefined;
          return reportError(io, result.error, 'bundle', headline);
        }
        if (values.json) print(result.value);
        else {
          for (const r of result.value.results) io.stdout(`${r.action.padEnd(8)} ${r.id}  ${oneLine(r.title)}${r.note ? `  (${oneLine(r.note)})` : ''}`);
          const stored = result.value.results.filter((r) => r.action !== 'skipped').length;
          io.stdout(`Imported ${stored} of ${result.value.results.length} case(s) from ${path.basename(file)}.`);
        }
        return EXIT.ok;
      };
    }
    case 'export': {
      const file = outputFile(io.cwd, one('output file'));
      return async (dispatch) => {
        const result = await dispatch('bundle.export', { ...(values.id ? { ids: values.id } : {}), history: values.history === true });
        if (!result.ok) return reportError(io, result.error);
        if (!(await writeOutput(io, file, `${JSON.stringify(result.value, null, 2)}\n`))) return EXIT.failure;
        io.stdout(`Exported ${result.value.cases.length} case(s) to ${file}.`);
        return EXIT.ok;
      };
    }
    case 'list': {
      none();
      const kind = pick(values.kind, CaseKind.options, '--kind');
      const status = pick(values.status, CaseStatus.options, '--status');
      return async (dispatch) => {
        const result = await dispatch('cases.list', { kind, status });
        if (!result.ok) return reportError(io, result.error);
        if (values.json) print(result.value);
        else if (result.value.length === 0) io.stdout('No cases.');
        else io.stdout(formatTable(['ID', 'KIND', 'STATUS', 'REV', 'TITLE'], result.value.map((c) => [c.id, c.kind, c.status, String(c.rev), c.title])));
        return EXIT.ok;
      };
    }
    case 'show': {
      const id = one('case id');
      return async (dispatch) => {
        const result = await dispatch('cases.get', { id });
        if (!result.ok) return reportError(io, result.error);
        if (values.json) print(result.value);
        else io.stdout(formatCase(result.value as CaseFile));
        return EXIT.ok;
      };
    }
    case 'search': {
      if (args.length === 0) throw new UsageError('search needs a query, e.g. casefile search Tokayev');
      const query = args.join(' ');
      const limit = values.limit === undefined ? 20 : Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new UsageError(`--limit must be a whole number from 1 to 500 (got "${values.limit}")`);
      const kind = pick(values.kind, CaseKind.options, '--kind');
      const status = pick(values.status, CaseStatus.options, '--status');
      const priority = pick(values.priority, Priority.options, '--priority');
      if ((values.tag?.length ?? 0) > 1) throw new UsageError('search takes one --tag');
      const tag = values.tag?.[0];
      return async (dispatch) => {
        const result = await dispatch('search.query', { query, limit, kind, status, priority, ...(tag !== undefined ? { tag } : {}) });
        if (!result.ok) return reportError(io, result.error);
        if (values.json) print(result.value);
        else if (result.value.length === 0) io.stdout(`Nothing found for "${query}".`);
        else {
          for (const hit of result.value) {
            io.stdout(`${hit.id}  ${oneLine(hit.title)}  (${hit.field}, score ${hit.score.toFixed(1)})${hit.confidential ? '  [CONFIDENTIAL]' : ''}`);
            io.stdout(`    ${markSnippet(hit.snippet, hit.highlights)}`);
          }
        }
        return EXIT.ok;
      };
    }
    case 'annotations': {
      const id = one('case id');
      return async (dispatch) => {
        const result = await dispatch('annotations.list', { id });
        if (!result.ok) return reportError(io, result.error);
        if (values.json) print(result.value);
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
    }
    case 'brief':
      return planBrief(args, values, io, {
        usage: (message) => new UsageError(message),
        report: (error) => reportError(io, error),
        outputFile: (given) => outputFile(io.cwd, given),
        writeOutput: (file, data) => writeOutput(io, file, data),
        pick,
      });
    case 'agenda': {
      none();
      const today = values.today;
      if (today !== undefined && !IsoDay.safeParse(today).success) throw new UsageError(`--today must be a day as YYYY-MM-DD (got "${today}")`);
      return async (dispatch) => {
        const result = await dispatch('agenda.list', today ? { today } : {});
        if (!result.ok) return reportError(io, result.error);
        if (values.json) print(result.value);
        else if (result.value.length === 0) io.stdout('Nothing on the agenda: no open deadlines, coming hearings or follow-ups.');
        else {
          const label = { deadline: 'deadline', hearing: 'hearing', followUp: 'follow-up' } as const;
          const when = (r: AgendaRow) =>
            r.overdue ? `OVERDUE ${-r.daysLeft}d` : r.daysLeft === 0 ? 'today' : r.mayBeDue ? `MAY BE DUE, ≤ ${r.daysLeft}d` : `in ${r.daysLeft}d`;
          io.stdout(formatTable(
            ['DATE', 'DUE BY', 'WHEN', 'KIND', 'CASE', 'WHAT'],
            result.value.map((r) => [r.date, r.dueBy, when(r), label[r.kind], `${r.caseTitle} (${r.caseId})`, r.title]),
          ));
          const overdue = result.value.filter((r) => r.overdue).length;
          io.stdout(`${result.value.length} item(s), ${overdue} overdue.`);
        }
        return EXIT.ok;
      };
    }
    case 'verify': {
      none();
      return async (dispatch) => {
        const result = await dispatch('store.verify', {});
        if (!result.ok) return reportError(io, result.error);
        const report = result.value;
        if (values.json) print(report);
        else {
          if (report.ok) io.stdout(`All well: ${report.checkedFiles} file(s) checked.`);
          else {
            io.stdout(`${report.problems.length} problem(s) in ${report.checkedFiles} file(s) checked:`);
            for (const p of report.problems) io.stdout(`  ${p.file}: ${oneLine(p.message)}`);
          }
          for (const w of report.warnings) io.stdout(`  warning: ${w.file}: ${oneLine(w.message)}`);
        }
        return report.ok ? EXIT.ok : EXIT.failure;
      };
    }
    case 'history': {
      const id = one('case id');
      return async (dispatch) => {
        const result = await dispatch('cases.history', { id });
        if (!result.ok) return reportError(io, result.error);
        if (values.json) print(result.value);
        else if (result.value.length === 0) io.stdout('No recorded changes.');
        else for (const entry of result.value) io.stdout(formatAuditEntry(entry));
        return EXIT.ok;
      };
    }
    case 'backup': {
      none();
      const copyTo = values['copy-to'];
      if (copyTo !== undefined) {
        return async (dispatch) => {
          const result = await dispatch('backups.copyOut', { dir: path.resolve(io.cwd, copyTo) }, { onProgress: fileProgress(io, 'Backing up') });
          if (!result.ok) return reportError(io, result.error);
          const r = result.value;
          io.stdout(`Copied to ${r.folder}: ${r.files.join(', ')} (read back and checked).`);
          io.stdout(
            r.encrypted
              ? 'It holds the key file, wrapped by the present passphrase: keep it as safe as the passphrase. To restore, see RESTORE.txt in it.'
              : 'The folder is not encrypted, so neither is this copy. To restore, see RESTORE.txt in it.',
          );
          return EXIT.ok;
        };
      }
      return async (dispatch) => {
        const result = await dispatch('backups.create', {}, { onProgress: fileProgress(io, 'Backing up') });
        if (!result.ok) return reportError(io, result.error);
        const s = result.value;
        io.stdout(`Snapshot ${s.name}: ${s.cases} case(s), ${s.trashed} in the Trash, ${formatBytes(s.bytes)}.`);
        return EXIT.ok;
      };
    }
    case 'backups': {
      none();
      return async (dispatch) => {
        const result = await dispatch('backups.list', {});
        if (!result.ok) return reportError(io, result.error);
        if (values.json) print(result.value);
        else if (result.value.length === 0) io.stdout('No snapshots yet. `casefile backup` takes one.');
        else {
          io.stdout(
            formatTable(
              ['SNAPSHOT', 'TAKEN', 'WHY', 'CASES', 'SIZE'],
              result.value.map((s) => [s.name, s.createdAt.replace('T', ' ').slice(0, 19), s.reason, String(s.cases), formatBytes(s.bytes)]),
            ),
          );
          // Checked as they are listed: a damaged one is named, never shown as fine.
          for (const s of result.value) if (s.problem !== undefined) io.stdout(`DAMAGED: ${s.name} cannot be restored (${s.problem}).`);
        }
        return EXIT.ok;
      };
    }
    case 'restore': {
      const name = path.basename(one('snapshot name'));
      return async (dispatch) => {
        const result = await dispatch('backups.restore', { name }, { onProgress: fileProgress(io, 'Restoring') });
        if (!result.ok) return reportError(io, result.error);
        io.stdout(`Restored ${result.value.restored.name} (${result.value.restored.cases} case(s)). The state before the restore is in ${result.value.safetySnapshot.name}.`);
        return EXIT.ok;
      };
    }
    case 'settings':
      return planSettings(args, values, io, { usage: (message) => new UsageError(message), report: (error) => reportError(io, error) });
    case 'recover': {
      const file = one('quarantined file');
      return async (dispatch) => {
        const result = await dispatch('backups.recover', { file });
        if (!result.ok) return reportError(io, result.error);
        const r = result.value;
        io.stdout(`Recovered "${oneLine(r.title)}" (${r.id}) at revision ${r.rev} from ${r.snapshot}.`);
        return EXIT.ok;
      };
    }
    default: {
      none();
      return async (dispatch) => {
        const result = await dispatch('app.info', {});
        if (!result.ok) return reportError(io, result.error);
        const info = result.value;
        if (values.json) print(info);
        else {
          io.stdout(`${info.name} ${info.version}\nData folder: ${info.dataDir} (layout ${info.schemaVersion}${info.encrypted ? ', encrypted' : ''})\nCases: ${info.caseCount}, in the Trash: ${info.trashCount}, quarantined files: ${info.quarantined.length}`);
        }
        return EXIT.ok;
      };
    }
  }
}
