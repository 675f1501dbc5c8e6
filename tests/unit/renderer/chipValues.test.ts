import { describe, expect, it } from 'vitest';
import { addChips, removeAt, restoreAt } from '../../../renderer/components/chipValues';

describe('chip lists (aliases, tags)', () => {
  it('adds values trimmed and otherwise exactly as typed, in any script', () => {
    const r = addChips(['Abishev'], ['  Абишев Кенжебек ', 'Әбішев Кенжебек', '']);
    expect(r.values).toEqual(['Abishev', 'Абишев Кенжебек', 'Әбішев Кенжебек']);
    expect(r.added).toEqual(['Абишев Кенжебек', 'Әбішев Кенжебек']);
    expect(r.duplicates).toEqual([]);
  });

  it('refuses a value already there, whatever its case or Unicode encoding, and one repeated in the same paste', () => {
    const decomposed = 'А\u0306бишев'.normalize('NFD');
    const r = addChips(['extremism', 'Ӑбишев'], ['EXTREMISM', decomposed, 'xinjiang', ' xinjiang']);
    expect(r.values).toEqual(['extremism', 'Ӑбишев', 'xinjiang']);
    expect(r.duplicates).toEqual(['EXTREMISM', decomposed, 'xinjiang']);
  });

  it('removes the chip at its index, and Undo puts it back in place once', () => {
    const list = ['a', 'b', 'a'];
    expect(removeAt(list, 'a', 2)).toEqual(['a', 'b']);
    // The list changed meanwhile: the value is found where it now is.
    expect(removeAt(['b', 'a'], 'a', 2)).toEqual(['b']);
    expect(removeAt(['b'], 'zz', 0)).toEqual(['b']);
    expect(restoreAt(['a', 'c'], 1, 'b')).toEqual(['a', 'b', 'c']);
    expect(restoreAt(['a'], 5, 'b')).toEqual(['a', 'b']);
    expect(restoreAt(['a', 'B'], 0, 'b')).toEqual(['a', 'B']);
  });
});
