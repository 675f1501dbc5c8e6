import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../shared/model';
import { renderBrief } from '../../../electron/services/briefs';
import { checkBrief } from '../../../electron/services/briefs/completeness';
import { LABELS } from '../../../electron/services/briefs/labels';
import { wgadLabels } from '../../../electron/services/briefs/labels/wgad';
import { byProsecution, granted } from '../../../electron/services/briefs/wgadFacts';
import { adminArrestCase, compose, exileCase, longTermCase, ORG, releaseGrantedCase } from './anchorFixtures';
import { GENERATED_AT } from './fixtures';
import { misplacedNotes, outPath, pdftotext, pdftotextPages, renderPngs, squash } from './pdfTools';
import { own } from './gapTools';

// The WGAD model questionnaire, field by field, read back from the PDF with poppler.

const q = wgadLabels.en;
const between = (text: string, from: string, to: string) => {
  const start = text.indexOf(from);
  expect(start, from).toBeGreaterThanOrEqual(0);
  const end = text.indexOf(to, start);
  return text.slice(start, end < 0 ? undefined : end);
};
const S = LABELS.en.wgad;

describe('the WGAD communication in submission mode, the 10-day administrative arrest', () => {
  it('prints every field of sections I–VI the questionnaire asks for', async () => {
    const { text, file } = await compose(adminArrestCase(), 'wgad', 'submission');
    renderPngs(file);
    const i = between(text, S.s1, S.s2);
    for (const s of [
      `${q.familyName} Kunbolatuly`, `${q.firstNames} Baibolat`, `${q.sex} Male`, `${q.birth} 12 April 1985`, `${q.nationality} Kazakhstan`,
      `${q.idDocument} ID card, 041234567, Ministry of Internal Affairs`, `${q.profession} civic activist; Oyan, Qazaqstan`,
      `${q.address} ул. Абая 150, кв. 12, Алматы`,
    ]) expect(i).toContain(s);
    const ii = between(text, S.s2, S.s3);
    for (const s of [
      `${q.arrestDate} 8 February 2021`, `${q.arrestPlace} Republic Square, Almaty`, `${q.arrestBy} Almaty police`, `${q.warrantShown} no`,
      `${q.warrantIssuedBy} Almaty police chief`, `${q.reasonsGiven} unsanctioned picket`, `${q.arrestLegalBasis} Code of Administrative Offences, art. 488 part 6`,
    ]) expect(ii).toContain(s);
    const iii = between(text, S.s3, S.s4);
    for (const s of [
      `${q.detentionDate} 8 February 2021`, `${q.duration} 10 days (until release on 18 February 2021)`, `${q.situation} Released, 18 February 2021`,
      `${q.heldBy} Almaty city police department`, `${q.orderedBy} Specialised administrative court of Almaty`,
      `${q.reasons} breach of the rules on peaceful assemblies`, `${q.legalBasis} 488 part 6, Code of Administrative Offences`,
      q.penaltyHistory, 'Administrative arrest, 10 days', 'Walked out of the special detention centre',
    ]) expect(iii).toContain(s);
    const vi = between(text, S.s6, 'Page ');
    for (const s of [
      `${q.submitter} ${ORG.name}`, `${q.submitterPerson} Rozlana Taukina, Legal counsel`, `${q.submitterAddress} ${ORG.address}`,
      `${q.submitterEmail} ${ORG.email}`, `${q.submitterPhone} ${ORG.phone}`, `${q.date} 22 November 2026`,
      `${q.consent} given, by Aigerim Sadykova (wife), 1 March 2021`,
    ]) expect(vi).toContain(s);
  });

  it('argues each claimed category from the facts that support it, footnoted to their sources', async () => {
    const { text, file, document } = await compose(adminArrestCase(), 'wgad', 'submission');
    expect(misplacedNotes(pdftotextPages(file))).toEqual([]);
    const iv = between(text, S.s4, S.s5);
    const cat = (c: string, next: string) => between(iv, `${LABELS.en.wgadCategory(c)} `, next);
    const news = document.footnotes.findIndex((f) => f.key === 's-news') + 1;
    const ruling = document.footnotes.findIndex((f) => f.key === 's-ruling') + 1;
    expect(news).toBeGreaterThan(0);
    expect(ruling).toBeGreaterThan(0);
    const one = cat('I', LABELS.en.wgadCategory('II'));
    expect(one).toContain(q.warrantNotShown);
    expect(one).toContain(`8 February 2021, Arrest: Arrested alone with a placard on Republic Square [${news}]`);
    const two = cat('II', LABELS.en.wgadCategory('III'));
    expect(two).toContain(q.charged('488 part 6, Code of Administrative Offences — breach of the rules on peaceful assemblies (convicted)'));
    const three = cat('III', q.argument);
    // A court imposing administrative arrest issues a ruling, not a criminal verdict.
    expect(three).toContain(`8 February 2021, Court ruling, Specialised administrative court of Almaty. [${news}]`);
    expect(three).toContain(`12 February 2021, Appeal, Almaty City Court: appeal rejected; arrest upheld. [${ruling}]`);
    // V: the defence's appeal with its result and source, once (the appeal event is not listed again elsewhere).
    const v = between(text, S.s5, S.s6);
    expect(v).toContain(`Almaty City Court ${q.remedyCols.result}: appeal rejected; arrest upheld [${ruling}]`);
    expect(text.split('The city court rejected his appeal in absentia').length - 1).toBe(0);
    // A sent action counts as approached, a draft does not; no draft or hand-filled box in a communication to send.
    expect(v).toContain('OSCE ODIHR');
    expect(v).not.toContain('UN WGAD');
    expect(text).not.toMatch(/draft|черновик|To be completed|Signature/i);
    // Footnotes name the source; no hash anywhere in the communication.
    expect(text).toContain(`[${news}] Source: Активиста арестовали на десять суток — Vlast.kz, 9 February 2021. https://vlast.kz/novosti/44321-aktivista-arestovali.html`);
    expect(text).not.toContain('SHA-256');
  });

  it('prints Russian and Kazakh questionnaire labels', async () => {
    const ru = (await compose(adminArrestCase(), 'wgad', 'submission', 'ru')).text;
    expect(ru).toContain(`${wgadLabels.ru.arrestDate} 8 февраля 2021`);
    expect(ru).toContain(`${wgadLabels.ru.duration} 10 дней (до освобождения 18 февраля 2021)`);
    const kk = (await compose(adminArrestCase(), 'wgad', 'submission', 'kk')).text;
    expect(kk).toContain(wgadLabels.kk.arrestPlace);
    expect(kk).toContain(wgadLabels.kk.intro);
  });
});

describe('the WGAD communication in public mode', () => {
  it('leaves out what only a submission carries, and the redaction proof passes', async () => {
    const file = outPath('wgad-anchor-public.pdf');
    await renderBrief([adminArrestCase()], file, { template: 'wgad', mode: 'public', generatedAt: GENERATED_AT, organization: ORG });
    const text = squash(pdftotext(file));
    for (const label of [q.idDocument, q.profession, q.address, q.consent, q.submitterAddress, q.submitterEmail, q.submitterPhone]) expect(text).not.toContain(label);
    for (const secret of ['041234567', 'Абая 150', 'Aigerim Sadykova', 'Zhanar Sarsenova', ORG.email!, ORG.phone!]) expect(text).not.toContain(secret);
    expect(text).toContain(`${q.submitter} ${ORG.name}`);
    expect(text).toContain(`${q.arrestPlace} Republic Square, Almaty`);
    const gaps = own(checkBrief([adminArrestCase()], 'wgad', 'public', 'en').gaps);
    expect(gaps.map((g) => g.code)).toEqual(['wgad.consent_public']);
    expect(gaps[0]).toMatchObject({ path: ['consent'], message: expect.stringContaining('submission') });
  });
});

describe('the long-term prisoner', () => {
  it('keeps the penalty history in III, the defence’s remedies in V (not the prosecution’s appeal), and argues no unsupported category', async () => {
    const c = longTermCase();
    const { text, file } = await compose(c, 'wgad', 'submission');
    renderPngs(file);
    const iii = between(text, S.s3, S.s4);
    expect(iii).toContain(`${q.detentionDate} December 2018`);
    // Counted from the last day of December 2018 (the month is all the file knows) to 22 November 2026.
    expect(iii).toContain(`${q.duration} at least 7 years 10 months 22 days to date`);
    for (const s of ['Imprisonment, 10 years', 'Imprisonment, 9 years 4 months', 'term cut under the 2021 amnesty law', "prosecutor's appeal for a longer term dismissed"]) expect(iii).toContain(s);
    expect(iii).toContain('Imprisonment, 9 years 4 months Appeals and other remedies are set out in section V.');
    expect(iii).toContain(`${LABELS.en.wgad.expectedRelease} April 2028`);
    const v = between(text, S.s5, S.s6);
    expect(v).toContain('defence appeal rejected');
    expect(v).toContain('petition for early release refused');
    expect(v).not.toContain('prosecutor');
    const iv = between(text, S.s4, S.s5);
    expect(iv).toContain(LABELS.en.wgadCategory('III'));
    expect(iv).toContain('Early release hearing ended in refusal');
    expect(iv).not.toContain(LABELS.en.wgadCategory('V'));
    const check = checkBrief([c], 'wgad', 'submission', 'en');
    expect(own(check.gaps).map((g) => [g.code, g.path])).toEqual([
      ['wgad.category_unsupported', ['analysis', 'wgadCategories', 2]],
    ]);
    // The consent a submission needs is named once, by the check every template shares.
    expect(check.gaps.filter((g) => g.path?.join('.') === 'consent').map((g) => g.code)).toEqual([expect.stringMatching(/^submission\./)]);
    expect(own(checkBrief([c], 'wgad', 'submission', 'kk').gaps)[0]!.message).toContain('V санаты');
  });
});

describe('a hearing that granted release', () => {
  it('is never argued under category III, and III is reported as unsupported rather than printed empty', async () => {
    const c = releaseGrantedCase();
    const { text } = await compose(c, 'wgad', 'public');
    const iv = between(text, S.s4, S.s5);
    expect(iv).toContain(LABELS.en.wgadCategory('II'));
    expect(iv).not.toContain(LABELS.en.wgadCategory('III'));
    // The hearing is in the chronology, once, and in no category's facts.
    expect(text.split('Investigating judge grants release on bail').length - 1).toBe(1);
    expect(between(iv, LABELS.en.wgadCategory('II'), S.s5)).not.toContain('grants release');
    const codes = own(checkBrief([c], 'wgad', 'public', 'en').gaps).map((g) => g.code);
    expect(codes).toEqual(expect.arrayContaining(['wgad.category_unsupported', 'wgad.no_remedy']));
    expect(own(checkBrief([c], 'wgad', 'public', 'en').gaps).find((g) => g.code === 'wgad.category_unsupported')!.path).toEqual(['analysis', 'wgadCategories', 1]);
  });
});

describe('an exile', () => {
  it('does not print the day she reached exile as the date of detention', async () => {
    const { text } = await compose(exileCase(), 'wgad', 'public');
    const iii = between(text, S.s3, S.s4);
    expect(iii).not.toContain(q.detentionDate);
    expect(iii).not.toContain(q.duration);
    expect(iii).toContain(`${q.situation} Exile, since 1 June 2022`);
    expect(iii).not.toContain('Kyiv');
    // Never deprived of liberty on the file: the communication does not fit, and says which brief does.
    const check = checkBrief([exileCase()], 'wgad', 'public', 'en');
    expect(check.refused).toMatch(/case/);
    expect(check.gaps).toEqual([]);
  });
});

describe('a case that records nothing of the arrest', () => {
  it('says so under section II rather than leave a bare heading', async () => {
    const bare: CaseFile = adminArrestCase({ arrest: undefined, events: [] });
    const ii = between((await compose(bare, 'wgad', 'public')).text, S.s2, S.s3);
    expect(ii).toContain(LABELS.en.wgad.noArrest);
    // With an arrest on file, no such line.
    expect(between((await compose(adminArrestCase(), 'wgad', 'public')).text, S.s2, S.s3)).not.toContain(LABELS.en.wgad.noArrest);
  });
});

describe('completeness of a WGAD communication', () => {
  it('names what the questionnaire needs and the case lacks, by path, in the reader’s language', () => {
    const bare: CaseFile = adminArrestCase({ arrest: undefined, analysis: { wgadCategories: [], rightsViolated: [] }, decisions: [], consent: undefined, events: [] });
    const gaps = own(checkBrief([bare], 'wgad', 'submission', 'ru').gaps);
    expect(gaps.map((g) => [g.code, g.path])).toEqual([
      ['wgad.arrest_date', ['arrest', 'date']],
      ['wgad.arrest_place', ['arrest', 'place']],
      ['wgad.no_category', ['analysis', 'wgadCategories']],
      ['wgad.no_remedy', ['decisions']],
    ]);
    expect(checkBrief([bare], 'wgad', 'submission', 'ru').gaps.filter((g) => g.path?.join('.') === 'consent')).toHaveLength(1);
    expect(gaps[0]!.message).toContain('дата ареста');
    // The complete case in submission mode lacks nothing.
    expect(own(checkBrief([adminArrestCase()], 'wgad', 'submission', 'en').gaps)).toEqual([]);
  });
});

describe('reading the outcome of a decision or an event', () => {
  it('tells a granted release from a denied one, and the prosecution’s appeal from the defence’s, in en, ru and kk', () => {
    expect(granted('Court grants release on bail')).toBe(true);
    expect(granted('Early release hearing ended in refusal')).toBe(false);
    expect(granted('Жалоба оставлена без удовлетворения')).toBe(false);
    expect(granted('Ходатайство об УДО удовлетворено')).toBe(true);
    expect(granted('Шағым қанағаттандырусыз қалдырылды')).toBe(false);
    expect(granted('Шартты түрде мерзімінен бұрын босатылды')).toBe(true);
    expect(byProsecution("prosecutor's appeal for a longer term dismissed")).toBe(true);
    expect(byProsecution('Протест прокурора удовлетворён')).toBe(true);
    expect(byProsecution('Апелляция прокурора отклонена')).toBe(true);
    expect(byProsecution('Прокурордың наразылығы қанағаттандырылды')).toBe(true);
    expect(byProsecution('defence appeal rejected; the prosecutor asked the court to uphold the verdict')).toBe(false);
    expect(byProsecution('Жалоба защиты отклонена, прокурор поддержал приговор')).toBe(false);
  });
});
