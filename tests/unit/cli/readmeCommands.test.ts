import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../../../electron/cli/command';
import { COMMANDS } from '../../../electron/cli/commands';
import { root } from '../../helpers/cli';

// The README's command table against the command modules: every command in the
// table exists and every module is in the table, and each row names exactly the
// options its module declares — so neither can change without the other.

function readmeRows(): Array<{ names: string[]; flags: Set<string> }> {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## The command line\n');
  expect(start).toBeGreaterThan(0);
  const section = readme.slice(start + 1, readme.indexOf('\n## ', start + 1));
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  return rows.map((row) => {
    const cell = row.slice(1, row.replace(/\\\|/g, '  ').indexOf(' | ')).trim();
    const chunks = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    return { names: chunks.map((c) => c.split(' ')[0]!), flags: new Set([...cell.matchAll(/--([a-z][a-z-]*)/g)].map((m) => m[1]!)) };
  });
}

describe('the README command table', () => {
  const rows = readmeRows();

  it('lists every command module, and no command that is not one', () => {
    const inReadme = rows.flatMap((r) => r.names).sort();
    expect(inReadme).toEqual(COMMANDS.map((c) => c.name).sort());
  });

  for (const command of COMMANDS) {
    it(`${command.name}: its row names exactly the options the module declares`, () => {
      const row = rows.find((r) => r.names.includes(command.name));
      expect(row, command.name).toBeDefined();
      const declared = Object.keys(command.options).sort();
      expect([...row!.flags].filter((f) => !Object.hasOwn(GLOBAL_OPTIONS, f)).sort()).toEqual(declared);
    });
  }
});
