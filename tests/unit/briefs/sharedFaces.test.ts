import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { renderBrief } from '../../../electron/services/briefs';
import { faceStats, forgetShapedWords, resetFaces } from '../../../electron/services/briefs/layout/faces';
import { warmBriefs } from '../../../electron/services/briefs/warm';
import { briefJobs, type BriefJob } from './briefJobs';
import { confidentialCase, GENERATED_AT, MARK, prisonerCase } from './fixtures';
import { kazakhArrestCase } from './languagesFixtures';
import { outPath, pdftotext } from './pdfTools';

// The faces are parsed once per process and the words they shape remembered across briefs
// (layout/faces). That may not change a byte: every brief here is compared with the same
// brief written the way pdfkit writes it alone (each document parsing its own face and
// shaping every word afresh) — byte for byte, and as poppler reads its text and pages.

async function render(job: BriefJob): Promise<Buffer> {
  return (await renderBrief(job.cases, null, { ...job.opts, generatedAt: GENERATED_AT })).data;
}

/** Poppler's text of a PDF, and its page count. */
function readBack(name: string, data: Buffer): { text: string; pages: number } {
  const file = outPath(`${name}.pdf`);
  writeFileSync(file, data);
  const text = pdftotext(file);
  return { text, pages: text.split('\f').length - 1 };
}

afterAll(() => resetFaces(true));

describe('faces shared between briefs', () => {
  it('write every brief byte for byte as pdfkit alone does, cold and warm, in English, Russian and Kazakh', async () => {
    const all = briefJobs();
    resetFaces(false);
    const reference = new Map<string, Buffer>();
    for (const job of all) reference.set(job.name, await render(job));
    expect(faceStats().parsed).toBe(0);

    resetFaces(true);
    // The first brief finds nothing parsed; the later ones find the faces, and words shaped by the briefs before them.
    const cold = new Map<string, Buffer>();
    for (const job of all) cold.set(job.name, await render(job));
    const afterCold = faceStats();
    expect(afterCold.parsed).toBe(4);
    expect(afterCold.remembered).toBeGreaterThan(500);
    // Again, in the other order: now most words are replayed, and each brief's glyphs come into being in another order than the first time.
    const warm = new Map<string, Buffer>();
    for (const job of [...all].reverse()) warm.set(job.name, await render(job));
    expect(faceStats().replayed - afterCold.replayed).toBeGreaterThan(1000);

    for (const job of all) {
      const ref = reference.get(job.name)!;
      expect(cold.get(job.name)!.equals(ref), `${job.name} (cold) differs from pdfkit's own`).toBe(true);
      expect(warm.get(job.name)!.equals(ref), `${job.name} (warm) differs from pdfkit's own`).toBe(true);
    }
    // The same, as a reader sees it: the text (every script's letters mapped back) and the pages.
    for (const name of ['prisoner-kk', 'bench-ru', 'wgad-en', 'multi-en']) {
      const ref = readBack(`${name}-reference`, reference.get(name)!);
      const shared = readBack(`${name}-warm`, warm.get(name)!);
      expect(shared.text).toBe(ref.text);
      expect(shared.pages).toBe(ref.pages);
      expect(ref.pages).toBeGreaterThan(0);
    }
  }, 300_000);

  it('never carries one brief’s confidential words into another: a public brief after an internal one of the same case shows none', async () => {
    const job = (mode: 'public' | 'internal'): BriefJob => ({ name: `confidential-${mode}`, cases: [confidentialCase()], opts: { template: 'case', lang: 'kk', mode } });
    resetFaces(false);
    const reference = await render(job('public'));

    resetFaces(true);
    const internal = readBack('confidential-internal', await render(job('internal')));
    // The internal brief does print them, so their words are among those remembered.
    expect(internal.text).toContain('ZZANNOT');
    expect(faceStats().remembered).toBeGreaterThan(0);
    const publicData = await render(job('public'));
    const publicText = readBack('confidential-public', publicData).text;
    for (const mark of Object.values(MARK)) expect(publicText).not.toContain(mark.split(' ')[0]!);
    expect(publicData.equals(reference)).toBe(true);
  }, 120_000);

  it('forgets every remembered word when asked (the folder closing or locking), and writes the same brief after', async () => {
    const job: BriefJob = { name: 'forget', cases: [prisonerCase()], opts: { template: 'case', lang: 'ru', mode: 'internal' } };
    resetFaces(false);
    const reference = await render(job);
    resetFaces(true);
    await render(job);
    expect(faceStats().remembered).toBeGreaterThan(0);
    forgetShapedWords();
    expect(faceStats()).toMatchObject({ parsed: 4, remembered: 0 });
    expect((await render(job)).equals(reference)).toBe(true);
  }, 120_000);
});

describe('warmBriefs', () => {
  it('readies the writer with a made-up case, writing no file, and the brief after it is unchanged', async () => {
    const job: BriefJob = { name: 'after-warm', cases: [kazakhArrestCase()], opts: { template: 'case', lang: 'kk' } };
    resetFaces(false);
    const reference = await render(job);
    resetFaces(true);
    await warmBriefs();
    const stats = faceStats();
    expect(stats.parsed).toBe(4);
    expect(stats.remembered).toBeGreaterThan(500);
    expect((await render(job)).equals(reference)).toBe(true);
  }, 120_000);

  it('does nothing once its signal is aborted (the folder closed first)', async () => {
    resetFaces(true);
    const stop = new AbortController();
    stop.abort();
    await warmBriefs(stop.signal);
    expect(faceStats()).toMatchObject({ parsed: 0, remembered: 0 });
  });
});
