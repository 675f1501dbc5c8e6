import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDraftInput, CaseFile } from '../../../shared/model';
import { caseload } from '../../../shared/stats/caseload';
import { caseFacts } from '../../../shared/stats/caseFacts';
import { KZ_REGIONS } from '../../../shared/stats/kzRegions';
import { extractPdfText, renderBrief } from '../../../electron/services/briefs';
import { chartSvg } from '../../../electron/services/briefs/charts/draw';
import { briefCharts } from '../../../electron/services/briefs/charts/caseloadSection';
import { DocBuilder } from '../../../electron/services/briefs/doc/builder';
import { labelsFor } from '../../../electron/services/briefs/labels';
import { chartLabels } from '../../../electron/services/briefs/labels/charts';
import type { Ctx } from '../../../electron/services/briefs/sections';
import { docxText } from '../../../electron/services/briefs/docx/docxText';
import { GENERATED_AT, makeCase } from './fixtures';
import { outPath, squash } from './pdfTools';
import { unzipRaw } from './rawZip';

// The multi-case brief's "Caseload" section: the Statistics view's charts, drawn in the
// core, each captioned and followed by its numbers; the numbers are the caseload's for the
// same cases, a public brief counts only what it may print, and the option turns it off.

const LOOK = path.resolve('test-results/briefs/charts');
const REGIONS = ['Жаңаөзен', 'Алматы', 'Қарағанды облысы', 'Semey', 'Oral', 'Astana'];

function prisonerDraft(i: number, extra: Partial<Extract<CaseDraftInput, { kind: 'political_prisoner' }>> = {}): CaseDraftInput {
  return {
    kind: 'political_prisoner',
    title: `Prisoner ${i + 1}`,
    status: i % 3 === 0 ? 'monitoring' : 'active',
    country: 'KZ',
    region: REGIONS[i % REGIONS.length]!,
    person: { name: `Тұтқын ${i + 1}`, aliases: [] },
    arrest: { date: `202${i % 3}-0${1 + (i % 6)}-1${i % 9}` },
    detention: { status: 'imprisoned', since: `202${i % 3}` },
    // One article long enough that the chart shortens its label ("…"), measuring every letter of it.
    charges: [{ article: i % 2 ? '174 part 1' : i === 4 ? '405 part 2, participation in the activity of a public or religious association banned by a court' : '405 part 2', code: 'Criminal Code' }],
    decisions: i % 4 === 0 ? [] : [{ id: `d${i}`, stage: 'verdict', date: '2023-05', penalty: { type: i % 4 === 1 ? 'prison' : 'restricted_freedom' } }],
    ...extra,
  };
}

function cases(): CaseFile[] {
  const out = Array.from({ length: 9 }, (_, i) => makeCase(prisonerDraft(i)));
  out.push(makeCase({ kind: 'ngo_suspension', title: 'Қоғамдық қор', status: 'active', country: 'KZ', region: 'Astana', organization: { name: 'Қоғамдық қор', aliases: [] }, measure: { type: 'suspension', authority: 'Ministry of Justice', start: '2021-03' } }));
  out.push(makeCase({ ...prisonerDraft(9), country: 'KG', region: 'Bishkek', title: 'Prisoner in Kyrgyzstan' }));
  return out;
}

/** The brief's view of the ctx a template gets, enough for briefCharts. */
function ctxFor(lang: 'en' | 'ru' | 'kk', mode: 'public' | 'internal'): Ctx {
  return { w: new DocBuilder(), l: labelsFor(lang), lang, mode, date: '', today: { year: 2026, month: 11, day: 22 }, org: {} as Ctx['org'] };
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

describe('the caseload charts in the multi-case brief', () => {
  const all = cases();
  const stats = caseload(all.map(caseFacts), {});
  const pdfFile = outPath('multi-charts-kk.pdf');
  let flat = '';
  let poppler = '';

  beforeAll(async () => {
    await renderBrief(all, pdfFile, { template: 'multi', lang: 'kk', generatedAt: GENERATED_AT });
    flat = squash((await extractPdfText(pdfFile)).text);
    poppler = pdftotext(pdfFile);
    mkdirSync(LOOK, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '110', pdfFile, path.join(LOOK, 'multi-charts-kk')]);
  });

  it('prints the section with a captioned figure and a table per chart, in Kazakh', () => {
    const c = chartLabels.kk;
    expect(poppler).toContain(c.heading);
    const specs = briefCharts(ctxFor('kk', 'public'), stats);
    expect(specs.map((s) => s.id)).toEqual(['over-time', 'by-region', 'by-country', 'by-article', 'by-penalty']);
    specs.forEach((spec, i) => expect(squash(poppler)).toContain(c.caption(i + 1, spec.title)));
    // The pictures are in the PDF: one image XObject per chart.
    const images = execFileSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(images).toHaveLength(specs.length);
    expect(images.every((l) => /\bjpeg\b/.test(l))).toBe(true);
  });

  it('prints the numbers stats.caseload computes for the same cases', () => {
    const name = (id: string) => KZ_REGIONS.find((r) => r.id === id)!.name.kk;
    expect(stats.regions.length).toBeGreaterThan(3);
    for (const r of stats.regions) expect(flat).toContain(`${name(r.key)} ${r.count}`);
    for (const a of stats.articles) expect(flat).toContain(`${a.key} ${a.count}`);
    for (const y of stats.years) expect(flat).toContain(`${y.key} ${y.detentions} ${y.releases} ${y.measures}`);
    const kg = stats.countries.find((c) => c.key === 'KG')!;
    expect(flat).toContain(`Қырғызстан ${kg.count}`);
    expect(flat).toContain(`${labelsFor('kk').penaltyType.prison} ${stats.penalties.find((p) => p.key === 'prison')!.count}`);
  });

  it('charts the workflow status only in an internal brief, and counts no confidential decision in a public one', async () => {
    const secretVerdict = makeCase(prisonerDraft(20, { decisions: [{ id: 'dsecret', stage: 'verdict', date: '2024-01', confidential: true, penalty: { type: 'forced_treatment' } }] }));
    const set = [...all, secretVerdict];
    const internal = squash(pdftotext((await renderBrief(set, outPath('charts-internal.pdf'), { template: 'multi', mode: 'internal', generatedAt: GENERATED_AT })).file));
    const pub = squash(pdftotext((await renderBrief(set, outPath('charts-public.pdf'), { template: 'multi', mode: 'public', generatedAt: GENERATED_AT })).file));
    const en = chartLabels.en;
    const forced = labelsFor('en').penaltyType.forced_treatment;
    expect(internal).toContain(en.title['by-status']);
    expect(internal).toContain(`${forced} 1`);
    expect(pub).not.toContain(en.title['by-status']);
    expect(pub).not.toContain(forced);
    expect(pub).toContain(en.intro.slice(0, 40));
  });

  it('writes the Word brief with the charts as PNG pictures, their alternative text and the numbers', async () => {
    const r = await renderBrief(all, null, { template: 'multi', lang: 'ru', format: 'docx', generatedAt: GENERATED_AT });
    const parts = unzipRaw(r.data);
    const media = [...parts.keys()].filter((k) => k.startsWith('word/media/'));
    const specs = briefCharts(ctxFor('ru', 'public'), stats);
    expect(media).toHaveLength(specs.length);
    for (const m of media) {
      expect(m).toMatch(/\.png$/);
      expect([...parts.get(m)!.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    }
    const xml = parts.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain(`descr="${chartLabels.ru.alt(specs[0]!.title)}"`);
    const text = squash(await docxText(r.data));
    expect(text).toContain(chartLabels.ru.heading);
    const astana = stats.regions.find((x) => x.key === 'astana')!;
    expect(text).toContain(`Астана ${astana.count}`);
    mkdirSync(LOOK, { recursive: true });
    writeFileSync(path.join(LOOK, 'multi-charts-ru.docx'), r.data);
    media.forEach((m, i) => writeFileSync(path.join(LOOK, `ru-${i + 1}-${specs[i]!.id}.png`), parts.get(m)!));
  });

  it('leaves the section out when the option is off, and out of the other templates', async () => {
    const off = await renderBrief(all, outPath('charts-off.pdf'), { template: 'multi', lang: 'kk', charts: false, generatedAt: GENERATED_AT });
    const text = pdftotext(off.file);
    expect(text).not.toContain(chartLabels.kk.heading);
    expect(execFileSync('pdfimages', ['-list', off.file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '')).toHaveLength(0);
    const single = await renderBrief([all[1]!], outPath('charts-case.pdf'), { template: 'case', generatedAt: GENERATED_AT });
    expect(pdftotext(single.file)).not.toContain(chartLabels.en.heading);
  });

  it('draws a label holding a NUL (pasted from a damaged file) without failing the brief', async () => {
    // The native canvas takes text as a C string, which ends at NUL: such a label once failed the whole brief.
    const odd = makeCase(prisonerDraft(30, { region: 'Sem\u0000ey', charges: [{ article: '405\u0000 part 3', code: 'Criminal Code' }] }));
    const r = await renderBrief([...all, odd], outPath('charts-nul.pdf'), { template: 'multi', mode: 'internal', generatedAt: GENERATED_AT });
    const text = squash(pdftotext(r.file));
    expect(text).toContain(chartLabels.en.heading);
    expect(execFileSync('pdfimages', ['-list', r.file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '').length).toBeGreaterThan(3);
  });

  it('draws the same charts as SVG with the text as text, for a person to look at', () => {
    mkdirSync(LOOK, { recursive: true });
    for (const spec of briefCharts(ctxFor('kk', 'internal'), stats)) {
      const svg = chartSvg(spec);
      writeFileSync(path.join(LOOK, `kk-${spec.id}.svg`), svg);
      expect(svg.startsWith('<svg')).toBe(true);
      if (spec.id === 'by-region') expect(svg).toContain('Маңғыстау облысы');
      if (spec.id === 'by-status') expect(svg).toContain(labelsFor('kk').status.active);
    }
  });
});
