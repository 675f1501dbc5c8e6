import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreSnapshot } from '../../../electron/services/backup';
import { encryptFolder } from '../../../electron/services/folder/convert';
import { isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { SETTINGS_FILE } from '../../../electron/services/disk/folderLayout';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { formatIssue } from '../../../shared/errors';
import { organizationForBrief } from '../../../shared/organization';
import { buildDataFolder, FAST_KDF, snapshot } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

// The organisation profile: the submitting organisation's name, address, e-mail,
// phone and person responsible, kept in the data folder's settings.json beside
// "Prepared by" — validated by path at the door, merged field by field, sealed when
// the folder is encrypted and carried by snapshots.

const PASS = 'Құпия сөз — ұйым';
const PROFILE = {
  name: 'Қазақстан құқық қорғау бюросы ORGNAME7c1',
  address: 'Абай даңғылы 10, 17-кеңсе\nАлматы 050000 ORGADDR7c1',
  email: 'office.orgmail7c1@example.kz',
  phone: '+7 727 555 71 93',
  responsiblePerson: 'Сәуле Жақыпова ORGPERSON7c1',
  responsibleRole: 'Заң кеңесшісі ORGROLE7c1',
};
/** What of each value must never be found in plain bytes: a tag, and the phone's digits with and without spaces. */
const NEEDLES = ['ORGNAME7c1', 'ORGADDR7c1', 'orgmail7c1', 'ORGPERSON7c1', 'ORGROLE7c1', '+7 727 555 71 93', '77275557193', 'Жақыпова'];

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-org-')));
afterEach(() => cleanup());

type Call = (op: 'settings.get' | 'settings.set', input: unknown) => ReturnType<ReturnType<typeof createDispatcher>>;

async function withFolder<T>(options: { passphrase?: string }, work: (call: Call) => Promise<T>): Promise<T> {
  const store = await CaseStore.open(dir, options);
  try {
    const dispatch = createDispatcher(createHandlers(store));
    return await work((op, input) => dispatch(op, input));
  } finally {
    await store.close();
  }
}

const value = async (p: ReturnType<Call>) => {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

async function plainHits(): Promise<string[]> {
  const hits: string[] = [];
  for (const [rel, bytes] of await snapshot(dir)) for (const n of NEEDLES) if (bytes.includes(Buffer.from(n))) hits.push(`${rel}: ${n}`);
  return hits;
}

describe('the organisation profile', () => {
  it('refuses each bad field by its JSON path, saying what is expected, and writes nothing', async () => {
    await withFolder({}, async (call) => {
      const r = await call('settings.set', {
        organization: { name: '   ', email: 'office at example.kz', phone: '+7 (727) 555-71-93 ext. 4', address: 'x'.repeat(501), responsiblePerson: 'y'.repeat(201), responsibleRole: 7, fax: '1' },
      });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('bad_input');
      expect(r.error.issues!.map(formatIssue).sort()).toEqual([
        'organization.address: expected a postal address: 1 to 500 characters, lines kept',
        'organization.email: expected an e-mail address such as office@example.org',
        'organization.fax: unknown field (not part of the case-file model)',
        "organization.name: expected the organisation's name: 1 to 200 characters",
        'organization.phone: expected a phone number: digits with spaces and + ( ) - . only, 5 to 20 digits, such as +7 727 123 45 67',
        'organization.responsiblePerson: expected the name of the person responsible: 1 to 200 characters',
        'organization.responsibleRole: expected string, got number',
      ]);
      for (const phone of ['1234', '+7 727 555 71 93 12 34 56 78 90 12', '8-800-СВЯЗЬ']) {
        const bad = await call('settings.set', { organization: { phone } });
        expect(bad.ok ? [] : bad.error.issues!.map((i) => i.path.join('.')), phone).toEqual(['organization.phone']);
      }
      for (const email of ['@example.kz', 'office@example', 'office@@example.kz', 'a b@example.kz']) {
        const bad = await call('settings.set', { organization: { email } });
        expect(bad.ok ? [] : bad.error.issues!.map((i) => i.path.join('.')), email).toEqual(['organization.email']);
      }
    });
    expect((await snapshot(dir)).has(SETTINGS_FILE)).toBe(false);
  });

  it('is tidied, merged field by field, cleared by null, and gone when empty', async () => {
    await withFolder({}, async (call) => {
      expect(await value(call('settings.set', { organization: { name: '  Бюро \t «Әділет» ', email: ' office@әділет.қаз ', address: ' Абай 10 \n\n  Алматы  ' } }))).toEqual({
        organization: { name: 'Бюро «Әділет»', email: 'office@әділет.қаз', address: 'Абай 10\nАлматы' },
      });
      // Two fields saved at once, each on leaving it: both stay.
      await Promise.all([call('settings.set', { organization: { phone: '+7 (727) 555-71-93' } }), call('settings.set', { organization: { responsiblePerson: 'Сәуле Жақыпова' } })]);
      expect(await value(call('settings.set', { preparedBy: 'Сәуле Ж.', organization: { email: null } }))).toEqual({
        preparedBy: 'Сәуле Ж.',
        organization: { name: 'Бюро «Әділет»', address: 'Абай 10\nАлматы', phone: '+7 (727) 555-71-93', responsiblePerson: 'Сәуле Жақыпова' },
      });
      expect(await value(call('settings.set', { organization: { name: null, address: null, phone: null, responsiblePerson: null } }))).toEqual({ preparedBy: 'Сәуле Ж.' });
      expect(JSON.parse(await readFile(path.join(dir, SETTINGS_FILE), 'utf8'))).toEqual({ format: 'casefile-settings', version: 1, preparedBy: 'Сәуле Ж.' });
      await call('settings.set', { organization: PROFILE });
      expect(await value(call('settings.set', { organization: null }))).toEqual({ preparedBy: 'Сәуле Ж.' });
    });
  });

  it('reads a settings.json an older Casefile wrote (no profile), and keeps the valid fields of a hand-edited one', async () => {
    const file = path.join(dir, SETTINGS_FILE);
    await withFolder({}, async (call) => {
      await writeFile(file, `${JSON.stringify({ format: 'casefile-settings', version: 1, preparedBy: 'Адвокат Сәуле Ж.' }, null, 2)}\n`);
      expect(await value(call('settings.get', {}))).toEqual({ preparedBy: 'Адвокат Сәуле Ж.' });
      expect(await value(call('settings.set', { organization: { name: 'Бюро' } }))).toEqual({ preparedBy: 'Адвокат Сәуле Ж.', organization: { name: 'Бюро' } });

      // Edited by hand: a bad e-mail and a field a newer Casefile knows; the name still counts, nothing is lost on disk.
      await writeFile(file, JSON.stringify({ format: 'casefile-settings', version: 1, organization: { name: 'Бюро', email: 'not an address', fax: '+7 727 000' } }));
      expect(await value(call('settings.get', {}))).toEqual({ organization: { name: 'Бюро' } });
      await call('settings.set', { organization: { phone: '+7 727 555 71 93' } });
      expect(JSON.parse(await readFile(file, 'utf8')).organization).toEqual({ name: 'Бюро', email: 'not an address', fax: '+7 727 000', phone: '+7 727 555 71 93' });

      await writeFile(file, JSON.stringify({ format: 'casefile-settings', version: 1, organization: 'Бюро' }));
      expect(await value(call('settings.get', {}))).toEqual({});
    });
  });

  it('in an encrypted folder is sealed: no field of it in plain bytes, in the folder or its snapshots', async () => {
    await buildDataFolder(dir, 0);
    await withFolder({}, (call) => value(call('settings.set', { organization: PROFILE })));
    expect((await plainHits()).length).toBeGreaterThan(0); // the probe finds them while the folder is plain
    await encryptFolder(dir, PASS, FAST_KDF);
    expect(isEncryptedBytes(await readFile(path.join(dir, SETTINGS_FILE)))).toBe(true);
    expect(await plainHits()).toEqual([]);
    await withFolder({ passphrase: PASS }, async (call) => {
      expect(await value(call('settings.get', {}))).toEqual({ organization: PROFILE });
      expect(await value(call('settings.set', { organization: { responsibleRole: 'Директор ORGROLE7c1' } }))).toMatchObject({ organization: { responsibleRole: 'Директор ORGROLE7c1' } });
    });
    const store = await CaseStore.open(dir, { passphrase: PASS });
    try {
      await store.backup('manual');
    } finally {
      await store.close();
    }
    expect(await plainHits()).toEqual([]);
  });

  it('travels in a snapshot and comes back with a restore', async () => {
    await buildDataFolder(dir, 0);
    await withFolder({}, (call) => value(call('settings.set', { organization: PROFILE })));
    const store = await CaseStore.open(dir);
    let name: string;
    try {
      name = (await store.backup('manual')).name;
    } finally {
      await store.close();
    }
    await withFolder({}, (call) => value(call('settings.set', { organization: null })));
    await withFolder({}, async (call) => expect(await value(call('settings.get', {}))).toEqual({}));
    await restoreSnapshot(dir, name, null);
    await withFolder({}, async (call) => expect(await value(call('settings.get', {}))).toEqual({ organization: PROFILE }));
  });

  it('gives a public brief the name only; a submission and an internal brief the whole profile', () => {
    expect(organizationForBrief(PROFILE, 'public')).toEqual({
      printed: { name: PROFILE.name },
      withheld: [PROFILE.address, PROFILE.email, PROFILE.phone, PROFILE.responsiblePerson, PROFILE.responsibleRole],
    });
    expect(organizationForBrief(PROFILE, 'submission')).toEqual({ printed: PROFILE, withheld: [] });
    expect(organizationForBrief(PROFILE, 'internal')).toEqual({ printed: PROFILE, withheld: [] });
    expect(organizationForBrief(undefined, 'submission')).toEqual({ printed: {}, withheld: [] });
  });
});
