import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import exifr from 'exifr';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/dispatch';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { createHandlers } from '../../../electron/services/handlers';
import { cli } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { unzipRaw } from '../briefs/rawZip';
import { jpegs } from '../briefs/photoFixtures';

// `casefile brief --originals`: the ZIP with the brief and its originals, the names that
// must agree with it (.zip for a ZIP, a PDF to attach to), and what the annex promises.

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const DECISION = Buffer.from('Decision of the appeal court: the appeal is dismissed.\n', 'utf8');
const { located: PHOTO } = jpegs();

let dir: string;
let cleanup: () => Promise<void>;
let caseId: string;
const data = () => path.join(dir, 'data');
const out = (name: string) => path.join(dir, name);
const brief = (...args: string[]) => cli(['--data-dir', data(), 'brief', caseId, ...args]);

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-brief-originals-'));
  const store = await CaseStore.open(data());
  try {
    const file = async (bytes: Buffer, name: string, mediaType: string) => ({
      sha256: (await store.originals.put([bytes], { name })).sha256, name, mediaType, size: bytes.length, addedAt: '2026-12-02T08:00:00.000Z',
    });
    const dispatch = createDispatcher(createHandlers(store));
    const created = await dispatch('cases.create', { case: prisonerDraft({
      sources: [
        { id: 's1', title: 'Appeal decision', kind: 'court_document', text: 'Decision of the appeal court: the appeal is dismissed.', file: await file(DECISION, 'appeal-decision.txt', 'text/plain') },
        { id: 's2', title: 'Photo from the hearing', kind: 'photo', text: '', file: await file(PHOTO, 'hearing.jpg', 'image/jpeg') },
      ],
    }) });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    caseId = created.value.id;
  } finally {
    await store.close();
  }
});
afterEach(() => cleanup());

describe('casefile brief --originals', () => {
  it('zip: writes FILE.zip with the brief and files/<name> for each original, the photo’s location removed', async () => {
    const file = out('abishev.zip');
    const run = await brief('--out', file, '--originals', 'zip');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 original file(s) beside it in the ZIP');
    const entries = unzipRaw(await readFile(file));
    const names = [...entries.keys()].sort();
    expect(names.filter((n) => n.startsWith('files/'))).toEqual(['files/appeal-decision.txt', 'files/hearing.jpg']);
    expect(names.filter((n) => n.endsWith('.pdf'))).toHaveLength(1);
    expect(entries.get('files/appeal-decision.txt')!.equals(DECISION)).toBe(true);
    expect(await exifr.gps(entries.get('files/hearing.jpg')!).catch(() => undefined)).toBeUndefined();
    // The store keeps the photo as it was added.
    const store = await CaseStore.open(data());
    try {
      expect((await store.originals.read(sha256(PHOTO), PHOTO.length)).equals(PHOTO)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses names that disagree with the option, before anything is written', async () => {
    const zipAsPdf = await brief('--out', out('a.pdf'), '--originals', 'zip');
    expect(zipAsPdf.code).toBe(2);
    expect(zipAsPdf.stderr).toMatch(/--originals zip .* name ending in \.zip/);
    const zipWithout = await brief('--out', out('b.zip'));
    expect(zipWithout.code).toBe(2);
    expect(zipWithout.stderr).toMatch(/names a ZIP: add --originals zip/);
    const wordAttach = await brief('--out', out('c.docx'), '--originals', 'attach');
    expect(wordAttach.code).toBe(2);
    expect(wordAttach.stderr).toMatch(/use --originals zip for Word/);
    const unknown = await brief('--out', out('d.pdf'), '--originals', 'email');
    expect(unknown.code).toBe(2);
    for (const name of ['a.pdf', 'b.zip', 'c.docx', 'd.pdf']) expect(existsSync(out(name))).toBe(false);
  });

  it('attach: the PDF carries the originals and says so', async () => {
    const file = out('abishev.pdf');
    const run = await brief('--out', file, '--originals', 'attach', '--mode', 'internal');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 original file(s) attached');
    const pdf = await readFile(file);
    // The embedded files' names are in the PDF's EmbeddedFiles tree.
    expect(pdf.includes(Buffer.from('/EmbeddedFiles'))).toBe(true);
    expect(pdf.includes(Buffer.from('(hearing.jpg)'))).toBe(true);
  });
});
