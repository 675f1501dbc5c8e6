import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { fullPrisonerDraft, ngoDraft, tempDir } from '../../helpers/fixtures';

// The brief engine behind the contract and the command line: the same operation
// every door uses, exit codes as documented, and the file on disk checked with pdftotext.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  const bundle = { format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases: [{ ...fullPrisonerDraft(), id: 'p1' }, { ...ngoDraft({ tags: ['pattern'] }), id: 'n1' }, { ...ngoDraft({ title: 'Другое бюро', tags: ['pattern'] }), id: 'n2' }] };
  await writeFile(path.join(dir, 'b.json'), JSON.stringify(bundle));
  expect((await cli(['--data-dir', data(), 'import', path.join(dir, 'b.json')])).code).toBe(0);
});
afterEach(() => cleanup());

const data = () => path.join(dir, 'data');
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

describe('casefile brief', () => {
  it('writes a public case brief with the Kazakh name exact and nothing confidential', async () => {
    const out = path.join(dir, 'case.pdf');
    const run = await cli(['--data-dir', data(), 'brief', 'p1', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('public: its text was checked');
    const text = pdfText(out);
    expect(text).toContain('Қасым Тоқаев');
    expect(text).not.toContain('secret phone');
    expect(text).not.toContain('Адвокат Н.');
    expect(existsSync(path.join(data(), 'tmp'))).toBe(false); // rendered in memory: no working copy ever in the folder
  });

  it('an internal brief in Russian keeps the confidential parts and stamps them', async () => {
    const out = path.join(dir, 'internal.pdf');
    expect((await cli(['--data-dir', data(), 'brief', 'p1', '--out', out, '--mode', 'internal', '--lang', 'ru', '--template', 'wgad'])).code).toBe(0);
    const text = pdfText(out);
    expect(text).toContain('secret phone +7 701 000 00 00');
    expect(text).toContain('КОНФИДЕНЦИАЛЬНО');
  });

  it('the ngo brief shows related cases with the same authority or tag', async () => {
    const out = path.join(dir, 'ngo.pdf');
    expect((await cli(['--data-dir', data(), 'brief', 'n1', '--out', out, '--template', 'ngo'])).code).toBe(0);
    expect(pdfText(out)).toContain('Другое бюро');
  });

  it('several ids make a multi-case brief and report progress', async () => {
    const out = path.join(dir, 'multi.pdf');
    const run = await cli(['--data-dir', data(), 'brief', 'p1', 'n1', 'n2', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Rendering: 3 of 3 cases');
    const text = pdfText(out);
    for (const title of ['Другое бюро', 'Қазақстан халықаралық бюросы']) expect(text).toContain(title);
  });

  it('profiles a case named twice only once', async () => {
    const out = path.join(dir, 'twice.pdf');
    const run = await cli(['--data-dir', data(), 'brief', 'n1', 'n2', 'n1', '--out', out]);
    expect(run.code).toBe(0);
    const text = pdfText(out).replace(/\s+/g, ' ');
    expect(text).toContain('2 cases in this overview.');
    expect(text).not.toContain('3. ');
    // One id given twice is one case: its case brief, not an overview.
    const single = path.join(dir, 'single.pdf');
    expect((await cli(['--data-dir', data(), 'brief', 'p1', 'p1', '--out', single])).stdout).toContain('(case, ');
  });

  it('exits 2 with a clear message for an unknown id, a template that does not fit, or a bad flag', async () => {
    const out = path.join(dir, 'x.pdf');
    const unknown = await cli(['--data-dir', data(), 'brief', 'p1', 'ghost', '--out', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No case with id "ghost"');
    const misfit = await cli(['--data-dir', data(), 'brief', 'n1', '--out', out, '--template', 'wgad']);
    expect(misfit.code).toBe(2);
    expect(misfit.stderr).toContain('The WGAD communication is for a political prisoner');
    expect((await cli(['--data-dir', data(), 'brief', 'p1', '--out', out, '--lang', 'de'])).code).toBe(2);
    expect((await cli(['--data-dir', data(), 'brief', 'p1'])).code).toBe(2);
    await expect(readFile(out)).rejects.toThrow();
  });

  it('refuses a public brief whose public text repeats a confidential string, and writes nothing', async () => {
    const leaky = { ...fullPrisonerDraft(), id: 'leak', summary: 'Defended by Адвокат Н. since 2019.' };
    await writeFile(path.join(dir, 'l.json'), JSON.stringify({ format: 'casefile-bundle', version: 1, exportedAt: '2026-11-22T10:00:00.000Z', cases: [leaky] }));
    await cli(['--data-dir', data(), 'import', path.join(dir, 'l.json')]);
    const out = path.join(dir, 'leak.pdf');
    const run = await cli(['--data-dir', data(), 'brief', 'leak', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/lawyer/);
    await expect(readFile(out)).rejects.toThrow();
  });
});
