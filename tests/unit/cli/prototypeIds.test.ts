import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, cliProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';

// The attack that found it: a bundle whose case ids are Object.prototype's names, with
// history, imported on the command line — "carried.map is not a function", exit 1,
// after the cases were written; then `export --history` of the folder failed.
const NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-cli-proto-')));
afterEach(() => cleanup());

const data = (name = 'data') => path.join(dir, name);

/** The bundle's text written by hand, so that `"__proto__"` is a key of `history` as a file from elsewhere would have it. */
async function bundleFile(): Promise<string> {
  const cases = NAMES.map((id) => ({ id, rev: 2, updatedAt: '2026-10-02T09:00:00.000Z', kind: 'ngo_suspension', title: `Probe ${id}`, organization: { name: `Org ${id}` }, measure: { type: 'fine', authority: 'Court' } }));
  const lines = (id: string) => [
    { at: '2026-10-01T09:00:00.000Z', rev: 1, cause: 'create', changes: [] },
    { at: '2026-10-02T09:00:00.000Z', rev: 2, cause: 'update', changes: [{ path: 'title', old: 'draft', new: `Probe ${id}` }] },
  ];
  const history = `{${NAMES.map((id) => `${JSON.stringify(id)}:${JSON.stringify(lines(id))}`).join(',')}}`;
  const text = `{"format":"casefile-bundle","version":1,"exportedAt":"2026-11-22T10:00:00.000Z","cases":${JSON.stringify(cases)},"history":${history}}`;
  const file = path.join(dir, 'proto.casefile.json');
  await writeFile(file, text);
  return file;
}

describe('casefile with case ids named like Object.prototype’s properties', () => {
  it('import with history, list, search, history, verify, export --history, re-import: all work, from the real entry point', async () => {
    const file = await bundleFile();
    const imported = await cliProcess(['--data-dir', data(), 'import', file]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Imported ${NAMES.length} of ${NAMES.length} case(s)`);

    const list = JSON.parse((await cli(['--data-dir', data(), 'list', '--json'])).stdout) as Array<{ id: string }>;
    expect(list.map((c) => c.id).sort()).toEqual(NAMES);
    const found = JSON.parse((await cli(['--data-dir', data(), 'search', 'Probe', '--limit', '50', '--json'])).stdout) as Array<{ id: string }>;
    expect(found.map((h) => h.id).sort()).toEqual(NAMES);
    for (const id of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
      const history = await cli(['--data-dir', data(), 'history', id, '--json']);
      expect(history.code).toBe(0);
      expect((JSON.parse(history.stdout) as Array<{ cause: string }>).map((e) => e.cause)).toEqual(['create', 'update', 'import']);
    }
    expect(await cli(['--data-dir', data(), 'verify'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^All well/) });

    // The default `fail` refuses the same ids again and changes nothing.
    const before = await readFile(path.join(data(), 'cases', '__proto__.json'));
    const again = await cli(['--data-dir', data(), 'import', file]);
    expect(again.code).toBe(3);
    expect((await readFile(path.join(data(), 'cases', '__proto__.json'))).equals(before)).toBe(true);

    const out = path.join(dir, 'export.casefile.json');
    const exported = await cliProcess(['--data-dir', data(), 'export', out, '--history']);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const bundle = JSON.parse(await readFile(out, 'utf8')) as { history: Record<string, unknown[]> };
    expect(Object.keys(bundle.history).sort()).toEqual(NAMES);
    expect(Object.hasOwn(bundle.history, '__proto__') && bundle.history['__proto__']).toHaveLength(3);

    const fresh = await cli(['--data-dir', data('fresh'), 'import', out]);
    expect(fresh.code, fresh.stderr).toBe(0);
    const carried = JSON.parse((await cli(['--data-dir', data('fresh'), 'history', '__proto__', '--json'])).stdout) as Array<{ cause: string; imported?: boolean }>;
    expect(carried.map((e) => `${e.cause}${e.imported ? '*' : ''}`)).toEqual(['create*', 'update*', 'import*', 'import']);
  });
});
