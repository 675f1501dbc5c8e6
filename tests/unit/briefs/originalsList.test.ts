import { describe, expect, it } from 'vitest';
import type { CaseFile, Source } from '../../../shared/model';
import { listOriginals, prepareOriginals, safeName } from '../../../electron/services/briefs/originals/outgoing';
import { pdfAttachments } from '../../../electron/services/briefs/originals/options';
import { cleanText } from '../../../electron/services/briefs/layout/text';
import { exifTiff, PLACE } from './photoFixtures';
import { createHash } from 'node:crypto';

// Which originals a brief lists and under which names: one name per file, a number for
// two different files of one name, nothing a ZIP reader or a PDF viewer would take for a folder.

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const source = (id: string, name: string, content: string, mediaType = 'text/plain'): Source => ({
  id, title: `Source ${id}`, kind: 'other', text: '', sha256: sha(''),
  file: { sha256: sha(content), name, mediaType, size: Buffer.byteLength(content), addedAt: '2026-12-01T09:30:00.000Z' },
});
const caseWith = (sources: Source[]) => ({ sources }) as unknown as CaseFile;

describe('the originals a brief lists', () => {
  it('gives each file one safe name: a number for a second file of the same name, the same name for one file behind two sources', () => {
    const list = listOriginals([caseWith([
      source('a', 'scan.pdf', 'first'),
      source('b', 'SCAN.pdf', 'second'),
      source('c', 'scan.pdf', 'first'),
      source('d', '../../etc/passwd', 'third'),
      source('e', 'C:\\Users\\lawyer\\Desktop\\appeal.docx', 'fourth'),
      source('f', '\u0000\u0007', 'fifth'),
    ])]);
    expect(list.map((o) => o.name)).toEqual(['scan.pdf', 'SCAN (2).pdf', 'scan.pdf', 'passwd', 'appeal.docx', `original-${sha('fifth').slice(0, 12)}`]);
    // One attachment per file, whatever number of sources it stands behind.
    const attached = pdfAttachments(list.map((o) => ({ ...o, data: Buffer.from(o.name) })));
    expect(attached.map((a) => a.name)).toEqual(['scan.pdf', 'SCAN (2).pdf', 'passwd', 'appeal.docx', `original-${sha('fifth').slice(0, 12)}`]);
  });

  it('keeps a long name under 120 characters with its extension', () => {
    const name = safeName(`${'Приговор '.repeat(30)}.pdf`, sha('x'));
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('sends a photo whose location it cannot remove as it is, with a warning naming the place', async () => {
    const tiff = exifTiff();
    const s = { ...source('t', 'bruise.tif', ''), file: { sha256: createHash('sha256').update(tiff).digest('hex'), name: 'bruise.tif', mediaType: 'image/tiff', size: tiff.length, addedAt: '2026-12-01T09:30:00.000Z' } };
    const list = listOriginals([caseWith([s])]);
    const read = (wanted: string) => Promise.resolve(wanted === s.file.sha256 ? tiff : Buffer.alloc(0));
    const prepared = await prepareOriginals(list, 'attach', 'public', read);
    expect(prepared.list[0]!.data!.equals(tiff)).toBe(true);
    expect(prepared.list[0]!.copy).toBeUndefined();
    expect(prepared.warnings).toHaveLength(1);
    expect(prepared.warnings[0]).toContain('"bruise.tif"');
    expect(prepared.warnings[0]).toContain(PLACE.latitude.toFixed(3));
    expect(prepared.warnings[0]).toMatch(/Create the brief without originals/);
    // An internal brief carries it unchanged and warns of nothing: the team's own copy.
    expect((await prepareOriginals(list, 'attach', 'internal', read)).warnings).toEqual([]);
  });

  it('refuses originals beyond what one brief carries before reading any', async () => {
    const big = { ...source('b', 'video.mp4', 'v', 'video/mp4') };
    big.file = { ...big.file!, size: 200 * 1024 * 1024 };
    let reads = 0;
    await expect(prepareOriginals(listOriginals([caseWith([big])]), 'zip', 'public', () => { reads++; return Promise.resolve(Buffer.alloc(0)); }))
      .rejects.toThrow(/more than the 104857600 bytes one brief carries; nothing was written/);
    expect(reads).toBe(0);
  });
});

describe('a page break in text a brief prints', () => {
  it('becomes a space between two words and nothing beside a space, never a control character', () => {
    expect(cleanText('page one ends\fpage two')).toBe('page one ends page two');
    expect(cleanText('ends \f begins')).toBe('ends  begins');
    expect(cleanText('a\u000bb\u0007c')).toBe('a bc');
  });
});
