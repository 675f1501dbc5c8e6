import { describe, expect, it } from 'vitest';
import { allowedEdits, compareWording, quoteEdges, splitsWord, wordEndAfter, wordStartBefore } from '../../../shared/text/anchorWords';

// The word-by-word judge of a fuzzy candidate: whitespace is nothing, a typo is a
// change to review, a number or a replaced word is other facts.

describe('compareWording', () => {
  it('calls a difference in whitespace and invisible characters the same wording', () => {
    expect(compareWording('суд  отклонил\nходатайство', 'суд отклонил ходатайство')).toEqual({ kind: 'same' });
    expect(compareWording('ходатайство', 'ходатай\u00adство')).toEqual({ kind: 'same' });
    expect(compareWording('2 000 000 тенге', '2000000 тенге')).toEqual({ kind: 'same' });
  });

  it('calls typo-level edits a change: a letter or two in a long word, case, punctuation, a split word', () => {
    expect(compareWording('Касым-Жомарт Тоқаев', 'Қасым-Жомарт Тоқаев')).toMatchObject({ kind: 'changed' });
    expect(compareWording('ходатайстово защиты', 'ходатайство защиты')).toMatchObject({ kind: 'changed' });
    expect(compareWording('Tokayev promised reforms', 'Tokaev promised reforms')).toMatchObject({ kind: 'changed' });
    expect(compareWording('strict-regime colony', 'strict regime colony')).toMatchObject({ kind: 'changed' });
    expect(compareWording('суд отклонил', 'Суд отклонил')).toMatchObject({ kind: 'changed' });
    expect(compareWording('«показательный» процесс', '"показательный" процесс')).toMatchObject({ kind: 'changed' });
    expect(compareWording('не смотря на протесты', 'несмотаря на протесты')).toMatchObject({ kind: 'changed' });
    expect(compareWording('ходатай ство защиты', 'ходатайтсво защиты')).toMatchObject({ kind: 'changed' });
    // One edit in a word of four to nine letters, two from ten; none below four.
    expect([allowedEdits('суд', 'сут'), allowedEdits('судья', 'судя'), allowedEdits('ходатайство', 'ходатайстово')]).toEqual([0, 1, 2]);
    expect(compareWording('sentenced him', 'santenced him')).toMatchObject({ kind: 'changed' });
    expect(compareWording('бостандығынан айырды', 'бостандыгынан айырды')).toMatchObject({ kind: 'changed' });
    expect(compareWording('ходатайство защиты', 'хадатайсво защиты')).toMatchObject({ kind: 'changed' });
  });

  it('refuses a replaced, added or removed word', () => {
    expect(compareWording('sentenced him to prison', 'acquitted him to prison')).toEqual({ kind: 'words' });
    expect(compareWording('суд признал его виновным', 'суд не признал его виновным')).toEqual({ kind: 'words' });
    expect(compareWording('суд признал его виновным', 'суд признал виновным')).toEqual({ kind: 'words' });
    // A word of three letters or fewer must stay as it was (up to case): "not" → "now" is not a typo.
    expect(compareWording('he did not sign it', 'he did now sign it')).toEqual({ kind: 'words' });
    expect(compareWording('Өтініш Үкіметке жіберілді', 'Өтініш Әкімдікке жіберілді')).toEqual({ kind: 'words' });
    // A negation put into a word is a new word, not a typo.
    expect(compareWording('признал виновным', 'признал невиновным')).toEqual({ kind: 'words' });
    expect(compareWording('бостандығынан айырды', 'бостандығынан айырмады')).toEqual({ kind: 'words' });
    expect(compareWording('sentenced him', 'santanced him')).toEqual({ kind: 'words' });
  });

  it('refuses any number added, removed or changed, in digits or in words, and says which', () => {
    expect(compareWording('14 января 2022 года', '16 января 2022 года')).toEqual({ kind: 'numbers', was: ['14', '2022'], now: ['16', '2022'] });
    expect(compareWording('14 января 2022 года', '14 января 2023 года')).toMatchObject({ kind: 'numbers' });
    expect(compareWording('по статье 174 УК', 'по статье 174-1 УК')).toMatchObject({ kind: 'numbers', now: ['174', '1'] });
    expect(compareWording('штраф 200 МРП', 'штраф МРП')).toMatchObject({ kind: 'numbers', now: [] });
    expect(compareWording('to seven years', 'to two years')).toMatchObject({ kind: 'numbers', was: ['seven'], now: ['two'] });
    expect(compareWording('к семи годам', 'к пяти годам')).toMatchObject({ kind: 'numbers' });
    expect(compareWording('екі жылға бас бостандығынан', 'үш жылға бас бостандығынан')).toMatchObject({ kind: 'numbers' });
    expect(compareWording('бесінші бап', 'жетінші бап')).toMatchObject({ kind: 'numbers' });
    // A digit glued to a word is still a number: "2022года" holds the year.
    expect(compareWording('задержан 2022года', 'задержан 2023года')).toMatchObject({ kind: 'numbers' });
  });

  it('compares numbers by value, so the same number written another way is a change, not other facts', () => {
    expect(compareWording('to seven years', 'to 7 years')).toMatchObject({ kind: 'changed' });
    expect(compareWording('Seven years', 'seven years')).toMatchObject({ kind: 'changed' });
    expect(compareWording('к семи годам', 'к 7 годам')).toMatchObject({ kind: 'changed' });
  });
});

describe('word boundaries', () => {
  it('knows where a word begins and ends, in Cyrillic, Kazakh and Latin letters and digits', () => {
    const text = 'acquitted him; Қасым-Жомарт 2022года';
    expect(splitsWord(text, 2)).toBe(true); // ac|quitted
    expect(splitsWord(text, 0)).toBe(false);
    expect(splitsWord(text, 9)).toBe(false); // acquitted| him
    expect(wordStartBefore(text, 2)).toBe(0);
    expect(wordEndAfter(text, 2)).toBe(9);
    const kz = text.indexOf('Қасым');
    expect(splitsWord(text, kz + 2)).toBe(true);
    expect(wordStartBefore(text, kz + 2)).toBe(kz);
    expect(wordEndAfter(text, kz + 2)).toBe(kz + 5); // the hyphen ends the word
    expect(splitsWord(text, text.indexOf('года'))).toBe(true); // digits and letters glued are one word here
  });

  it('treats an emoji and its variation selector as no part of a word', () => {
    const text = 'судья⚖️суд';
    expect(splitsWord(text, 5)).toBe(false);
    expect(splitsWord(text, 7)).toBe(false);
  });

  it('remembers whether the quote was cut from inside a word', () => {
    expect(quoteEdges('sentenced him', 'The court ', ' to')).toEqual({ start: true, end: true });
    expect(quoteEdges('tenced him', 'The court sen', ' to')).toEqual({ start: false, end: true });
    expect(quoteEdges('sentenced hi', 'The court ', 'm to')).toEqual({ start: true, end: false });
    expect(quoteEdges('суд', '', '')).toEqual({ start: true, end: true });
  });
});
