import { GLOBAL_OPTIONS, type Command, type OptionSpec } from './command';
import { COMMANDS } from './commands';

// The help, printed from the command modules' own declarations so it cannot drift from what the parser accepts.

const COLUMN = 52;

const FOOTER = `The data folder is --data-dir, else $CASEFILE_DATA_DIR, else the desktop app's folder.
An encrypted folder opens with $CASEFILE_PASSPHRASE, else a passphrase typed at the prompt
(never on the command line); a new one comes from $CASEFILE_NEW_PASSPHRASE or is typed twice.
Exit codes: 0 ok, 1 other failure, 2 bad input (nothing written), 3 conflict, 4 data folder in use,
5 the data folder is encrypted and no passphrase was given.`;

/** A usage line and its summary in two columns; a usage too long for its column puts the summary on the next line. */
function row(usage: string, summary: string): string {
  const left = `  ${usage}`;
  return left.length < COLUMN ? `${left.padEnd(COLUMN)} ${summary}` : `${left}\n${' '.repeat(COLUMN + 1)}${summary}`;
}

/** `casefile help`: every command's usage line and what it does. */
export function generalUsage(commands: readonly Command[] = COMMANDS): string {
  return [
    'Usage: casefile [--data-dir DIR] <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => row(c.usage, c.summary)),
    row('help [COMMAND]', 'this help, or a command’s own with its options'),
    '',
    FOOTER,
  ].join('\n');
}

function optionLine(name: string, spec: OptionSpec): string {
  const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}${spec.multiple ? ' …' : ''}`;
  return row(flag, spec.about);
}

/** `casefile <command> --help`, and what a wrong flag prints: the command's usage and its options. */
export function commandUsage(command: Command): string {
  const options = Object.entries(command.options);
  return [
    `Usage: casefile [--data-dir DIR] ${command.usage}`,
    '',
    command.summary,
    ...(command.details ? [command.details] : []),
    '',
    ...(options.length > 0 ? ['Options:', ...options.map(([name, spec]) => optionLine(name, spec)), ''] : []),
    'Every command takes:',
    ...Object.entries(GLOBAL_OPTIONS).map(([name, spec]) => optionLine(name, spec)),
  ].join('\n');
}
