import { parseArgs } from 'node:util';
import { GLOBAL_OPTIONS, type Command, type Options, type OptionSpec } from './command';
import { commandNamed, COMMANDS } from './commands';

// The command line read against the chosen command's own options (node's
// util.parseArgs): a flag no command has, or one that belongs to another command,
// is a fault to report — never silently dropped — and so is a flag without its
// value, a value given to a switch, or a single-valued flag given twice.

export type ParsedLine =
  | { kind: 'none'; help: boolean; version: boolean; faults: string[] }
  | { kind: 'help'; topic?: string; version: boolean }
  | { kind: 'unknown'; name: string }
  | { kind: 'bad'; command: Command; faults: string[] }
  | { kind: 'command'; command: Command; args: string[]; values: Record<string, unknown>; dataDir?: string; help: boolean; version: boolean };

type Config = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

const configOf = (options: Options): Config =>
  Object.fromEntries(Object.entries(options).map(([name, o]) => [name, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }]));

/** Every option of every command, only to find where the command's name stands among them. */
function everyOption(): Config {
  const all: Config = configOf(GLOBAL_OPTIONS);
  for (const c of COMMANDS) {
    for (const [name, o] of Object.entries(configOf(c.options))) all[name] = { ...o, ...(all[name]?.multiple ? { multiple: true } : {}) };
  }
  return all;
}

/** The commands that do take `name`, for the message that says where a misplaced flag belongs. */
const ownersOf = (name: string) => COMMANDS.filter((c) => Object.hasOwn(c.options, name) || Object.values(c.options).some((o) => o.short === name)).map((c) => c.name);

const spelled = (token: { rawName: string }) => token.rawName;

/** The faults of `args` against `options`: each named, with what the command takes instead (`commandName` null: no command was given). */
function faultsIn(commandName: string | null, args: string[], options: Options): string[] {
  const config = configOf(options);
  const { tokens } = parseArgs({ args, options: config, strict: false, allowPositionals: true, tokens: true });
  const faults: string[] = [];
  const seen = new Map<string, number>();
  const specOf = (name: string): OptionSpec | undefined => options[name];
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = specOf(token.name);
    if (!spec) {
      const owners = ownersOf(token.name);
      if (commandName === null) faults.push(owners.length > 0 ? `${spelled(token)} goes after a command (${owners.join(', ')})` : `unknown option ${spelled(token)}`);
      else faults.push(owners.length > 0 ? `${commandName} has no option ${spelled(token)}: it is an option of ${owners.join(', ')}` : `${commandName} has no option ${spelled(token)}`);
      continue;
    }
    if (spec.type === 'string' && token.value === undefined) faults.push(`${spelled(token)} needs a value (${spelled(token)} ${spec.value ?? 'VALUE'})`);
    if (spec.type === 'boolean' && token.value !== undefined) faults.push(`${spelled(token)} is a switch and takes no value (got "${token.value}")`);
    seen.set(token.name, (seen.get(token.name) ?? 0) + 1);
  }
  for (const [name, count] of seen) {
    if (count > 1 && !options[name]!.multiple && !Object.hasOwn(GLOBAL_OPTIONS, name)) faults.push(`--${name} is given ${count} times: ${commandName ?? 'casefile'} takes one --${name}`);
  }
  return faults;
}

export function parseCommandLine(argv: string[]): ParsedLine {
  const { tokens } = parseArgs({ args: argv, options: everyOption(), strict: false, allowPositionals: true, tokens: true });
  const at = tokens.find((t) => t.kind === 'positional');
  if (!at) {
    const faults = faultsIn(null, argv, GLOBAL_OPTIONS);
    const values = faults.length === 0 ? parseArgs({ args: argv, options: configOf(GLOBAL_OPTIONS), strict: true }).values : {};
    return { kind: 'none', help: values.help === true, version: values.version === true, faults };
  }
  const rest = [...argv.slice(0, at.index), ...argv.slice(at.index + 1)];
  const name = at.value;
  if (name === 'help') {
    const faults = faultsIn('help', rest, GLOBAL_OPTIONS);
    if (faults.length > 0) return { kind: 'none', help: false, version: false, faults };
    const { values, positionals } = parseArgs({ args: rest, options: configOf(GLOBAL_OPTIONS), strict: true, allowPositionals: true });
    return { kind: 'help', ...(positionals[0] !== undefined ? { topic: positionals[0] } : {}), version: values.version === true };
  }
  const command = commandNamed(name);
  if (!command) return { kind: 'unknown', name };
  const options: Options = { ...GLOBAL_OPTIONS, ...command.options };
  const faults = faultsIn(command.name, rest, options);
  let parsed: ReturnType<typeof parseArgs<{ options: Config; allowPositionals: true }>> | undefined;
  try {
    parsed = parseArgs({ args: rest, options: configOf(options), strict: true, allowPositionals: true });
  } catch (err) {
    if (faults.length === 0) faults.push((err as Error).message);
  }
  const help = parsed?.values.help === true || rest.includes('--help') || rest.includes('-h');
  if (faults.length > 0 && !help) return { kind: 'bad', command, faults };
  const values = (parsed?.values ?? {}) as Record<string, unknown>;
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  return { kind: 'command', command, args: parsed?.positionals ?? [], values, ...(dataDir !== undefined ? { dataDir } : {}), help, version: values.version === true };
}
