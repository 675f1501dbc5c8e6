import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefRequest } from '../../../shared/contract';
import type { BriefLang } from '../../../shared/model/brief';
import { joinPages } from '../../../shared/text/pages';
import { docxText } from '../../../electron/services/briefs/docx/docxText';
import { originalsLabels } from '../../../electron/services/briefs/labels/originals';
import { createDispatcher, type Dispatch } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { jpegs, pngs } from './photoFixtures';
import { outPath, pdftotext, squash } from './pdfTools';
import { unzipRaw } from './rawZip';
import type { z } from 'zod';

// Briefs and the originals behind their sources, through the dispatcher on a real data
// folder: the page a quote is on, the annex of originals (full SHA-256), the originals
// attached to the PDF or zipped beside it byte for byte, a photo's location removed from
// the copy that leaves a public brief, and a confidential source's file never leaving.

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const PAGES = [
  'Page one opens the verdict of the district court. The court ends page one here',
  'and page two begins the reasons of the court.',
  'On page three the court found the defendant guilty of posting a poem.',
];
const VERDICT = Buffer.from(`${PAGES.join('\n\n')}\n`, 'utf8');
const WITNESS = Buffer.from('Confidential note: Zhanar Oralbekkyzy saw the arrest from her window.\n', 'utf8');
const { located: PHOTO } = jpegs();
const { plain: CHART } = pngs();

type Request = z.input<typeof BriefRequest>;

describe('briefs with originals', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let store: CaseStore;
  let dispatch: Dispatch;
  let caseId: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    store = await CaseStore.open(dir);
    dispatch = createDispatcher(createHandlers(store));
    const put = async (bytes: Buffer) => (await store.originals.put([bytes], { name: 'x' })).sha256;
    const addedAt = '2026-12-01T09:30:00.000Z';
    const created = await dispatch('cases.create', {
      case: prisonerDraft({
        arrest: { date: '2026-01-10', place: 'Almaty' },
        sources: [
          {
            id: 's1', title: 'Verdict of the district court', kind: 'court_document', text: joinPages(PAGES),
            file: { sha256: await put(VERDICT), name: 'Үкім 2026.txt', mediaType: 'text/plain', size: VERDICT.length, addedAt, capturedFrom: 'https://office.sud.kz/case/42', capturedAt: '2026-11-30T15:05:00.000Z', textBy: 'embedded', pages: 3 },
          },
          {
            id: 's2', title: 'Photo of the injuries', kind: 'photo', text: '',
            file: { sha256: await put(PHOTO), name: 'injuries.jpg', mediaType: 'image/jpeg', size: PHOTO.length, addedAt, addedBy: 'Aigul the paralegal' },
          },
          {
            id: 's3', title: 'Witness note', kind: 'statement', text: 'A note.', confidential: true,
            file: { sha256: await put(WITNESS), name: 'witness-oralbekkyzy.txt', mediaType: 'text/plain', size: WITNESS.length, addedAt },
          },
          {
            id: 's4', title: 'Chart of the hearings', kind: 'other', text: '',
            file: { sha256: await put(CHART), name: 'hearings.png', mediaType: 'image/png', size: CHART.length, addedAt },
          },
        ],
        annotations: [
          { sourceId: 's1', target: { quote: { exact: 'found the defendant guilty of posting a poem' } }, body: '', tags: [] },
          { sourceId: 's1', target: { quote: { exact: `ends page one here\fand page two begins` } }, body: '', tags: [] },
        ],
      }),
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    caseId = created.value.id;
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  async function render(request: Omit<Request, 'ids'>) {
    const result = await dispatch('briefs.render', { ids: [caseId], ...request });
    if (!result.ok) throw new Error(result.error.message);
    return { ...result.value, data: Buffer.from(result.value.dataBase64, 'base64') };
  }

  function pdfText(data: Buffer, name: string): string {
    const file = outPath(name);
    writeFileSync(file, data);
    return squash(pdftotext(file));
  }

  /** The files embedded in a PDF, by name, as poppler's pdfdetach saves them. */
  function detached(data: Buffer, name: string): Map<string, Buffer> {
    const file = outPath(name);
    writeFileSync(file, data);
    const list = execFileSync('pdfdetach', ['-enc', 'UTF-8', '-list', file], { encoding: 'utf8' });
    const into = mkdtempSync(outPath(`${name}-files-`));
    execFileSync('pdfdetach', ['-enc', 'UTF-8', '-saveall', '-o', into, file]);
    const files = new Map(readdirSync(into).map((f) => [f, readFileSync(path.join(into, f))]));
    // -list names every embedded file: the same set as the saved ones.
    expect(list.split('\n').slice(1).filter((l) => l.trim() !== '').map((l) => l.replace(/^\s*\d+:\s*/, '')).sort()).toEqual([...files.keys()].sort());
    return files;
  }

  it.each([
    ['en', '“found the defendant guilty of posting a poem” (p. 3)', '“ends page one here and page two begins” (pp. 1–2)'],
    ['ru', '«found the defendant guilty of posting a poem» (с. 3)', '«ends page one here and page two begins» (с. 1–2)'],
    ['kk', '«found the defendant guilty of posting a poem» (3-бет)', '«ends page one here and page two begins» (1–2-беттер)'],
  ] as const)('cites the page of each quote from a paged original in %s, a page break printed as a space', async (lang: BriefLang, onPage3, acrossBreak) => {
    const brief = await render({ template: 'case', lang, mode: 'public' });
    const text = pdfText(brief.data, `originals-pages-${lang}.pdf`);
    expect(text).toContain(onPage3);
    expect(text).toContain(acrossBreak);
    const labels = originalsLabels[lang];
    expect(text).toContain(labels.annex);
  });

  it('lists every original the public brief shows with its full SHA-256, and never the confidential source’s', async () => {
    const brief = await render({ template: 'case', lang: 'en', mode: 'public' });
    expect(brief.originalsSent).toBeUndefined();
    const text = pdfText(brief.data, 'originals-annex-public.pdf');
    const annex = text.slice(text.lastIndexOf('Annex: original files'));
    for (const bytes of [VERDICT, PHOTO, CHART]) expect(annex).toContain(`SHA-256: ${sha256(bytes)}`);
    expect(annex).toContain('File: Үкім 2026.txt');
    expect(annex).toContain('Type: image/jpeg');
    expect(annex).toContain(`Size: ${VERDICT.length} bytes`);
    expect(annex).toContain('Captured from: https://office.sud.kz/case/42');
    expect(annex).toContain('Captured at: 30 November 2026, 15:05 UTC');
    expect(annex).toContain('Added to the file: 1 December 2026, 09:30 UTC');
    // Who added a file is a team member's name: the team's own copy only.
    expect(text).not.toContain('Aigul the paralegal');
    expect(text).not.toContain(sha256(WITNESS));
    expect(text).not.toContain('witness-oralbekkyzy');
    // Nothing was sent, so nothing was stripped: the annex gives the original's fingerprint alone.
    expect(text).not.toContain(originalsLabels.en.copyStripped);
  });

  it('attaches the originals to a public PDF, the photo without its location, and names both fingerprints', async () => {
    const brief = await render({ template: 'case', lang: 'en', mode: 'public', originals: 'attach' });
    expect(brief.fileName).toMatch(/\.pdf$/);
    expect(brief.originalsSent).toBe(3);
    const files = detached(brief.data, 'originals-attach-public.pdf');
    expect([...files.keys()].sort()).toEqual(['hearings.png', 'injuries.jpg', 'Үкім 2026.txt']);
    expect(files.get('Үкім 2026.txt')!.equals(VERDICT)).toBe(true);
    expect(files.get('hearings.png')!.equals(CHART)).toBe(true);
    const photo = files.get('injuries.jpg')!;
    expect(photo.equals(PHOTO)).toBe(false);
    expect(await exifr.gps(photo).catch(() => undefined)).toBeUndefined();
    const text = pdfText(brief.data, 'originals-attach-public-text.pdf');
    expect(text).toContain(originalsLabels.en.attachedIntro);
    expect(text).toContain(`SHA-256 of the original: ${sha256(PHOTO)}`);
    expect(text).toContain(`SHA-256 of the copy sent: ${sha256(photo)}`);
    expect(text).toContain(`Size of the copy sent: ${new Intl.NumberFormat('en-GB').format(photo.length)} bytes`);
    expect(text).toContain(originalsLabels.en.copyStripped);
    expect(text).not.toContain(sha256(WITNESS));
  });

  it('attaches everything, unchanged, to an internal brief, the confidential source’s file too', async () => {
    const brief = await render({ template: 'wgad', lang: 'ru', mode: 'internal', originals: 'attach' });
    const files = detached(brief.data, 'originals-attach-internal.pdf');
    expect(files.get('injuries.jpg')!.equals(PHOTO)).toBe(true);
    expect(files.get('witness-oralbekkyzy.txt')!.equals(WITNESS)).toBe(true);
    const text = pdfText(brief.data, 'originals-attach-internal-text.pdf');
    expect(text).toContain(originalsLabels.ru.annex);
    expect(text).toContain(`${originalsLabels.ru.sha256}: ${sha256(WITNESS)}`);
    expect(text).toContain('Aigul the paralegal');
  });

  it('packs a submission brief and its originals into one ZIP, byte for byte', async () => {
    const brief = await render({ template: 'wgad', lang: 'kk', mode: 'submission', originals: 'zip' });
    expect(brief.fileName).toMatch(/-wgad-kk-submission-.*\.zip$/);
    const entries = unzipRaw(brief.data);
    const pdfName = brief.fileName.replace(/\.zip$/, '.pdf');
    expect([...entries.keys()].sort()).toEqual([pdfName, 'files/hearings.png', 'files/injuries.jpg', 'files/Үкім 2026.txt'].sort());
    expect(entries.get('files/Үкім 2026.txt')!.equals(VERDICT)).toBe(true);
    expect(entries.get('files/hearings.png')!.equals(CHART)).toBe(true);
    expect(await exifr.gps(entries.get('files/injuries.jpg')!).catch(() => undefined)).toBeUndefined();
    const text = pdfText(entries.get(pdfName)!, 'originals-zip.pdf');
    expect(text).toContain(originalsLabels.kk.annex);
    expect(text).toContain(originalsLabels.kk.zippedIntro);
    expect(text).toContain(`${originalsLabels.kk.sha256Copy}: ${sha256(entries.get('files/injuries.jpg')!)}`);
    expect(text).not.toContain(sha256(WITNESS));
  });

  it('gives a Word brief the page cites and the annex, and carries its originals in a ZIP only', async () => {
    const brief = await render({ template: 'case', lang: 'ru', mode: 'public', format: 'docx', originals: 'zip' });
    const entries = unzipRaw(brief.data);
    const docxName = brief.fileName.replace(/\.zip$/, '.docx');
    const docx = entries.get(docxName)!;
    const text = squash(await docxText(docx));
    expect(text).toContain('«found the defendant guilty of posting a poem» (с. 3)');
    expect(text).toContain('«ends page one here and page two begins» (с. 1–2)');
    expect(text).toContain(`${originalsLabels.ru.sha256}: ${sha256(VERDICT)}`);
    // The page break of the source never reaches Word as a control character.
    expect(unzipRaw(docx).get('word/document.xml')!.includes(Buffer.from('\f'))).toBe(false);
    expect(entries.get('files/Үкім 2026.txt')!.equals(VERDICT)).toBe(true);

    const attach = await dispatch('briefs.render', { ids: [caseId], template: 'case', format: 'docx', originals: 'attach' });
    expect(attach.ok).toBe(false);
    if (!attach.ok) {
      expect(attach.error.code).toBe('bad_input');
      expect(attach.error.message).toMatch(/Word brief cannot hold attachments.*Choose zip/);
      expect(attach.error.issues?.[0]?.path).toEqual(['originals']);
    }
  });

  it('records in the case history each original a brief carries out, and none for a brief that only lists them', async () => {
    const custodyLines = async () => {
      const history = await dispatch('cases.history', { id: caseId });
      if (!history.ok) throw new Error(history.error.message);
      return history.value.filter((e) => e.cause === 'custody').map((e) => e.custody!);
    };
    const before = (await custodyLines()).length;
    await render({ template: 'case', lang: 'en', mode: 'public', originals: 'none' });
    expect((await custodyLines()).length).toBe(before);
    const brief = await render({ template: 'case', lang: 'en', mode: 'public', originals: 'zip' });
    const added = (await custodyLines()).slice(before);
    // The public brief carries the verdict, the photo and the chart — never the confidential witness note.
    expect(added.map((c) => c.sourceId).sort()).toEqual(['s1', 's2', 's4']);
    for (const c of added) expect(c).toMatchObject({ action: 'briefed', to: brief.fileName });
    expect(added.find((c) => c.sourceId === 's1')).toMatchObject({ name: 'Үкім 2026.txt', sha256: sha256(VERDICT) });
    // Custody lines leave the case as it was, and the folder's tamper checks accept them.
    expect((await store.verify()).problems).toEqual([]);
  });

  it('refuses originals for a template without their annex', async () => {
    const result = await dispatch('briefs.render', { ids: [caseId], template: 'urgent-action', originals: 'zip' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/urgent-action brief has no annex of originals/);
  });

  it('refuses, naming the source, when an original to send is gone from the folder', async () => {
    const bytes = Buffer.from('stored, then lost from the folder');
    // A case may only name an original the folder holds: stored first, removed from files/ after the save.
    const { sha256: lost } = await store.originals.put([bytes], { name: 'lost.txt' });
    const created = await dispatch('cases.create', {
      case: prisonerDraft({
        title: 'Missing original',
        sources: [{ id: 'm1', title: 'Lost decision', kind: 'court_document', text: 'x', file: { sha256: sha256(bytes), name: 'lost.txt', mediaType: 'text/plain', size: bytes.length, addedAt: '2026-12-01T09:30:00.000Z' } }],
      }),
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    rmSync(store.originals.pathOf(lost));
    const result = await dispatch('briefs.render', { ids: [created.value.id], template: 'case', originals: 'attach' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/original of the source "Lost decision" \(lost\.txt\) cannot be sent/);
    // Without originals the brief is still written, its annex naming the file it could not carry.
    const plain = await render({ template: 'case' });
    expect(plain.data.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
