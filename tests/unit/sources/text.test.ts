import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../electron/services/errors';
import { decodeCp1251, decodeText, looksLikeCp1251 } from '../../../electron/services/sources/decodeText';
import { extractSourceText } from '../../../electron/services/sources/extract';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Windows-1251 bytes for a Russian string, from the code chart: А–я are 0xC0–0xFF, Ё/ё 0xA8/0xB8, № 0xB9, « » 0xAB/0xBB. */
function cp1251(s: string): Uint8Array {
  const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '«': 0xab, '»': 0xbb, '—': 0x97, '–': 0x96 };
  return Uint8Array.from([...s].map((ch) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return c;
    if (c >= 0x410 && c <= 0x44f) return 0xc0 + (c - 0x410);
    const b = special[ch];
    if (b === undefined) throw new Error(`test setup: no Windows-1251 byte for ${ch}`);
    return b;
  }));
}

async function rejection(p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ServiceError);
    return err as ServiceError;
  }
  throw new Error('expected the promise to reject');
}

describe('plain text and Markdown', () => {
  it('strips a UTF-8 BOM and turns CRLF (and lone CR) into LF', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Іс № 7\r\nҚасым-Жомарт Тоқаев\r\n\r\nӘділет\rсоңы')]);
    const out = await extractSourceText('note.txt', bytes);
    expect(out).toEqual({ text: 'Іс № 7\nҚасым-Жомарт Тоқаев\n\nӘділет\nсоңы', format: 'txt', warnings: [] });
  });

  it('reads UTF-16 with a byte-order mark (what Windows Notepad calls "Unicode")', async () => {
    const text = 'Өтініш Үкіметке 🙂';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect((await extractSourceText('a.txt', le)).text).toBe(text);
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    expect((await extractSourceText('a.txt', be)).text).toBe(text);
  });

  it('reads Windows-1251 Russian text and says so in a warning', async () => {
    const original = 'Приговор суда: «5 лет» — статья № 174. Ёлки и ёжики.\r\n';
    const bytes = cp1251(original);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // the premise: not UTF-8
    const out = await extractSourceText('приговор.txt', bytes);
    expect(out.text).toBe('Приговор суда: «5 лет» — статья № 174. Ёлки и ёжики.\n');
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatch(/Windows-1251/);
  });

  it('refuses bytes that are neither UTF-8 nor Russian in Windows-1251', async () => {
    // Latin-1 French: é and è inside Latin words, which would read as Cyrillic letters glued to Latin ones.
    const latin1 = Uint8Array.from([...'Le café fermé près de la forêt'].map((c) => c.charCodeAt(0)));
    const err = await rejection(extractSourceText('fr.txt', latin1));
    expect(err.code).toBe('bad_input');
    expect(err.message).toMatch(/not valid UTF-8.*save it as UTF-8/);
  });

  it('refuses a binary file', async () => {
    const err = await rejection(extractSourceText('data.txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0])));
    expect(err.code).toBe('bad_input');
    expect(err.message).toMatch(/it is a ZIP archive/);
  });

  it('refuses a file with a UTF-8 mark but broken UTF-8', async () => {
    const err = await rejection(extractSourceText('x.md', new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28])));
    expect(err.message).toMatch(/not valid UTF-8/);
  });

  it('refuses an empty file', async () => {
    const err = await rejection(extractSourceText('empty.txt', utf8(' \n\t')));
    expect(err.code).toBe('bad_input');
    expect(err.message).toMatch(/nothing to annotate/);
  });

  it('takes a Markdown file\'s first heading as its title and keeps the Markdown as text', async () => {
    const md = 'Preamble line\n\n# Іс: Әділет Серікұлы #\n\n**Суд** отклонил ходатайство.\n\n## Детали\n';
    const out = await extractSourceText('CASE.MD', utf8(md));
    expect(out).toEqual({ text: md, title: 'Іс: Әділет Серікұлы', format: 'md', warnings: [] });
    expect((await extractSourceText('plain.txt', utf8('# not a title in .txt'))).title).toBeUndefined();
  });

  it('composes decomposed letters (й written as и + breve) so search and anchors see one form', async () => {
    const out = await extractSourceText('nfd.txt', utf8('Сергеи\u0306 и Алексеи\u0306'));
    expect(out.text).toBe('Сергей и Алексей');
    expect(out.text).toHaveLength(16);
  });
});

describe('file types', () => {
  it('refuses an unknown extension and lists the supported ones', async () => {
    const err = await rejection(extractSourceText('scan.xyz', utf8('x')));
    expect(err.code).toBe('bad_input');
    expect(err.message).toContain('.txt, .md, .html, .htm and .pdf');
  });

  it('tells Word users what to do', async () => {
    const err = await rejection(extractSourceText('C:\\Users\\a\\Приговор.docx', utf8('x')));
    expect(err.message).toMatch(/is not a Word \.docx document.*save it as \.docx \(or as PDF\)/);
  });

  it('goes by the extension, whatever its case, and ignores dots in folders', async () => {
    expect((await extractSourceText('/home/a.b/NOTE.TXT', utf8('мәтін'))).format).toBe('txt');
    expect((await extractSourceText('page.HTM', utf8('<p>мәтін</p>'))).format).toBe('html');
    const err = await rejection(extractSourceText('/home/a.txt/README', utf8('x')));
    expect(err.code).toBe('bad_input');
  });
});

describe('Windows-1251', () => {
  it('maps every byte as the WHATWG decoder does (0x98, unassigned, aside)', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const ours = decodeCp1251(all);
    const reference = new TextDecoder('windows-1251').decode(all);
    for (let i = 0; i < 256; i++) {
      if (i === 0x98) continue;
      expect(ours.charCodeAt(i), `byte 0x${i.toString(16)}`).toBe(reference.charCodeAt(i));
    }
  });

  it('tells Russian from Western European bytes', () => {
    expect(looksLikeCp1251(cp1251('Суд отклонил ходатайство защиты'))).toBe(true);
    expect(looksLikeCp1251(Uint8Array.from([...'Müller über Größe'].map((c) => c.charCodeAt(0))))).toBe(false);
  });

  it('is used directly when a page declares it', () => {
    expect(decodeText(cp1251('Суд'), 'a.html', 'Windows-1251')).toEqual({ text: 'Суд', warnings: [] });
  });
});
