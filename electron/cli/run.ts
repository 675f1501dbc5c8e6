import path from 'node:path';
import { APP_VERSION } from '../services/handlers';
import { ServiceError } from '../services/errors';
import { resolveDataDir } from '../services/paths';
import { reportError, UsageError, type ValuesOf } from './command';
import { commandNamed } from './commands';
import { forTerminal } from './format';
import { EXIT, type CliIo } from './io';
import { parseCommandLine } from './parse';
import { openSessionForCli, serve } from './session';
import { commandUsage, generalUsage } from './usage';
export { type CliIo } from './io';

// The `casefile` dispatcher: finds the command's module (commands/), parses the
// line against that command's own options, lets the module check its arguments
// before the data folder is touched, then opens the folder and runs the module's
// contract calls. Every fault in the line exits 2 with the command's usage.

/** The help as the modules declare it (what `casefile help` prints). */
const USAGE = generalUsage();

/** The same io, with every line made safe for a terminal (see forTerminal); JSON stays JSON of the same values. */
const terminalSafe = (io: CliIo): CliIo => ({ ...io, stdout: (text) => io.stdout(forTerminal(text)), stderr: (text) => io.stderr(forTerminal(text)) });

export async function runCli(argv: string[], rawIo: CliIo): Promise<number> {
  const io = terminalSafe(rawIo);
  const line = parseCommandLine(argv);
  if (line.kind === 'none') {
    if (line.faults.length > 0) {
      io.stderr(`casefile: ${line.faults.join('\ncasefile: ')}\n\n${USAGE}`);
      return EXIT.badInput;
    }
    if (line.version) {
      io.stdout(APP_VERSION);
      return EXIT.ok;
    }
    io.stdout(USAGE);
    return line.help ? EXIT.ok : EXIT.badInput;
  }
  if (line.kind === 'help') {
    if (line.version) {
      io.stdout(APP_VERSION);
      return EXIT.ok;
    }
    if (line.topic === undefined) {
      io.stdout(USAGE);
      return EXIT.ok;
    }
    const topic = commandNamed(line.topic);
    if (!topic) {
      io.stderr(`casefile: unknown command "${line.topic}"\n\n${USAGE}`);
      return EXIT.badInput;
    }
    io.stdout(commandUsage(topic));
    return EXIT.ok;
  }
  if (line.kind === 'unknown') {
    io.stderr(`casefile: unknown command "${line.name}"\n\n${USAGE}`);
    return EXIT.badInput;
  }
  if (line.kind === 'bad') {
    io.stderr(`casefile: ${line.faults.join('\ncasefile: ')}\n\n${commandUsage(line.command)}`);
    return EXIT.badInput;
  }
  if (line.version) {
    io.stdout(APP_VERSION);
    return EXIT.ok;
  }
  if (line.help) {
    io.stdout(commandUsage(line.command));
    return EXIT.ok;
  }

  // Arguments are checked before the data folder is touched: a typo must not take the lock.
  let planned;
  try {
    planned = line.command.plan(line.args, line.values as ValuesOf<typeof line.command.options>, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`casefile: ${err.message}`);
      return EXIT.badInput;
    }
    throw err;
  }
  const dataDir = resolveDataDir(line.dataDir ? path.resolve(io.cwd, line.dataDir) : undefined, io.env);
  try {
    if (typeof planned !== 'function') return await planned.own(dataDir);
    return await serve(await openSessionForCli(dataDir, io), io, planned);
  } catch (err) {
    if (err instanceof ServiceError) return reportError(io, err.toApiError());
    throw err;
  }
}
