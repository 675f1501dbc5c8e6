import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, cliProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';
import { adminArrestCase } from '../briefs/anchorFixtures';
import { completeDraft, neverDetainedDraft, ORG } from '../briefs/commonGapsFixtures';

// `casefile brief` as a shell runs it (a real process): the completeness check first —
// each gap a warning on stderr, the brief still written, exit 0 — a template that does not
// fit refused with exit 2 and nothing written, and the format taken from --format or the
// output's name.

let dir: string;
let cleanup: () => Promise<void>;
const data = () => path.join(dir, 'data');
const out = (name: string) => path.join(dir, name);
const brief = (...args: string[]) => cliProcess(['--data-dir', data(), 'brief', ...args]);
const pdfText = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-brief-cli-'));
  const cases = [
    // Everything a WGAD communication in submission mode asks for (the WGAD anchor tests' complete case).
    { ...adminArrestCase(), id: 'full' },
    { ...completeDraft(), id: 'spelled' },
    { ...completeDraft({ title: 'Kenzhebek Abishev — no consent', consent: undefined, briefing: undefined }), id: 'gappy' },
    { ...neverDetainedDraft(), id: 'exile' },
  ];
  await writeFile(path.join(dir, 'b.json'), JSON.stringify({ format: 'casefile-bundle', version: 2, cases }));
  // Setting up goes in-process (fast); the commands under test run as real processes.
  expect((await cli(['--data-dir', data(), 'import', path.join(dir, 'b.json')])).code).toBe(0);
});
afterEach(() => cleanup());

describe('casefile brief warns, refuses and picks the format', () => {
  it('prints each gap as a warning with its path, still writes the brief and exits 0', async () => {
    const file = out('gappy.pdf');
    const run = await brief('gappy', '--out', file, '--mode', 'submission', '--lang', 'ru', '--template', 'case');
    expect(run.code).toBe(0);
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('casefile: warning: '));
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^casefile: warning: A submission names who submits it, and Settings → Organisation has no name.*[^)]$/),
        expect.stringMatching(/^casefile: warning: A submission acts on someone's behalf, and no consent is recorded.* \(consent\)$/),
        expect.stringMatching(/^casefile: warning: The summary is not written in Cyrillic letters.* \(briefing\.summaries\.ru\)$/),
      ]),
    );
    expect(warnings).toHaveLength(3);
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    // No submitter is set: the success line must not claim one.
    expect(run.stdout).toContain(`Wrote ${file} (case, `);
    expect(run.stdout).toContain('submission: its text was checked; it names no submitter');
  });

  it('with the organisation set and nothing lacking, a submission says it carries the submitter, and warns of nothing', async () => {
    expect((await cli(['--data-dir', data(), 'settings', '--org-name', ORG.name])).code).toBe(0);
    const file = out('full.pdf');
    const run = await brief('full', '--out', file, '--mode', 'submission', '--template', 'wgad');
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('warning');
    expect(run.stdout).toContain("submission: its text was checked; it carries the submitter's details, and nothing working or marked confidential");
    expect(existsSync(file)).toBe(true);
  });

  it('refuses a WGAD communication for someone never held: exit 2, the reason, nothing written', async () => {
    const file = out('exile.pdf');
    const run = await brief('exile', '--out', file, '--template', 'wgad', '--mode', 'submission');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^casefile: The WGAD communication is about a deprivation of liberty, and this case records none: .*"in exile".*Use the "case" brief.* Nothing was written\.$/m);
    expect(run.stderr).not.toContain('warning');
    expect(existsSync(file)).toBe(false);
    // The same case fits a case brief.
    expect((await brief('exile', '--out', out('exile-case.pdf'), '--template', 'case')).code).toBe(0);
  });

  it('asks for Word when --out ends in .docx and --format is absent', async () => {
    const file = out('full.docx');
    const run = await brief('full', '--out', file);
    if (run.code === 0) {
      // The Word writer has landed: a DOCX is a ZIP (PK) with word/document.xml.
      const bytes = await readFile(file);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
      expect(run.stdout).toContain('Word, about ');
    } else {
      // Until then the service refuses a Word brief by name: proof the request was for docx, not a PDF under a .docx name.
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Word briefs are not available');
      expect(existsSync(file)).toBe(false);
    }
  });

  it('a .pdf name with --format docx is a usage error naming both, before anything is read', async () => {
    const file = out('named.pdf');
    const run = await brief('full', '--out', file, '--format', 'docx');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out named.pdf names a PDF but --format is docx');
    expect(run.stderr).toContain('ending in .docx, or --format pdf');
    expect(existsSync(file)).toBe(false);
    const other = await brief('full', '--out', out('named.docx'), '--format', 'pdf');
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--out named.docx names a Word document but --format is pdf');
    expect((await brief('full', '--out', out('x.pdf'), '--format', 'odt')).stderr).toContain('--format must be one of: pdf, docx (got "odt")');
  });

  it('--lang kk is accepted: the brief prints the name in Kazakh and warns of a name with no Cyrillic spelling', async () => {
    const file = out('kk.pdf');
    const run = await brief('spelled', '--out', file, '--lang', 'kk', '--template', 'case');
    expect(run.code).toBe(0);
    // Nothing of the name or the summary is lacking (the case template's own wishes — sources for events — may be).
    expect(run.stderr).not.toMatch(/Cyrillic|summary/);
    const text = pdfText(file);
    expect(text).toContain('Кенжебек Әбішев');
    expect(text).toContain('азаматтық белсенді'); // the Kazakh summary the case gives
    // A name with only Latin spellings: a warning, and the brief is still written.
    await writeFile(path.join(dir, 'latin.json'), JSON.stringify({ format: 'casefile-bundle', version: 2, cases: [{ ...completeDraft({ person: { name: 'Nurlan Ospan', aliases: [] } }), id: 'latin' }] }));
    expect((await cli(['--data-dir', data(), 'import', path.join(dir, 'latin.json')])).code).toBe(0);
    const latin = await brief('latin', '--out', out('latin.pdf'), '--lang', 'kk');
    expect(latin.code).toBe(0);
    expect(latin.stderr).toMatch(/^casefile: warning: "Nurlan Ospan" has no Cyrillic spelling among its aliases: a Kazakh brief will print it in Latin letters\..* \(person\.aliases\)$/m);
    expect(existsSync(out('latin.pdf'))).toBe(true);
  });
});
