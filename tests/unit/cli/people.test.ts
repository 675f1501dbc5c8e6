import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActorDetail, ActorSummary } from '../../../shared/people';
import { cli, cliProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';

// `casefile people` and `casefile person`: the people index from the command line, and a
// merge then a split written to people.json in the data folder.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-cli-people-')));
afterEach(() => cleanup());

const data = () => path.join(dir, 'data');

async function importCases(): Promise<void> {
  const bundle = {
    format: 'casefile-bundle',
    version: 2,
    cases: [
      { kind: 'political_prisoner', title: 'Асель case', person: { name: 'Асель', aliases: [] }, lawyer: 'Жанна Садыкова', decisions: [{ stage: 'verdict', date: '2022-09', body: 'Алматинский городской суд', outcome: 'судья Тоқаев А.' }] },
      { kind: 'political_prisoner', title: 'Bolat case', person: { name: 'Bolat', aliases: [] }, decisions: [{ stage: 'verdict', date: '2023-02', body: 'Almaty City Court' }], events: [{ type: 'hearing', date: '2023-01-10', title: 'Hearing before judge A. Tokayev' }] },
    ],
  };
  // One import each, in turn: two cases imported together may share their creation time to the
  // millisecond, and a tie between two spellings goes to the older case (then to the id).
  for (const [i, one] of bundle.cases.entries()) {
    const file = path.join(dir, `case-${i}.json`);
    await writeFile(file, JSON.stringify({ ...bundle, cases: [one] }));
    expect((await cli(['--data-dir', data(), 'import', file])).code).toBe(0);
  }
}

describe('casefile people / person', () => {
  it('lists, filters, shows one actor, merges and splits', async () => {
    await importCases();
    const listed = await cli(['--data-dir', data(), 'people', '--min-cases', '2']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    const lines = listed.stdout.split('\n');
    expect(lines[0]).toMatch(/^n:\S.* {2}Тоқаев А\. {2}\(person: judge; 2 case\(s\), 2 mention\(s\)\)$/);
    expect(lines[1]).toBe('    spellings: Тоқаев А. · A. Tokayev');
    expect(lines).toHaveLength(2);

    // The lawyer is only listed when asked.
    expect((await cli(['--data-dir', data(), 'people', '--text', 'Садыкова'])).stdout).toBe('No person or body matches.');
    const lawyer = await cli(['--data-dir', data(), 'people', '--role', 'lawyer', '--confidential', '--json']);
    expect(ActorSummary.array().parse(JSON.parse(lawyer.stdout))).toMatchObject([{ name: 'Жанна Садыкова', confidentialOnly: true }]);

    const courts = ActorSummary.array().parse(JSON.parse((await cli(['--data-dir', data(), 'people', '--role', 'court', '--json'])).stdout));
    expect(courts).toHaveLength(2);
    const shown = await cli(['--data-dir', data(), 'person', courts[0]!.key]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/court: decision verdict {2}— as ".+" at decisions\.0\.body/);

    const merged = await cli(['--data-dir', data(), 'people', 'merge', ...courts.map((c) => c.key), '--name', 'Almaty City Court']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^Merged:\ng:[0-9a-f]+ {2}Almaty City Court {2}\(body: court; 2 case\(s\)/);
    const key = /^(g:[0-9a-f]+)/m.exec(merged.stdout)![1]!;
    expect(JSON.parse(await readFile(path.join(data(), 'people.json'), 'utf8')).groups).toHaveLength(1);
    const detail = ActorDetail.parse(JSON.parse((await cli(['--data-dir', data(), 'person', key, '--json'])).stdout));
    expect(detail.appearances.map((a) => a.spelling)).toEqual(['Алматинский городской суд', 'Almaty City Court']);

    const split = await cli(['--data-dir', data(), 'people', 'split', key, 'Алматинский городской суд']);
    expect(split.code).toBe(0);
    expect(split.stdout).toMatch(/^Kept:\ng:[0-9a-f]+ {2}Almaty City Court .*\nSplit off:\ng:[0-9a-f]+ {2}Алматинский городской суд /);
    expect(JSON.parse(await readFile(path.join(data(), 'people.json'), 'utf8')).groups).toHaveLength(2);
  });

  it('refuses bad usage with exit 2, and an unknown key with its reason', async () => {
    await importCases();
    const usage = await cliProcess(['--data-dir', data(), 'people', '--min-cases', 'two']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--min-cases must be a whole number');
    expect((await cli(['--data-dir', data(), 'people', 'merge', 'n:x'])).code).toBe(2);
    expect((await cli(['--data-dir', data(), 'people', 'Tokayev'])).stderr).toContain('a text to look for goes in --text');
    const unknown = await cli(['--data-dir', data(), 'person', 'n:nobody']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('No person or body "n:nobody"');
  });
});
