import { describe, expect, it } from 'vitest';
import { MAX_STEM, asciiWords, cutWords, friendlyFileName } from '../../../shared/text/fileName';

const brief = (subject: string, tail: string[] = ['wgad', 'ru', '2026-12-06']) => friendlyFileName({ subject, tail, ext: 'pdf', fallback: 'brief' });

describe('asciiWords', () => {
  it('transliterates Kazakh letters to their nearest Latin sound', () => {
    expect(asciiWords('Кенжебек Әбішев')).toBe('kenzhebek-abishev');
    expect(asciiWords('Қасым-Жомарт Тоқаев')).toBe('kasym-zhomart-tokaev');
    expect(asciiWords('ҮҢҒӨҰҺ')).toBe('ungouh');
  });

  it('transliterates Russian, keeping the sound of Й, Ё, Щ and dropping the signs', () => {
    expect(asciiWords('Алексей Щербаков')).toBe('aleksei-shcherbakov');
    expect(asciiWords('Пётр Ильин')).toBe('pyotr-ilin');
    expect(asciiWords('Объединение «Голос Свободы»')).toBe('obedinenie-golos-svobody');
  });

  it('folds Latin diacritics and the letters NFKD would misread', () => {
    expect(asciiWords('Zhanar Ämirbekova')).toBe('zhanar-amirbekova');
    expect(asciiWords('Şaiyrbek Çolpon Müller')).toBe('shaiyrbek-cholpon-muller');
    expect(asciiWords('Łukasz Straße')).toBe('lukasz-strasse');
  });

  it('leaves no quotes, commas, long dashes or doubled separators', () => {
    const out = asciiWords('“Erkindik Qanaty” — Public Foundation,  Almaty / «Ар.Рух.Хак»');
    expect(out).toBe('erkindik-qanaty-public-foundation-almaty-ar-ruh-hak');
    expect(out).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('keeps a word with an apostrophe whole', () => {
    expect(asciiWords("Il'in O’Brien")).toBe('ilin-obrien');
  });

  it('is empty when nothing is a letter or digit it can spell', () => {
    expect(asciiWords('')).toBe('');
    expect(asciiWords(' — «» ,,, ')).toBe('');
    expect(asciiWords('王小明')).toBe('');
  });
});

describe('cutWords', () => {
  it('cuts at the last word boundary that fits', () => {
    expect(cutWords('aa-bbb-cccc', 6)).toBe('aa-bbb');
    expect(cutWords('aa-bbb-cccc', 7)).toBe('aa-bbb');
    expect(cutWords('aa-bbb-cccc', 11)).toBe('aa-bbb-cccc');
  });

  it('cuts inside the first word only when it alone is too long', () => {
    expect(cutWords('abcdefghij-k', 4)).toBe('abcd');
  });
});

describe('friendlyFileName', () => {
  it('names a brief by the subject, template, language and date', () => {
    expect(brief('Кенжебек Әбішев')).toBe('kenzhebek-abishev-wgad-ru-2026-12-06.pdf');
    expect(friendlyFileName({ subject: '3 cases', tail: ['multi', 'en', '2026-12-06'], ext: 'docx', fallback: 'brief' })).toBe('3-cases-multi-en-2026-12-06.docx');
  });

  it('keeps a very long name within the limit, cut at a word boundary, with the whole tail', () => {
    const subject = 'Общественное объединение «Казахстанское международное бюро по правам человека и соблюдению законности», Алматинский филиал';
    const name = brief(subject);
    const stem = name.slice(0, -'.pdf'.length);
    expect(stem.length).toBeLessThanOrEqual(MAX_STEM);
    expect(name).toMatch(/-wgad-ru-2026-12-06\.pdf$/);
    const words = stem.replace(/-wgad-ru-2026-12-06$/, '').split('-');
    // every word kept is a whole word of the transliterated name
    expect(asciiWords(subject).split('-').slice(0, words.length)).toEqual(words);
    expect(name).not.toMatch(/--/);
  });

  it('falls back to the given word when nothing of the name is left', () => {
    expect(brief('«—»')).toBe('brief-wgad-ru-2026-12-06.pdf');
    expect(brief('')).toBe('brief-wgad-ru-2026-12-06.pdf');
    expect(friendlyFileName({ subject: '王小明', tail: ['2026-12-06'], ext: 'casefile.json', fallback: 'casefile-export' })).toBe('casefile-export-2026-12-06.casefile.json');
  });

  it('never suggests characters a disk or a mail client may refuse', () => {
    for (const subject of ['a/b\\c:d*e?f"g<h>i|j', 'CON.', '..\\..\\etc', ' \u0000\u001f tab\tname ']) {
      expect(brief(subject)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.pdf$/);
    }
  });
});
