import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractSourceText } from '../../../electron/services/sources/extract';
import { decodeEntities } from '../../../electron/services/sources/htmlEntities';
import { htmlToText } from '../../../electron/services/sources/htmlText';
import { charsetWarning } from '../../../shared/contract';

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, '../../fixtures/sources', name));
const utf8 = (s: string) => new TextEncoder().encode(s);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('HTML: a saved news page', () => {
  it('keeps the words, drops what runs or is hidden, and lays out blocks', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const out = await extractSourceText('article.html', fixture('article.html'));
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(out.format).toBe('html');
    expect(out.warnings).toEqual([]);
    expect(out.title).toBe('Суд над активистом «Әділет» — KIBHR');
    expect(out.text).toBe(
      [
        'Главная | Новости',
        '',
        'Суд над активистом',
        '',
        'Алматы, 12 наурыз. Специализированный межрайонный суд рассмотрел дело активиста Әділет Серікұлы.',
        '',
        'Адвокат заявила, что Қасым-Жомарт Тоқаев обещал реформы & свободу собраний.',
        'Human Rights Watch назвала процесс «показательным».',
        '',
        'Приговор',
        '',
        '5 лет ограничения свободы',
        'запрет на общественную деятельность',
        '',
        'Дата\tСобытие',
        '2024-03-12\tПриговор',
      ].join('\n'),
    );
    for (const hidden of ['SCRIPT', 'STYLE', 'JSON-LD', 'COMMENT', 'IMG', 'ALT', 'HIDDEN', 'DISPLAY-NONE', 'TEMPLATE', 'IFRAME', 'NOSCRIPT', 'OBJECT']) {
      expect(out.text).not.toContain(`${hidden}-TEXT`);
    }
    expect(out.text).not.toMatch(/alert|remote|onerror|<|>/);
  });

  it('handles the brief\'s case inline: script, a remote image with onerror, entities, headings', () => {
    const html =
      '<h1>Іс &#8470; 7</h1><script>alert(1)</script><img src="http://remote/x.png" onerror="alert(2)">' +
      '<p>Tom &amp; Jerry: &#1178;азақстан &laquo;Әділет&raquo;</p><p>Второй абзац</p>';
    expect(htmlToText(html)).toEqual({ text: 'Іс № 7\n\nTom & Jerry: Қазақстан «Әділет»\n\nВторой абзац', title: 'Іс № 7' });
  });
});

describe('HTML: the tokenizer does not get tricked', () => {
  it('reads script content as raw text to its end tag, in any letter case', () => {
    const html = '<p>до</p><SCRIPT type="module">if (a < b && c > d) document.write("<p>ВНУТРИ</p>"); // </scriptx\n</SCRIPT ><p>после</p>';
    expect(htmlToText(html).text).toBe('до\n\nпосле');
  });

  it('does not end a tag at a ">" inside a quoted attribute', () => {
    const html = '<a title="a > b" href=\'x>y\'>ссылка</a> <img alt=">>" src=x>текст';
    expect(htmlToText(html).text).toBe('ссылка текст');
  });

  it('drops comments, including unterminated ones, doctypes, CDATA and processing instructions', () => {
    expect(htmlToText('<!DOCTYPE html><?xml version="1.0"?>а<!-- <b>б</b> -->в<![CDATA[г]]>д<!-->е<!--->ж').text).toBe('авдеж');
    expect(htmlToText('видно<!-- до конца файла <p>не видно</p>').text).toBe('видно');
  });

  it('keeps a literal "<" that does not open a tag', () => {
    expect(htmlToText('<p>5 < 7 и 3 <= 4</p>').text).toBe('5 < 7 и 3 <= 4');
  });

  it('hides hidden elements with their nested children, and ends an implied-end element at its sibling', () => {
    const html = '<div hidden>скрыто <div>тоже</div> всё ещё</div>видно<ul><li hidden>нет<li>да</ul><p aria-hidden="true">нет<p>абзац';
    expect(htmlToText(html).text).toBe('видно\n\nда\n\nабзац');
  });

  it('keeps whitespace inside <pre> and skips its first newline', () => {
    expect(htmlToText('<p>а</p><pre>\n  отступ\n\tтаб</pre><p>б</p>').text).toBe('а\n\n  отступ\n\tтаб\n\nб');
  });

  it('turns <br> into line breaks but never leaves more than one blank line', () => {
    expect(htmlToText('а<br>б<br><br><br><br>в<p></p><p></p><div>г</div>').text).toBe('а\nб\n\nв\n\nг');
  });

  it('collapses whitespace and keeps words that tags join', () => {
    expect(htmlToText('  <p>  Қасым<b>-Жомарт</b>\n\n   Тоқаев  </p>  ').text).toBe('Қасым-Жомарт Тоқаев');
  });

  it('falls back to the first <h1> when the page has no <title>', () => {
    expect(htmlToText('<h1>Бас <em>тақырып</em></h1><h1>екінші</h1>').title).toBe('Бас тақырып');
    expect(htmlToText('<p>без заголовка</p>').title).toBeUndefined();
  });

  it('shows a textarea\'s text but not a script inside a hidden element', () => {
    expect(htmlToText('<textarea>&lt;текст&gt;</textarea><div hidden><script>x("</div>")</script>нет</div>да').text).toBe('<текст>\n\nда');
  });
});

describe('HTML: character references', () => {
  it('decodes named, decimal and hex references', () => {
    expect(decodeEntities('&amp; &lt;&gt; &quot;&apos; &laquo;&raquo; &mdash;&ndash; &hellip; &numero; &euro; &nbsp;')).toBe('& <> "\' «» —– … № € \u00a0');
    expect(decodeEntities('&#1178;&#x49B;&#X4D8; &#128512;')).toBe('Ққ\u04d8 😀');
  });

  it('does what browsers do with odd references', () => {
    expect(decodeEntities('&#150;&#151;&#0;&#xD800;&#x110000;')).toBe('–—\uFFFD\uFFFD\uFFFD');
    expect(decodeEntities('&unknown; AT&T &copy 2024 &nbsp2 &amp')).toBe('&unknown; AT&T © 2024 \u00a02 &');
    expect(decodeEntities('&laquoне')).toBe('«не');
    expect(decodeEntities('&hellipx')).toBe('&hellipx'); // not a legacy name: needs its semicolon
  });

  it('has the whole Latin-1 block and Greek', () => {
    expect(decodeEntities('&nbsp;')).toBe('\u00a0');
    expect(decodeEntities('&yuml;')).toBe('\u00ff');
    expect(decodeEntities('&szlig;')).toBe('\u00df');
    expect(decodeEntities('&Omega;')).toBe('\u03a9');
    expect(decodeEntities('&sigmaf;')).toBe('\u03c2');
    expect(decodeEntities('&omega;')).toBe('\u03c9');
  });

  it('knows the HTML5 names the hand-written table lacked, and still drops references to invisible controls', () => {
    // Latin Extended (Kazakh and Turkic transliterations), arrows, mathematics, and names with two code points.
    expect(decodeEntities('&Kcedil;&kcedil;&Scedil;&scedil;&gbreve;&Idot;&imath;&inodot;')).toBe('Ķķ\u015e\u015fğİıı');
    expect(decodeEntities('&rightarrow;&LeftArrow;&check;&cross;&star;&starf;&phone;&female;')).toBe('→←✓✗☆★☎♀');
    expect(decodeEntities('&NotGreaterFullEqual;&bne;&fjlig;')).toBe('≧̸=⃥fj');
    expect(decodeEntities('&Cyrillic; &Ncy;&ncy;&IEcy;&YUcy;&yacy;')).toBe('&Cyrillic; НнЕЮя');
    expect(decodeEntities('&lbrace;&rbrace;&lsqb;&rsqb;&verbar;&sol;&bsol;&num;&percnt;&commat;')).toBe('{}[]|/\\#%@');
    expect(decodeEntities('a&#1;b&#x7f;c&#x81;d&#9;e')).toBe('abcd\te');
  });
});

describe('HTML: encodings', () => {
  it('reads a page that declares windows-1251', async () => {
    const head = utf8('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>');
    // "Суд" in Windows-1251, by the code chart (А = 0xC0 … я = 0xFF).
    const sud = [0xd1, 0xf3, 0xe4];
    const rest = utf8('</title></head><body><p>');
    const tail = utf8('</p></body></html>');
    const bytes = new Uint8Array([...head, ...sud, ...rest, ...sud, ...tail]);
    const out = await extractSourceText('old.htm', bytes);
    expect(out).toEqual({ text: 'Суд', title: 'Суд', format: 'html', warnings: [] });
  });

  it('a page that declares windows-1251 but is UTF-8 is read as UTF-8, and says which was declared and which used', async () => {
    const page = '<html><head><meta charset="windows-1251"><title>Приговор суда</title></head><body><p>Қасым осуждён по статье 174.</p></body></html>';
    const out = await extractSourceText('saved.html', utf8(page));
    expect(out).toEqual({
      text: 'Қасым осуждён по статье 174.',
      title: 'Приговор суда',
      format: 'html',
      warnings: [charsetWarning({ declared: 'windows-1251', used: 'utf-8' })],
      charset: { declared: 'windows-1251', used: 'utf-8' },
    });
    expect(out.warnings[0]).toBe('The file declares the "windows-1251" character set, but its bytes are utf-8 text, so it was read as utf-8. Check that the text looks right.');
  });

  it('a page that declares UTF-8 but is Windows-1251 is read as Windows-1251, with the same warning', async () => {
    const head = utf8('<html><head><meta charset="utf-8"><title>');
    const prigovor = [0xcf, 0xf0, 0xe8, 0xe3, 0xee, 0xe2, 0xee, 0xf0]; // "Приговор" by the code chart
    const bytes = new Uint8Array([...head, ...prigovor, ...utf8('</title></head><body><p>'), ...prigovor, ...utf8('</p></body></html>')]);
    const out = await extractSourceText('old.html', bytes);
    expect(out.text).toBe('Приговор');
    expect(out.charset).toEqual({ declared: 'utf-8', used: 'windows-1251' });
    expect(out.warnings).toEqual([charsetWarning({ declared: 'utf-8', used: 'windows-1251' })]);
  });

  it('a declared charset that fits (ASCII under any label) gives no warning', async () => {
    const out = await extractSourceText('plain.html', utf8('<meta charset="windows-1251"><p>Court ruling</p>'));
    expect(out).toEqual({ text: 'Court ruling', format: 'html', warnings: [] });
  });

  it('refuses a page with no visible text', async () => {
    await expect(extractSourceText('empty.html', utf8('<script>x()</script><!-- nothing -->'))).rejects.toMatchObject({ code: 'bad_input' });
  });
});

describe('htmlToText on htmlparser2', () => {
  it('keeps hiding past void elements inside a hidden one, and closes what an end tag closes', () => {
    expect(htmlToText('<div hidden>a<br>b<img src=x>c</div>d').text).toBe('d');
    expect(htmlToText('<object><param name=a value=b>alt text</object>после').text).toBe('после');
    // </h1> closes the hidden span opened inside it, as a browser's tree does.
    expect(htmlToText('<h1>тақырып<span hidden>жасырын</h1>көрінеді').text).toBe('тақырып\n\nкөрінеді');
  });

  it('reads </br> as a line break and the first of two titles, and names a page by an <h1> left open', () => {
    expect(htmlToText('<div>а</br>б</div>').text).toBe('а\nб');
    expect(htmlToText('<title>A &amp; B</title><title>second</title><p>text</p>')).toEqual({ text: 'text', title: 'A & B' });
    expect(htmlToText('<h1>Үкім').title).toBe('Үкім');
  });
});
