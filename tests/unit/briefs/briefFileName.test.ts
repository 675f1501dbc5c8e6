import { describe, expect, it } from 'vitest';
import { briefFileName } from '../../../electron/services/briefs/service';
import { ngoCase, prisonerCase } from './fixtures';

const DAY = { year: 2026, month: 12, day: 6 };

describe('briefFileName', () => {
  it('names a brief by the person as written in the case, transliterated, never by the case title', () => {
    const c = prisonerCase();
    expect(c.kind === 'political_prisoner' && c.person.name).toBe('Гүлнар Әбдірахманова');
    expect(briefFileName([c], 'wgad', 'ru', 'public', 'pdf', DAY)).toBe('gulnar-abdirahmanova-wgad-ru-2026-12-06.pdf');
    expect(briefFileName([c], 'case', 'en', 'public', 'docx', DAY)).toBe('gulnar-abdirahmanova-case-en-2026-12-06.docx');
  });

  it('names an NGO brief by the organisation', () => {
    expect(briefFileName([ngoCase()], 'ngo', 'kk', 'public', 'pdf', DAY)).toBe('kasym-zhomart-tokaev-foundation-for-legal-aid-ngo-kk-2026-12-06.pdf');
  });

  it('says in the name when the brief may carry confidential matter', () => {
    expect(briefFileName([prisonerCase()], 'wgad', 'ru', 'internal', 'pdf', DAY)).toBe('gulnar-abdirahmanova-wgad-ru-internal-2026-12-06.pdf');
    expect(briefFileName([prisonerCase()], 'wgad', 'kk', 'submission', 'pdf', DAY)).toBe('gulnar-abdirahmanova-wgad-kk-submission-2026-12-06.pdf');
  });

  it('counts the cases of a brief of several', () => {
    expect(briefFileName([prisonerCase(), ngoCase(), prisonerCase()], 'multi', 'en', 'public', 'pdf', DAY)).toBe('3-cases-multi-en-2026-12-06.pdf');
    expect(briefFileName([prisonerCase()], 'multi', 'en', 'public', 'pdf', DAY)).toBe('1-case-multi-en-2026-12-06.pdf');
  });
});
