import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CaseDraftInput } from '../../shared/model';

/** A fresh temp folder per test, removed afterwards by the returned cleanup. */
export async function tempDir(prefix = 'casefile-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Text in every script the product must keep: Kazakh and Russian Cyrillic, emoji, RTL, combining marks. */
export const MIXED_SCRIPTS = 'Қасым-Жомарт Тоқаев · Қ Ө Ү Ұ Ә Ғ Ң І Һ · Токаев · 🕊️👩🏽‍⚖️ · حقوق الإنسان · זכויות · é (e\u0301) · 𝔘𝔫𝔦';

export function prisonerDraft(overrides: Partial<Extract<CaseDraftInput, { kind: 'political_prisoner' }>> = {}): CaseDraftInput {
  return {
    kind: 'political_prisoner',
    title: 'Кенжебек Әбішев — test case',
    person: { name: 'Кенжебек Әбішев', aliases: ['Kenzhebek Abishev'] },
    ...overrides,
  };
}

export function ngoDraft(overrides: Partial<Extract<CaseDraftInput, { kind: 'ngo_suspension' }>> = {}): CaseDraftInput {
  return {
    kind: 'ngo_suspension',
    title: 'Қазақстан халықаралық бюросы — suspension',
    organization: { name: 'Казахстанское международное бюро', aliases: ['KIBHR', 'KMBPCh'] },
    measure: { type: 'suspension', authority: 'Ministry of Justice' },
    ...overrides,
  };
}

/** A case that fills every part of the model, for round trips. */
export function fullPrisonerDraft(): CaseDraftInput {
  return {
    kind: 'political_prisoner',
    title: `Full case ${MIXED_SCRIPTS}`,
    status: 'monitoring',
    priority: 'high',
    country: 'KZ',
    region: 'Алматы',
    summary: `First paragraph ${MIXED_SCRIPTS}.\n\nSecond paragraph.`,
    tags: ['extremism-charge', 'Қазақ'],
    person: {
      name: 'Қасым Тоқаев',
      aliases: ['Kassym Tokayev', 'Касым Токаев'],
      born: { date: '1975' },
      gender: 'male',
      occupation: 'журналист',
      affiliation: 'DVK',
      contact: 'secret phone +7 701 000 00 00',
    },
    detention: { status: 'imprisoned', place: 'ИК-159/12', since: '2019', expectedRelease: '2026-05' },
    charges: [{ article: '405 part 2', code: 'Criminal Code', summary: 'участие в запрещённой организации' }],
    decisions: [{ id: 'dec1', stage: 'verdict', date: '2021-02-16', body: 'Суд №2', penalty: { type: 'prison', term: { years: 7 }, fine: { amount: 2000000, currency: 'KZT', usdApprox: 4700 } } }],
    recognitions: [{ by: 'Memorial', label: 'political_prisoner', date: '2021-03' }],
    lawyer: 'Адвокат Н.',
    events: [
      { id: 'ev1', date: '2019-12-01', type: 'arrest', title: 'Арест', description: 'Задержан дома', sourceIds: ['s1'] },
      { id: 'ev2', date: '2021-02', type: 'verdict', title: 'Приговор', confidential: true },
    ],
    sources: [{ id: 's1', title: 'Статья', kind: 'article', url: 'https://example.org/a', publisher: 'Азаттык', publishedOn: '2019-12-02', language: 'ru', text: `Текст источника. ${MIXED_SCRIPTS}`, confidential: false }],
    annotations: [
      { id: 'a1', sourceId: 's1', target: { quote: { exact: 'Текст', suffix: ' источника' }, position: { start: 0, end: 5 } }, body: 'Важно', tags: ['arrest'], confidential: true },
      { id: 'a2', body: 'A note on the case', tags: [], confidential: false },
    ],
    deadlines: [{ id: 'd1', date: '2026-12-01', title: 'Апелляция', done: false }],
    advocacy: [{ id: 'ad1', target: 'UN WGAD', kind: 'communication', date: '2022-06', reference: 'WGAD/2022/1', status: 'sent', nextFollowUp: '2026-12', notes: 'Ждём ответа' }],
    analysis: { wgadCategories: ['I', 'II', 'V'], rightsViolated: ['ICCPR 19', 'ICCPR 22'], argument: 'Преследование за слова' },
  };
}
