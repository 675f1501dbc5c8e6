import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountText, parseAmountInput, type AmountInputError } from '../../../shared/text/amountInput';

const VALID: [string, number][] = [
  ['2000000', 2000000],
  ['2,000,000', 2000000],
  ['2 000 000', 2000000],
  ['2\u00a0000\u00a0000', 2000000], // Russian Excel
  ['2\u202f000\u202f000', 2000000], // Intl ru / kk
  ['2.000.000', 2000000],
  ["2'000'000", 2000000],
  ['2’000’000', 2000000],
  ['  150 000  ', 150000],
  ['2,000', 2000], // one separator + three digits: thousands
  ['2.000', 2000],
  ['1 500,50', 1500.5],
  ['1,500.50', 1500.5],
  ['1.500,50', 1500.5],
  ['1500.5', 1500.5],
  ['1500,5', 1500.5],
  ['0,125', 0.125],
  ['1,1250', 1.125],
  ['0', 0],
  ['12,34', 12.34],
];

const INVALID: [string, AmountInputError][] = [
  ['', 'empty'],
  ['  ', 'empty'],
  ['2,00,0', 'bad-grouping'],
  ['1.5.6', 'bad-grouping'],
  ['20 00', 'bad-grouping'],
  ['2 000.000,5', 'bad-grouping'],
  ['1,500,50', 'bad-grouping'],
  ['1.500.50', 'bad-grouping'],
  ['1,5.5', 'bad-grouping'],
  ['.5', 'bad-grouping'],
  ['2000.', 'bad-grouping'],
  ['0,000,000', 'bad-grouping'],
  ['two million', 'not-a-number'],
  ['2 000 000 тг', 'not-a-number'],
  ['$2000', 'not-a-number'],
  ['2e6', 'not-a-number'],
  ['-500', 'negative'],
  ['−500', 'negative'],
  ['99999999999999999999', 'too-large'],
];

describe('parseAmountInput', () => {
  it.each(VALID)('reads %j as %d', (text, value) => {
    expect(parseAmountInput(text)).toEqual({ ok: true, value });
  });
  it.each(INVALID)('refuses %j: %s', (text, reason) => {
    expect(parseAmountInput(text)).toEqual({ ok: false, error: reason });
  });
});

describe('amountText', () => {
  it('groups in the language and parses back to the same amount', () => {
    const formats = ['en', 'ru', 'ru-KZ', 'de'].map((l) => new Intl.NumberFormat(l, { maximumFractionDigits: 20 }));
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 1e12 }),
      fc.integer({ min: 0, max: 1e9 }).chain((i) => fc.integer({ min: 1, max: 999 }).map((c) => i + c / 1000)),
    );
    fc.assert(
      fc.property(amount, fc.constantFrom(...formats), (value, f) => {
        expect(parseAmountInput(amountText(value, (n) => f.format(n)))).toEqual({ ok: true, value });
      }),
      { numRuns: 2000 },
    );
    expect(amountText(2000000, (n) => new Intl.NumberFormat('ru').format(n))).toBe('2\u00a0000\u00a0000');
    expect(amountText(1.125, (n) => new Intl.NumberFormat('en', { maximumFractionDigits: 20 }).format(n))).toBe('1.1250');
  });
});
