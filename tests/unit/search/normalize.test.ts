import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acronymKey, isAcronym, normalizePrefix, normalizeText, normalizeToken, possibleFirstLetters, searchTerms, tokenSpans, tokenize,
} from '../../../shared/text/normalize';

const meet = (spellings: string[]) => new Set(spellings.map(normalizeText));

describe('normalizeText: spellings of one name meet', () => {
  it.each([
    [['Toqaev', 'Tokayev', 'Тоқаев', 'Токаев', 'TOKAYEV', 'Tokaev']],
    [['Қасым-Жомарт', 'Kassym-Jomart', 'Касым-Жомарт', 'Qasym-Jomart', 'Kasym-Zhomart', 'Kassym-Dzhomart']],
    [['Әбішев', 'Abishev', 'Абишев', 'ӘБІШЕВ']],
    [['Ниязбеков', 'Niyazbekov', 'Niazbekov']],
    [['Серікұлы', 'Серикулы', 'Serikuly', 'Serikuli']],
    [['Айбек', 'Aybek', 'Aibek']],
    [['Әбдірахманова', 'Abdirakhmanova', 'Abdirahmanova']],
    [['Семёнов', 'Семенов', 'Semyonov', 'Semenov']],
    [['Ерлан', 'Yerlan', 'Erlan']],
    [['Жақсылық', 'Zhaksylyk', 'Jaqsylyq']],
    [['Шымкент', 'Shymkent', 'Şymkent']],
    [['Алексей', 'Aleksey', 'Alexei', 'Aleksei']],
    [['КМБПЧ', 'KMBPCh', 'kmbpch']],
    // A soft or hard sign: dropped, written y, or typed as an apostrophe.
    [['Ильин', 'Ilyin', 'Ilin', "Il'in", 'Il’in', 'ILYIN']],
    [['Объедков', 'Obyedkov', 'Obedkov', "Ob'yedkov"]],
    [['Дарья', "Dar'ya", 'Darya', 'Daria', 'Dar’ya']],
    [['Татьяна', 'Tatyana', 'Tatiana', "Tat'yana"]],
    [['Гульев', 'Gulyev', 'Gulev']],
  ])('%j', (spellings) => {
    expect(meet(spellings).size).toBe(1);
  });

  it('keeps the spelling groups apart that must stay apart', () => {
    expect(normalizeText('Ильин')).not.toBe(normalizeText('Илья'));
    expect(normalizeText('Tatyana')).not.toBe(normalizeText('Tatena'));
  });

  it('reads an apostrophe between letters as part of the word, but not a possessive', () => {
    expect(tokenize("Il'in and Dar’ya")).toEqual(["Il'in", 'and', 'Dar’ya']);
    expect(tokenize("Tokayev's letter, 'quoted' l'")).toEqual(['Tokayev', 's', 'letter', 'quoted', 'l']);
    expect(tokenSpans("Il'in")).toEqual([{ text: "Il'in", start: 0, end: 5 }]);
    expect(normalizeText("Obyed'kov")).toBe(normalizeText('Объедков'));
  });

  it('gives the exact forms the folding table documents', () => {
    expect(normalizeText('Тоқаев')).toBe('tokaev');
    expect(normalizeText('Қасым-Жомарт Тоқаев')).toBe('kasim zhomart tokaev');
    expect(normalizeText('Kassym')).toBe('kasim');
  });
});

describe('normalizeText: different names stay apart', () => {
  it.each([
    ['Abishev', 'Abenov'],
    ['Нурлан', 'Нурсултан'],
    ['Tokayev', 'Tokarev'],
    ['Серик', 'Сергей'],
    ['Ерлан', 'Арлан'],
    ['Гүлнар', 'Гүлмира'],
    ['KIBHR', 'KMBPCh'],
  ])('%s ≠ %s', (a, b) => {
    expect(normalizeText(a)).not.toBe(normalizeText(b));
  });
});

describe('Cyrillic letters that NFKD would damage', () => {
  it('keeps Й and Ё as sounds, not as И and Е with a stripped mark', () => {
    expect(normalizeToken('Ёлка')).toBe('yolka');
    expect(normalizeToken('Йошкар')).toBe('ioshkar');
    // Decomposed input (И + combining breve) reads the same as composed Й.
    expect(normalizeToken('Аи\u0306бек')).toBe(normalizeToken('Айбек'));
  });

  it('maps every Kazakh letter onto Latin', () => {
    expect(normalizeToken('ӘҒҚҢӨҰҮҺІ')).toMatch(/^[a-z]+$/);
    expect(normalizeToken('ЩЦЧШЖЮЯЫЭЪЬ')).toMatch(/^[a-z]*$/);
  });
});

describe('tokenize', () => {
  it('splits on anything but letters, marks and digits and keeps article numbers', () => {
    expect(tokenize('ст. 174 ч.2, «405 part 2» — Қасым-Жомарт')).toEqual(['ст', '174', 'ч', '2', '405', 'part', '2', 'Қасым', 'Жомарт']);
  });

  it('reports offsets into the original text', () => {
    const text = 'Блогер Айбек Серікұлы';
    for (const span of tokenSpans(text)) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('agrees with a plain Unicode regex on any text, astral characters included', () => {
    // Words of letters, marks and digits, joined across an apostrophe between two of them, except a final possessive 's.
    const W = '[\\p{L}\\p{M}\\p{N}]';
    const reference = (s: string) => s.match(new RegExp(`${W}+(?:['’ʼ](?![sS](?!${W}))${W}+)*`, 'gu')) ?? [];
    const char = fc.oneof(
      fc.constantFrom('a', 'Қ', 'ё', '1', ' ', '-', '—', '\u0306', '𝐀', '😀', '中', '٣', '\ud800'),
      fc.string({ unit: 'grapheme', maxLength: 1 }),
      fc.string({ unit: 'binary', maxLength: 1 }),
    );
    fc.assert(fc.property(fc.array(char, { maxLength: 40 }).map((a) => a.join('')), (s) => {
      expect(tokenize(s)).toEqual(reference(s));
    }));
  });

  it('numbers are not folded: digits never collapse', () => {
    expect(normalizeToken('2022')).toBe('2022');
    expect(normalizeToken('1100')).toBe('1100');
  });
});

describe('normalizeToken', () => {
  const letters = fc.constantFrom(...'abcdeghijkloqrsuxyzАЕЁЙКҚХЫЬЯЮӘІҰҮ-1'.split(''));
  const word = fc.array(letters, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));

  it('names every letter a word\'s search terms can start with, from its first characters', () => {
    const word = fc.array(fc.constantFrom(...'abdeghijkloqrsuxyzDJKQXYАЕЁЙКҚХЫЬЯЮӘІҰҮДЖЩЧЦШьъ\'1'.split('')), { minLength: 1, maxLength: 9 }).map((a) => a.join(''));
    fc.assert(fc.property(word, (w) => {
      const letters = possibleFirstLetters(w);
      for (const t of searchTerms(w)) expect(letters, `${w} → ${t}`).toContain(t.charAt(0));
    }), { numRuns: 3000 });
    for (const w of ['Dzhomart', 'Джомарт', 'Yerlan', 'Ерлан', 'Khasanov', 'Хасанов', 'Ybyrai', 'KMBPCh', 'КМБПЧ', 'Xenia', 'Qasym', 'Ilyin', "Il'in"]) {
      for (const t of searchTerms(w)) expect(possibleFirstLetters(w), w).toContain(t.charAt(0));
    }
  });

  it('is idempotent: the query side may normalise a normalised term', () => {
    fc.assert(fc.property(word, (w) => {
      const once = normalizeToken(w);
      expect(normalizeToken(once)).toBe(once);
    }), { numRuns: 2000 });
  });

  it('yields only lowercase letters and digits for Latin and Cyrillic input', () => {
    fc.assert(fc.property(word, (w) => {
      expect(normalizeToken(w)).toMatch(/^[a-z0-9]*$/);
    }));
  });

  it('drops a word made only of signs', () => {
    expect(normalizeToken('ь')).toBe('');
    expect(searchTerms('ъ')).toEqual([]);
  });
});

describe('normalizePrefix: a word still being typed', () => {
  it('leaves out a trailing y the full word would fold away', () => {
    expect(normalizeToken('Tokayev').startsWith(normalizeToken('Tokay'))).toBe(false);
    expect(normalizeToken('Tokayev').startsWith(normalizePrefix('Tokay'))).toBe(true);
    expect(normalizeToken('Тоқаев').startsWith(normalizePrefix('Тоқа'))).toBe(true);
  });
});

describe('acronyms', () => {
  it('recognises capitals, with a transliteration digraph allowed', () => {
    expect(isAcronym('KIBHR')).toBe(true);
    expect(isAcronym('KMBPCh')).toBe(true);
    expect(isAcronym('КМБПЧ')).toBe(true);
    expect(isAcronym('Tokayev')).toBe(false);
    expect(isAcronym('A')).toBe(false);
    expect(isAcronym('Ch')).toBe(false);
  });

  it('gives Cyrillic and Latin acronyms of one name one key, digraph or not', () => {
    const keys = new Set(['КМБПЧ', 'KMBPCh', 'KMBPCH', 'KMBPC'].map(acronymKey));
    expect(keys).toEqual(new Set(['kmbpc']));
    expect(acronymKey('Tokayev')).toBeNull();
  });

  it('indexes an acronym under its normal form and its key', () => {
    expect(searchTerms('KMBPCh')).toEqual(['kmbpch', 'kmbpc']);
    expect(searchTerms('KIBHR')).toEqual(['kibhr']);
  });
});
