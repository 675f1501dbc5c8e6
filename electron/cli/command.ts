import { statSync } from 'node:fs';
import path from 'node:path';
import { formatIssue, type ApiError } from '../../shared/errors';
import { capIssues, isCapNote } from '../../shared/issueCap';
import type { Dispatch } from '../services/dispatch';
import { writeFileDurably } from '../services/disk/durableFile';
import { EXIT, type CliIo } from './io';

// What a command of the command line is: one module per command under commands/,
// each with its own options declared as data. The dispatcher (run.ts) parses the
// command line against those options only, so a flag of another command is refused
// instead of silently ignored, and the help is printed from the same declarations.

export type OptionSpec = {
  type: 'string' | 'boolean';
  short?: string;
  /** May be given more than once (each value kept); otherwise a second one is refused. */
  multiple?: boolean;
  /** The value's placeholder in the help (FILE, K…); string options only. */
  value?: string;
  /** The contract input field the option feeds (`cases.list.kind`), when it feeds one. */
  feeds?: string;
  /** One line for the command's help. */
  about: string;
};

export type Options = Readonly<Record<string, OptionSpec>>;

export type ValuesOf<O extends Options> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K]['multiple'] extends true ? string[] : string;
};

/** A command's work once its arguments are checked: given the dispatcher of the open folder, it returns the exit code. */
export type Planned = (dispatch: Dispatch) => Promise<number>;
/** A command that opens the data folder its own way (migrate; the vault commands, which ask for passphrases first). */
export type OwnRun = { own: (dataDir: string) => Promise<number> };

export type Command<O extends Options = Options> = {
  name: string;
  /** The command line after `casefile`, e.g. `list [--kind K] [--status S] [--json]`. */
  usage: string;
  /** One line: what it does. */
  summary: string;
  /** More lines for the command's own help. */
  details?: string;
  options: O;
  /** Checks the arguments (throwing UsageError) before the data folder is touched: a typo must not take the lock. */
  plan(args: string[], values: ValuesOf<O>, io: CliIo): Planned | OwnRun;
};

export const defineCommand = <const O extends Options>(command: Command<O>): Command<O> => command;

/** Bad arguments: reported with exit 2, before anything is opened. */
export class UsageError extends Error {}

/** Options every command takes, wherever they stand on the line. */
export const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string', value: 'DIR', about: 'the data folder (else $CASEFILE_DATA_DIR, else the desktop app’s folder)' },
  help: { type: 'boolean', short: 'h', about: 'print this help' },
  version: { type: 'boolean', about: 'print the version of Casefile' },
} as const satisfies Options;

export const JSON_OPTION = { type: 'boolean', about: 'print the result as JSON' } as const satisfies OptionSpec;

export function exactlyOne(command: string, args: string[], what: string): string {
  if (args.length !== 1) throw new UsageError(`${command} takes exactly one ${what}`);
  return args[0]!;
}

export function noArguments(command: string, args: string[]): void {
  if (args.length > 0) throw new UsageError(`${command} takes no arguments (got "${args.join(' ')}")`);
}

export function pick<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of: ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export const printJson = (io: CliIo, value: unknown) => io.stdout(JSON.stringify(value, null, 2));

/**
 * Where a command will write its output: checked before anything is read or
 * rendered, so a mistyped folder fails at once instead of after a long brief.
 */
export function outputFile(cwd: string, given: string): string {
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
export async function writeOutput(io: CliIo, file: string, data: string | Uint8Array): Promise<boolean> {
  try {
    await writeFileDurably(file, data);
    return true;
  } catch (err) {
    io.stderr(`casefile: cannot write ${file}: ${(err as Error).message}`);
    return false;
  }
}

// An unknown case id is bad input like any other wrong argument: nothing was read or written.
const exitFor = (error: ApiError): number =>
  error.code === 'bad_input' || error.code === 'not_found' ? EXIT.badInput
  : error.code === 'conflict' ? EXIT.conflict
  : error.code === 'locked' ? EXIT.locked
  : error.code === 'encrypted' ? EXIT.encrypted
  : EXIT.failure;

/** Prints a refused operation and its faults by JSON path; returns the exit code its error code means. */
export function reportError(io: CliIo, error: ApiError, stripRoot?: string, headline?: string): number {
  io.stderr(`casefile: ${headline ?? error.message}`);
  // Capped here too: whatever a door hands over, a terminal gets the first hundred faults and a count.
  for (const issue of capIssues(error.issues ?? [])) {
    const p = stripRoot && issue.path[0] === stripRoot ? issue.path.slice(1) : issue.path;
    io.stderr(`  ${isCapNote(issue) ? issue.message : formatIssue({ path: p, message: issue.message })}`);
  }
  return exitFor(error);
}
