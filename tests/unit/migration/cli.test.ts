import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Bundle, CaseSummary, type CaseDraftInput } from '../../../shared/model';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { OriginalStore } from '../../../electron/services/originals/originalStore';
import { v1ToV2 } from '../../../electron/services/store/migrations/v1ToV2';
import { cli } from '../../helpers/cli';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { fullPrisonerDraft, tempDir } from '../../helpers/fixtures';
import { v1Full, v1Ngo, v1Prisoner, writeV1Folder } from '../../helpers/v1Folder';

// The command line on version 2: `migrate --check` reports what a version-1 folder
// would become and writes nothing; `migrate` migrates; `show`, `list --json`,
// `export` and `import` carry every field version 2 adds; and a version-2 bundle
// goes export → import → export byte for byte.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-migration-cli-')));
afterEach(() => cleanup());
const data = () => path.join(dir, 'data');

async function filesOf(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name));
    out.set(rel, await readFile(path.join(root, rel)));
  }
  return out;
}

/** A prisoner case with every field version 2 adds, set. */
// The scan's original: a source may name only an original its folder holds (or its container carries).
const PROTOCOL = Buffer.from('JPEG bytes of the detention protocol, as the family sent them');
const PROTOCOL_SHA = createHash('sha256').update(PROTOCOL).digest('hex');

/** Makes `dir` a data folder holding the scan's original, as `source add` would have left it. */
async function withProtocol(dir: string): Promise<void> {
  expect((await cli(['--data-dir', dir, 'info'])).code).toBe(0);
  await new OriginalStore(dir, { key: () => null }).put([PROTOCOL]);
}

function everyV2Field(): CaseDraftInput {
  const base = fullPrisonerDraft() as Extract<CaseDraftInput, { kind: 'political_prisoner' }>;
  return {
    ...base,
    id: 'baibolat',
    title: 'Байболат Күнболатұлы — 10-day administrative arrest',
    person: {
      ...base.person,
      name: 'Байболат Күнболатұлы',
      familyName: 'Күнболатұлы',
      givenNames: 'Байболат',
      born: { date: '1967', approximate: true },
      nationality: ['KZ', 'CN'],
      address: 'ул. Абая 1, кв. 2 ADDRESS-MARK',
      idDocument: { type: 'passport', number: 'N1234567', issuedBy: 'МВД РК', issuedOn: '2015-03' },
    },
    arrest: { date: '2021-02-08', place: 'Алматы, площадь Республики', by: 'Полиция Алматы', warrantShown: 'no', warrantIssuedBy: 'прокурор', reasonsGiven: 'участие в мирном собрании', legalBasis: 'КоАП ст. 488' },
    detention: { status: 'administrative_arrest', place: 'ИВС Алматы', heldBy: 'ДП г. Алматы', since: '2021-02-08', releasedOn: '2021-02-18', conditions: 'переполненная камера', health: 'гипертония HEALTH-MARK' },
    charges: [{ code: 'Кодекс об административных правонарушениях', summary: 'нарушение порядка проведения собрания', outcome: 'convicted' }],
    decisions: [
      { id: 'd1', date: '2021-02-09', stage: 'verdict', body: 'Специализированный административный суд', penalty: { type: 'administrative_arrest', term: { days: 10 } } },
      { id: 'd2', date: '2021-03', stage: 'appeal', body: 'Алматинский городской суд', outcome: 'upheld', confidential: true },
      { id: 'd3', stage: 'reduction', penalty: { type: 'prison', term: { years: 6, months: 4 } }, outcome: 'term cut by eight months' },
    ],
    requests: [
      { id: 'r1', text: 'Release Baibolat Kunbolatuly immediately' },
      { id: 'r2', text: 'Investigate the arrest', addressee: 'Prosecutor General of Kazakhstan', confidential: true },
    ],
    consent: { status: 'given', by: 'супруга', date: '2021-02-10', scope: 'WGAD communication' },
    sources: [
      ...base.sources!,
      {
        id: 'scan',
        title: 'Протокол задержания (скан)',
        kind: 'photo',
        text: 'Протокол об административном задержании',
        file: { sha256: PROTOCOL_SHA, name: 'protocol.jpg', mediaType: 'image/jpeg', size: PROTOCOL.length, addedAt: '2026-11-20T09:00:00.000Z', addedBy: 'адвокат', capturedFrom: 'WhatsApp from the family', capturedAt: '2021-02-08T18:00:00.000Z', textBy: 'ocr', pages: 1 },
      },
    ],
    annotations: [
      ...base.annotations!.map((a, i) => ({ ...a, publicComment: i === 0 })),
      { id: 'a3', sourceId: 'scan', target: { quote: { exact: 'Протокол' }, page: 1, region: { page: 1, x: 0.1, y: 0.2, w: 0.5, h: 0.1 } }, body: 'signature missing', tags: [], confidential: false },
    ],
    deadlines: [{ id: 'dl1', date: '2026-12-01', title: 'Апелляция', done: false, confidential: true }],
    advocacy: [{ id: 'ad1', target: 'UN WGAD', kind: 'communication', date: '2022-06', status: 'sent', notes: 'working note', confidential: true }],
    events: [
      { id: 'ev1', date: '2021-02-08', type: 'arrest', title: 'Арест' },
      { id: 'ev2', type: 'statement', title: 'Undated statement' },
      { id: 'ev3', date: '2021-02', type: 'hearing', title: 'Hearing' },
    ],
  };
}

function ngoV2(): CaseDraftInput {
  return {
    id: 'ngo2',
    kind: 'ngo_suspension',
    title: 'Бюро — liquidation',
    organization: { name: 'Бюро', aliases: [], legalForm: 'public association', founded: '1993', members: 40, city: 'Алматы' },
    measure: { type: 'liquidation', authority: 'Ministry of Justice', aimClaimed: 'protecting public order', start: '2024-01', end: '2024-06', durationMonths: 5, fine: { amount: 1000000, currency: 'KZT' }, status: 'appealed' },
    appeal: { court: 'Supreme Court', filed: '2024-02', outcome: 'pending' },
    impact: 'Twelve staff lost their jobs',
  };
}

const FIXED = new Date('2026-11-22T10:00:00.000Z');

describe('a version-2 bundle', () => {
  it('goes export → import → export byte for byte, and the case files of both folders are the same bytes', async () => {
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    const storeA = await CaseStore.open(a, { now: () => FIXED });
    try {
      await storeA.importBundle(Bundle.parse({ format: 'casefile-bundle', version: 2, cases: [everyV2Field(), ngoV2()] }), 'fail');
      await writeFile(path.join(dir, 'first.json'), `${JSON.stringify(await storeA.exportBundle(), null, 2)}\n`);
    } finally {
      await storeA.close();
    }
    const first = await readFile(path.join(dir, 'first.json'), 'utf8');
    const storeB = await CaseStore.open(b, { now: () => FIXED });
    try {
      await storeB.importBundle(Bundle.parse(JSON.parse(first)), 'fail');
      await writeFile(path.join(dir, 'second.json'), `${JSON.stringify(await storeB.exportBundle(), null, 2)}\n`);
    } finally {
      await storeB.close();
    }
    const second = await readFile(path.join(dir, 'second.json'), 'utf8');
    expect(second).toBe(first);
    expect(JSON.parse(first).version).toBe(2);
    for (const id of ['baibolat', 'ngo2']) expect(await readFile(path.join(b, 'cases', `${id}.json`))).toEqual(await readFile(path.join(a, 'cases', `${id}.json`)));
  });
});

describe('show, list --json, export and import carry every version-2 field', () => {
  it('through the command line, into a fresh folder and back', async () => {
    const input = path.join(dir, 'in.json');
    await writeFile(input, JSON.stringify({ format: 'casefile-bundle', version: 2, cases: [everyV2Field(), ngoV2()] }));
    await withProtocol(data());
    expect((await cli(['--data-dir', data(), 'import', input])).code).toBe(0);

    const show = await cli(['--data-dir', data(), 'show', 'baibolat']);
    expect(show.code).toBe(0);
    for (const line of [
      'family name: Күнболатұлы; given names: Байболат; born c. 1967; gender: male; nationality: KZ, CN',
      'address: ул. Абая 1, кв. 2 ADDRESS-MARK [confidential]',
      'ID document: passport N1234567, issued by МВД РК on 2015-03 [confidential]',
      'Arrest: 2021-02-08; at Алматы, площадь Республики; by Полиция Алматы; warrant shown: no; warrant issued by прокурор; reasons given: участие в мирном собрании; legal basis: КоАП ст. 488',
      'Detention: administrative_arrest since 2021-02-08 at ИВС Алматы, held by ДП г. Алматы; released on 2021-02-18',
      'conditions: переполненная камера',
      'health: гипертония HEALTH-MARK [confidential]',
      'Charge: Кодекс об административных правонарушениях — нарушение порядка проведения собрания (convicted)',
      'Decision: 2021-02-09 verdict by Специализированный административный суд — administrative_arrest, 10d',
      'Decision: 2021-03 appeal by Алматинский городской суд; upheld [confidential]',
      'Decision: undated reduction — prison, 6y 4m; term cut by eight months',
      'Consent: given; by супруга; 2021-02-10; scope: WGAD communication [confidential]',
      '2026-12-01  Апелляция [confidential]',
      'communication to UN WGAD: sent [confidential]',
      'Release Baibolat Kunbolatuly immediately',
      'Investigate the arrest (to Prosecutor General of Kazakhstan) [confidential]',
      'undated  statement: Undated statement',
      'Протокол задержания (скан) (photo) sha256 ',
      '; original protocol.jpg (image/jpeg)',
    ]) expect(show.stdout).toContain(line);
    // The user's order of events is kept: the undated one between the two dated ones.
    expect(show.stdout.indexOf('Undated statement')).toBeGreaterThan(show.stdout.indexOf('Арест'));
    expect(show.stdout.indexOf('Undated statement')).toBeLessThan(show.stdout.indexOf('Hearing'));
    const ngo = await cli(['--data-dir', data(), 'show', 'ngo2']);
    for (const line of ['legal form: public association; founded 1993; city: Алматы; 40 members', 'Measure: liquidation by Ministry of Justice (appealed) from 2024-01 to 2024-06, 5 months, fine 1000000 KZT; aim claimed: protecting public order', 'Appeal: Supreme Court; filed 2024-02; pending', 'Impact: Twelve staff lost their jobs']) {
      expect(ngo.stdout).toContain(line);
    }

    const list = await cli(['--data-dir', data(), 'list', '--json']);
    const rows = (JSON.parse(list.stdout) as unknown[]).map((r) => CaseSummary.parse(r));
    expect(rows.find((r) => r.id === 'baibolat')).toMatchObject({ detentionStatus: 'administrative_arrest', since: '2021-02-08', names: ['Байболат Күнболатұлы', 'Kassym Tokayev', 'Касым Токаев'] });
    expect(rows.find((r) => r.id === 'ngo2')).toMatchObject({ measureType: 'liquidation', measureStatus: 'appealed', since: '2024-01' });

    const shown = JSON.parse((await cli(['--data-dir', data(), 'show', 'baibolat', '--json'])).stdout);
    const exportFile = path.join(dir, 'out.json');
    // JSON only (the model is what this test follows; the container has its own tests).
    expect((await cli(['--data-dir', data(), 'export', exportFile, '--no-files'])).code).toBe(0);
    const exported = JSON.parse(await readFile(exportFile, 'utf8'));
    expect(exported.version).toBe(2);
    const baibolat = exported.cases.find((c: { id: string }) => c.id === 'baibolat');
    expect(baibolat).toEqual(shown);
    // Every field given is there as given (the app adds only ids, revisions, timestamps and checksums).
    const given = everyV2Field() as Record<string, unknown>;
    for (const key of ['person', 'arrest', 'detention', 'charges', 'decisions', 'requests', 'consent', 'deadlines', 'advocacy', 'events']) expect(baibolat[key]).toEqual(given[key]);
    expect(baibolat.annotations.map((a: { publicComment?: boolean }) => a.publicComment)).toEqual([true, false, undefined]);
    expect(baibolat.annotations[2].target).toEqual({ quote: { exact: 'Протокол', suffix: ' об административном задержании' }, position: { start: 0, end: 8 }, page: 1, region: { page: 1, x: 0.1, y: 0.2, w: 0.5, h: 0.1 } });
    expect(baibolat.sources[1].file).toEqual((given.sources as Array<{ file?: unknown }>)[1]!.file);
    const ngoOut = exported.cases.find((c: { id: string }) => c.id === 'ngo2');
    for (const [key, value] of Object.entries(ngoV2() as Record<string, unknown>)) if (key !== 'measure') expect(ngoOut[key]).toEqual(value);
    expect(ngoOut.measure).toEqual((ngoV2() as { measure: unknown }).measure);

    const fresh = path.join(dir, 'fresh');
    await withProtocol(fresh);
    expect((await cli(['--data-dir', fresh, 'import', exportFile])).code).toBe(0);
    const again = path.join(dir, 'again.json');
    expect((await cli(['--data-dir', fresh, 'export', again, '--no-files'])).code).toBe(0);
    expect(JSON.parse(await readFile(again, 'utf8')).cases).toEqual(exported.cases);
  });
});

describe('casefile migrate', () => {
  const v1Cases = () => [v1Full('full'), v1Ngo('ngo'), v1Prisoner('arrest', { sentence: { type: 'prison', months: 0.33 }, person: { name: 'Байболат', aliases: [], birthYear: 1985 } })];

  it('--check reports each case of a version-1 folder and writes nothing', async () => {
    await writeV1Folder(data(), v1Cases(), { trash: [v1Prisoner('trashed', { charges: [{ article: 'unspecified', code: 'CC' }] })] });
    const before = await filesOf(data());
    const run = await cli(['--data-dir', data(), 'migrate', '--check']);
    expect(run.code).toBe(0);
    expect(await filesOf(data())).toEqual(before);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`${data()} is at layout 1; opening it with this Casefile migrates it to layout 2. What each case would become (nothing was written):`);
    expect(run.stdout).toContain(
      [
        'cases/arrest.json  Кенжебек Әбішев — arrest',
        '  sentence → decisions[0] (verdict; 0.33 months read as 10 days)',
        '  person.birthYear → person.born',
        '  requests, person.nationality: new in version 2, start empty',
      ].join('\n'),
    );
    expect(run.stdout).toContain('  charges[1].article "не указана" dropped (a placeholder, not an article)');
    expect(run.stdout).toContain('cases/ngo.json  Қазақстан халықаралық бюросы — ngo\n  requests: new in version 2, start empty');
    expect(run.stdout).toContain('trash/trashed.json  Кенжебек Әбішев — trashed\n  charges[0].article "unspecified" dropped (a placeholder, not an article)');
    expect(lines.at(-1)).toMatch(/^4 case file\(s\): 4 would be migrated, 0 would be quarantined\. A snapshot of the folder is taken before the migration/);

    const json = await cli(['--data-dir', data(), 'migrate', '--check', '--json']);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ schemaVersion: 1, target: 2, interrupted: false, encrypted: false });
    expect(report.cases.map((c: { file: string }) => c.file)).toEqual(['cases/arrest.json', 'cases/full.json', 'cases/ngo.json', 'trash/trashed.json']);
    expect(await filesOf(data())).toEqual(before);
  });

  it('--check names each fault by its path and exits 1; the folder is unchanged', async () => {
    await writeV1Folder(data(), [...v1Cases(), v1Prisoner('bad', { sentence: { type: 'prison', months: -1 }, person: { name: 'X', aliases: [], birthYear: 1700 } })]);
    const before = await filesOf(data());
    const run = await cli(['--data-dir', data(), 'migrate', '--check']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('cases/bad.json  Кенжебек Әбішев — bad\n  FAULT sentence.months: ');
    expect(run.stdout).toContain('  FAULT person.birthYear: expected a year from 1900 to 2100');
    expect(run.stdout).toContain('  → would be moved to quarantine/ unchanged, with these faults in its note');
    expect(run.stdout).toContain('4 case file(s): 3 would be migrated, 1 would be quarantined.');
    expect(await filesOf(data())).toEqual(before);
  });

  it('--check on an encrypted folder needs the passphrase, and still writes nothing', async () => {
    await writeV1Folder(data(), v1Cases());
    await encryptFolder(data(), 'migration passphrase', FAST_KDF);
    const before = await filesOf(data());
    const locked = await cli(['--data-dir', data(), 'migrate', '--check']);
    expect(locked.code).toBe(5);
    expect(locked.stderr).toContain('set CASEFILE_PASSPHRASE');
    const run = await cli(['--data-dir', data(), 'migrate', '--check'], { CASEFILE_PASSPHRASE: 'migration passphrase' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sentence → decisions[0] (verdict; 0.33 months read as 10 days)');
    expect(await filesOf(data())).toEqual(before);
  });

  it('migrate migrates and says where the folder as it was is kept; then --check and verify find nothing to do', async () => {
    await writeV1Folder(data(), v1Cases());
    const run = await cli(['--data-dir', data(), 'migrate']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^Migrated ${data().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} from layout 1 to layout 2: 3 case\\(s\\) in the list, 0 quarantined\\. The folder as it was is in the snapshot \\S+\\.$`));
    expect((await cli(['--data-dir', data(), 'migrate', '--check'])).stdout).toBe(`${data()} is at data-folder layout 2, the one this Casefile writes: nothing to migrate. Nothing was written.`);
    expect((await cli(['--data-dir', data(), 'migrate'])).stdout).toBe(`${data()} is at layout 2: nothing to migrate.`);
    const verify = await cli(['--data-dir', data(), 'verify']);
    expect(verify.stdout).toMatch(/^All well: \d+ file\(s\) checked\.$/);
    const history = await cli(['--data-dir', data(), 'history', 'arrest']);
    expect(history.stdout).toContain('rev 2  migrated to the new case model');
    expect(history.stdout).toContain('  sentence: {"type":"prison","months":0.33} → —');
  });

  it('an interrupted migration: --check says so and writes nothing; migrate finishes it', async () => {
    await writeV1Folder(data(), v1Cases());
    let calls = 0;
    const cut = { ...v1ToV2, up: (ctx: Parameters<typeof v1ToV2.up>[0]) => v1ToV2.up({ ...ctx, now: () => { if (++calls > 1) throw new Error('power cut'); return new Date().toISOString(); } }) };
    await expect(CaseStore.open(data(), { migrations: [cut] })).rejects.toThrow('power cut');
    const before = await filesOf(data());
    const check = await cli(['--data-dir', data(), 'migrate', '--check']);
    expect(check.code).toBe(0);
    expect(check.stdout.split('\n')[0]).toBe(`${data()}: a migration to layout 2 was interrupted; the next open finishes it. What each case would become (nothing was written):`);
    expect(await filesOf(data())).toEqual(before);
    const run = await cli(['--data-dir', data(), 'migrate']);
    expect(run.stdout).toMatch(/to layout 2 \(finishing a migration that was interrupted\): 3 case\(s\) in the list, 0 quarantined\./);
    expect((await cli(['--data-dir', data(), 'verify'])).code).toBe(0);
    for (const id of ['full', 'ngo', 'arrest']) {
      const history = JSON.parse((await cli(['--data-dir', data(), 'history', id, '--json'])).stdout) as Array<{ cause: string }>;
      expect(history.filter((e) => e.cause === 'migrate')).toHaveLength(1);
    }
  });

  it('a folder written by a newer Casefile is refused by --check, nothing written', async () => {
    await writeV1Folder(data(), v1Cases());
    const meta = path.join(data(), 'meta.json');
    await writeFile(meta, JSON.stringify({ format: 'casefile-data', schemaVersion: 3, createdAt: '2025-01-01T00:00:00.000Z' }));
    const before = await filesOf(data());
    const run = await cli(['--data-dir', data(), 'migrate', '--check']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('written by a newer Casefile (layout 3; this one reads up to 2). Update Casefile; nothing was changed.');
    expect(await filesOf(data())).toEqual(before);
  });
});
