import { access } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../../../electron/cli/command';
import { COMMANDS } from '../../../electron/cli/commands';
import { commandUsage } from '../../../electron/cli/usage';
import { cli, cliProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';

// Every command is a module with its own options: the line is parsed against
// them only, so a flag that is no command's, or another command's, exits 2 with
// that command's usage — before the data folder is touched (it is not even
// created). Table-driven over the modules: a new command is covered by being one.

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('casefile-commands-'));
});
afterAll(() => cleanup());

const data = () => path.join(dir, 'never-created');
const exists = (p: string) => access(p).then(() => true, () => false);

/** An option some other command takes and this one does not: the misplaced flag to try. */
function misplacedFor(name: string): { flag: string; owner: string; spec: { type: 'string' | 'boolean' } } {
  const own = COMMANDS.find((c) => c.name === name)!;
  for (const other of COMMANDS) {
    for (const [flag, spec] of Object.entries(other.options)) {
      if (!Object.hasOwn(own.options, flag) && !Object.hasOwn(GLOBAL_OPTIONS, flag)) return { flag, owner: other.name, spec };
    }
  }
  throw new Error(`every option is ${name}'s`);
}

describe('each command module', () => {
  it('there are commands, each with a distinct name, a usage that starts with it and a one-line summary', () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    for (const c of COMMANDS) {
      expect(c.usage.split(' ')[0], c.name).toBe(c.name);
      expect(c.summary, c.name).not.toContain('\n');
    }
  });

  it('a flag of the same name is the same kind in every command (the line is first read with all of them, to find the command)', () => {
    const kinds = new Map<string, string>();
    for (const c of COMMANDS) {
      for (const [flag, spec] of Object.entries({ ...GLOBAL_OPTIONS, ...c.options })) {
        const kind = `${spec.type}${'short' in spec && spec.short ? ` -${spec.short}` : ''}`;
        expect(kinds.get(flag) ?? kind, `--${flag} in ${c.name}`).toBe(kind);
        kinds.set(flag, kind);
      }
    }
  });

  for (const command of COMMANDS) {
    describe(command.name, () => {
      it('an unknown flag exits 2 with its usage on stderr, and the data folder is not touched', async () => {
        const r = await cli(['--data-dir', data(), command.name, '--no-such-flag']);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(`casefile: ${command.name} has no option --no-such-flag`);
        expect(r.stderr).toContain(`Usage: casefile [--data-dir DIR] ${command.usage}`);
        expect(await exists(data())).toBe(false);
      });

      it('a flag of another command exits 2, names where it belongs, with its usage', async () => {
        const { flag, owner, spec } = misplacedFor(command.name);
        const r = await cli(['--data-dir', data(), command.name, `--${flag}`, ...(spec.type === 'string' ? ['x'] : [])]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`${command.name} has no option --${flag}: it is an option of [a-z-, ]*\\b${owner}\\b`));
        expect(r.stderr).toContain(`Usage: casefile [--data-dir DIR] ${command.usage}`);
        expect(await exists(data())).toBe(false);
      });

      it('--help prints its usage and every one of its options, exit 0', async () => {
        const r = await cli([command.name, '--help']);
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(commandUsage(command));
        for (const flag of Object.keys(command.options)) expect(r.stdout, flag).toContain(`--${flag}`);
        const viaHelp = await cli(['help', command.name]);
        expect(viaHelp).toEqual(r);
      });

      for (const [flag, spec] of Object.entries(command.options)) {
        if (spec.multiple) continue;
        const given = spec.type === 'string' ? [`--${flag}`, 'a', `--${flag}`, 'b'] : [`--${flag}`, `--${flag}`];
        it(`--${flag} given twice exits 2`, async () => {
          const r = await cli(['--data-dir', data(), command.name, ...given]);
          expect(r.code).toBe(2);
          expect(r.stderr).toContain(`--${flag} is given 2 times: ${command.name} takes one --${flag}`);
        });
        const wrong = spec.type === 'string' ? [`--${flag}`] : [`--${flag}=yes`];
        it(`--${flag} ${spec.type === 'string' ? 'without its value' : 'with a value'} exits 2`, async () => {
          const r = await cli(['--data-dir', data(), command.name, ...wrong]);
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(spec.type === 'string' ? new RegExp(`--${flag} needs a value`) : new RegExp(`--${flag} is a switch and takes no value`));
          expect(r.stderr).toContain(`Usage: casefile [--data-dir DIR] ${command.usage}`);
        });
      }
    });
  }
});

describe('the line as a whole', () => {
  it('the issue’s example: list --template wgad --history --copy-to /nowhere exits 2, naming all three flags and whose they are', async () => {
    const r = await cli(['--data-dir', data(), 'list', '--template', 'wgad', '--history', '--copy-to', '/nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('list has no option --template: it is an option of brief');
    expect(r.stderr).toContain('list has no option --history: it is an option of export');
    expect(r.stderr).toContain('list has no option --copy-to: it is an option of backup');
    expect(r.stderr).toContain('Usage: casefile [--data-dir DIR] list [--kind K] [--status S] [--json]');
    expect(await exists(data())).toBe(false);
    expect(await exists('/nowhere')).toBe(false);
  });

  it('the real entry point exits 2 on it too, as a shell sees it', async () => {
    const r = await cliProcess(['--data-dir', data(), 'list', '--template', 'wgad', '--history', '--copy-to', '/nowhere']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('list has no option --template');
  });

  it('`help` lists every command module with its usage and summary; --help and no command print the same', async () => {
    const help = await cli(['help']);
    expect(help.code).toBe(0);
    for (const c of COMMANDS) {
      expect(help.stdout, c.name).toContain(`  ${c.usage}`);
      expect(help.stdout, c.name).toContain(c.summary);
    }
    expect(await cli(['--help'])).toEqual(help);
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(help.stdout);
  });

  it('an unknown command, or help for one, exits 2 with the general usage', async () => {
    for (const args of [['frobnicate'], ['help', 'frobnicate']]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('unknown command "frobnicate"');
      expect(r.stderr).toContain('Usage: casefile [--data-dir DIR] <command> [options]');
    }
  });

  it('a command’s flag before the command is still its own; one of another command is refused', async () => {
    const list = await cli(['--kind', 'bogus-kind', 'list', '--data-dir', data()]);
    expect(list.code).toBe(2);
    expect(list.stderr).toContain('--kind must be one of'); // read as list's --kind, then checked
    const stray = await cli(['--copy-to', '/nowhere', 'list', '--data-dir', data()]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('list has no option --copy-to: it is an option of backup');
    const lone = await cli(['--json']);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain('--json goes after a command');
    const bogus = await cli(['--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain('casefile: unknown option --bogus');
    expect(bogus.stderr).toContain('Usage: casefile [--data-dir DIR] <command> [options]');
    expect(await exists(data())).toBe(false);
  });

  it('--version prints the version wherever it stands', async () => {
    const a = await cli(['--version']);
    const b = await cli(['list', '--version']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(b).toEqual(a);
  });
});
