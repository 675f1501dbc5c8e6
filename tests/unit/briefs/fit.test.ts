import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/model';
import { BriefOptions, type BriefTemplate } from '../../../shared/model/brief';
import { ServiceError } from '../../../electron/services/errors';
import { renderBrief } from '../../../electron/services/briefs';
import { formatMoney, formatMonths, formatPartialDate } from '../../../electron/services/briefs/format';
import { labelsFor } from '../../../electron/services/briefs/labels';
import { GENERATED_AT, ngoCase, prisonerCase } from './fixtures';
import { outPath } from './pdfTools';

const prisoner = prisonerCase();
const ngo = ngoCase();

describe('a template that does not fit its cases is refused before anything is written', () => {
  const cases: [BriefTemplate, CaseFile[], RegExp][] = [
    ['wgad', [ngo], /political prisoner/],
    ['ngo', [prisoner], /NGO case/],
    ['case', [prisoner, ngo], /exactly one case; 2 were given/],
    ['case', [], /exactly one case; 0 were given/],
    ['wgad', [prisoner, prisoner], /exactly one case/],
    ['urgent-action', [], /exactly one case/],
    ['multi', [], /at least one case/],
  ];
  it.each(cases)('%s with %#', async (template, given, message) => {
    const file = outPath(`unfit-${template}-${given.length}.pdf`);
    const attempt = renderBrief(given, file, { template, generatedAt: GENERATED_AT });
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({ code: 'bad_input', message: expect.stringMatching(message) });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses options that are not valid, naming the field', async () => {
    const attempt = renderBrief([prisoner], outPath('bad-options.pdf'), { template: 'case', lang: 'de' as 'en' });
    await expect(attempt).rejects.toMatchObject({ code: 'bad_input', issues: [expect.objectContaining({ path: ['lang'] })] });
  });

  it('says so when the folder to write into does not exist', async () => {
    await expect(renderBrief([prisoner], outPath('no-such-folder/brief.pdf'), { template: 'case', mode: 'internal' })).rejects.toMatchObject({ code: 'bad_input', message: expect.stringContaining('does not exist') });
  });

  it('case works for both kinds; multi for one case', async () => {
    for (const [template, c] of [['case', ngo], ['case', prisoner], ['multi', prisoner]] as const) {
      const r = await renderBrief([c], outPath(`fit-${template}-${c.kind}.pdf`), { template, mode: 'internal', generatedAt: GENERATED_AT });
      expect(r.pages).toBeGreaterThan(0);
      expect(existsSync(r.file)).toBe(true);
    }
  });
});

describe('options', () => {
  it('default to English and public mode, and refuse unknown keys', () => {
    expect(BriefOptions.parse({ template: 'case' })).toEqual({ template: 'case', lang: 'en', mode: 'public', format: 'pdf', originals: 'none' });
    expect(BriefOptions.safeParse({ template: 'case', extra: 1 }).success).toBe(false);
    expect(BriefOptions.safeParse({ template: 'letter' }).success).toBe(false);
  });
});

describe('dates, money and durations are printed with the precision given', () => {
  const en = labelsFor('en');
  const ru = labelsFor('ru');
  it.each([
    ['2019', '2019', '2019'],
    ['2019-03', 'March 2019', 'март 2019'],
    ['2021-02-16', '16 February 2021', '16 февраля 2021'],
    ['2024-05-01', '1 May 2024', '1 мая 2024'],
  ])('%s', (value, english, russian) => {
    expect(formatPartialDate(value, en)).toBe(english);
    expect(formatPartialDate(value, ru)).toBe(russian);
  });

  it('durations and money', () => {
    expect(formatMonths(84, en)).toBe('7 years');
    expect(formatMonths(18, en)).toBe('1 year 6 months');
    expect(formatMonths(3, ru)).toBe('3 месяца');
    expect(formatMonths(61, ru)).toBe('5 лет 1 месяц');
    expect(formatMonths(24, ru)).toBe('2 года');
    expect(formatMoney({ amount: 2000000, currency: 'KZT', usdApprox: 4300 }, en)).toBe('2,000,000 KZT (≈ USD 4,300)');
    expect(formatMoney({ amount: 2000000, currency: 'KZT' }, ru).replace(/\s/g, ' ')).toBe('2 000 000 KZT');
  });
});

