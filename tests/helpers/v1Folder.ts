// Version-1 data folders and cases, made by hand as the version-1 build wrote them:
// meta.json at layout 1, each case as pretty JSON, each history chained with the
// hash of the case it left, and the manifest — through the same history and
// manifest modules the store uses, so tamper evidence reads them as its own.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HistoryLog } from '../../electron/services/audit/historyLog';
import { caseDigest, sha256Hex } from '../../electron/services/audit/digest';
import { writeManifest, type ManifestItem } from '../../electron/services/audit/manifest';
import { MIXED_SCRIPTS } from './fixtures';

export type V1Case = Record<string, unknown> & { id: string; rev: number; kind: string };

const T0 = '2025-03-01T09:00:00.000Z';

/** A version-1 prisoner case as the version-1 store kept it (every default present). */
export function v1Prisoner(id: string, overrides: Record<string, unknown> = {}): V1Case {
  return {
    id,
    kind: 'political_prisoner',
    title: `Кенжебек Әбішев — ${id}`,
    status: 'active',
    priority: 'normal',
    summary: '',
    tags: [],
    analysis: { wgadCategories: [], rightsViolated: [] },
    events: [],
    sources: [],
    annotations: [],
    deadlines: [],
    advocacy: [],
    person: { name: 'Кенжебек Әбішев', aliases: ['Kenzhebek Abishev'] },
    detention: { status: 'imprisoned' },
    charges: [],
    recognitions: [],
    createdAt: T0,
    updatedAt: T0,
    rev: 1,
    ...overrides,
  };
}

export function v1Ngo(id: string, overrides: Record<string, unknown> = {}): V1Case {
  return {
    id,
    kind: 'ngo_suspension',
    title: `Қазақстан халықаралық бюросы — ${id}`,
    status: 'monitoring',
    priority: 'high',
    summary: 'Suspended for three months.',
    tags: ['ngo'],
    analysis: { wgadCategories: [], rightsViolated: ['ICCPR 22'] },
    events: [{ id: 'e1', date: '2024-01-10', type: 'suspension', title: 'Suspended' }],
    sources: [],
    annotations: [],
    deadlines: [],
    advocacy: [],
    organization: { name: 'Казахстанское международное бюро', aliases: ['KIBHR'] },
    measure: { type: 'suspension', authority: 'Ministry of Justice', durationMonths: 3, status: 'in_force' },
    createdAt: T0,
    updatedAt: T0,
    rev: 2,
    ...overrides,
  };
}

/** A version-1 prisoner case with every field of version 1 set. */
export function v1Full(id: string): V1Case {
  const text = `Текст источника. ${MIXED_SCRIPTS}`;
  return v1Prisoner(id, {
    title: `Full v1 case ${MIXED_SCRIPTS}`,
    status: 'monitoring',
    priority: 'urgent',
    country: 'KZ',
    region: 'Алматы',
    summary: `First paragraph ${MIXED_SCRIPTS}.\n\nSecond.`,
    tags: ['extremism-charge', 'Қазақ'],
    analysis: { wgadCategories: ['I', 'II'], rightsViolated: ['ICCPR 19'], argument: 'Преследование за слова' },
    person: { name: 'Қасым Тоқаев', aliases: ['Kassym Tokayev'], birthYear: 1975, gender: 'male', occupation: 'журналист', affiliation: 'DVK', contact: '+7 701 000 00 00' },
    detention: { status: 'imprisoned', place: 'ИК-159/12', since: '2019-12-01', expectedRelease: '2026-05' },
    charges: [
      { article: '174', code: 'Criminal Code', summary: 'разжигание розни' },
      { article: 'не указана', code: 'Уголовный кодекс' },
    ],
    sentence: { type: 'prison', months: 6.5, fine: { amount: 2000000, currency: 'KZT', usdApprox: 4700 }, verdictDate: '2021-02-16', court: 'Суд №2 г. Алматы' },
    recognitions: [{ by: 'Memorial', label: 'political_prisoner', date: '2021-03' }],
    lawyer: 'Адвокат Н.',
    events: [
      { id: 'ev1', date: '2019-12-01', type: 'arrest', title: 'Арест', description: 'Задержан дома', sourceIds: ['s1'] },
      { id: 'ev2', date: '2021-02', type: 'verdict', title: 'Приговор', confidential: true },
    ],
    sources: [{ id: 's1', title: 'Статья', kind: 'article', url: 'https://example.org/a', publisher: 'Азаттык', publishedOn: '2019-12-02', language: 'ru', text, sha256: sha256Hex(text), confidential: false }],
    annotations: [
      { id: 'a1', sourceId: 's1', target: { quote: { exact: 'Текст', suffix: ' источника' }, position: { start: 0, end: 5 } }, body: 'Важно', tags: ['arrest'], confidential: true, createdAt: T0, updatedAt: T0 },
      { id: 'a2', body: 'A note on the case', tags: [], confidential: false },
    ],
    deadlines: [{ id: 'd1', date: '2026-12-01', title: 'Апелляция', done: false }],
    advocacy: [{ id: 'ad1', target: 'UN WGAD', kind: 'communication', date: '2022-06', reference: 'WGAD/2022/1', status: 'sent', nextFollowUp: '2026-12', notes: 'Ждём ответа' }],
    rev: 3,
  });
}

export type V1FolderOptions = { trash?: readonly V1Case[] };

/**
 * Writes a version-1 data folder: meta.json, the cases (and `trash`), a history
 * per case whose revisions 1..rev are all recorded (the newest with the case's
 * hash), and the manifest naming every case.
 */
export async function writeV1Folder(dir: string, cases: readonly V1Case[], options: V1FolderOptions = {}): Promise<void> {
  for (const sub of ['cases', 'trash', 'quarantine', 'history']) await mkdir(path.join(dir, sub), { recursive: true });
  await writeFile(path.join(dir, 'meta.json'), `${JSON.stringify({ format: 'casefile-data', schemaVersion: 1, createdAt: T0 }, null, 2)}\n`);
  const log = new HistoryLog(dir, null);
  const items = new Map<string, ManifestItem>();
  const all = [...cases.map((c) => ['cases', c] as const), ...(options.trash ?? []).map((c) => ['trash', c] as const)];
  const BATCH = 64;
  for (let i = 0; i < all.length; i += BATCH) {
    await Promise.all(
      all.slice(i, i + BATCH).map(async ([sub, c]) => {
        await writeFile(path.join(dir, sub, `${c.id}.json`), `${JSON.stringify(c, null, 2)}\n`);
        const entries = Array.from({ length: c.rev }, (_, k) => ({
          at: T0,
          rev: k + 1,
          cause: k === 0 ? ('create' as const) : ('update' as const),
          changes: k === 0 ? [] : [{ path: 'summary', old: `v${k}`, new: `v${k + 1}` }],
          ...(k + 1 === c.rev ? { sha256: caseDigest(c) } : {}),
        }));
        if (sub === 'trash') entries.push({ at: T0, rev: c.rev, cause: 'trash' as never, changes: [], sha256: caseDigest(c) });
        await log.append(c.id, entries);
        items.set(c.id, { rev: c.rev, sha256: caseDigest(c) });
      }),
    );
  }
  await writeManifest(dir, null, items, 'created', T0);
}
