import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, cliProcess } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';

// `casefile settings`: shows the folder's "Prepared by" and organisation profile, and
// sets them through settings.set — a flag per field, "" clearing one, --clear-org all.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-cli-settings-')));
afterEach(() => cleanup());

const data = () => path.join(dir, 'data');
const settingsFile = async () => JSON.parse(await readFile(path.join(data(), 'settings.json'), 'utf8')) as Record<string, unknown>;

describe('casefile settings', () => {
  it('shows an empty profile, sets it field by field, clears one field and then the whole profile', async () => {
    const empty = await cli(['--data-dir', data(), 'settings']);
    expect(empty).toMatchObject({ code: 0, stderr: '' });
    expect(empty.stdout).toContain('Prepared by: (not set)');
    expect(empty.stdout).toContain('Organisation: none yet. Set it with `casefile settings --org-name NAME');

    const set = await cli([
      '--data-dir', data(), 'settings',
      '--org-name', 'Қазақстан құқық қорғау бюросы',
      '--org-address', 'Абай даңғылы 10\nАлматы 050000',
      '--org-email', 'office@bureau.kz',
      '--org-phone', '+7 (727) 555-71-93',
      '--org-person', 'Сәуле Жақыпова',
      '--org-role', 'Заң кеңесшісі',
      '--prepared-by', 'Сәуле Ж.',
    ]);
    expect(set.code).toBe(0);
    expect(set.stdout.split('\n')).toEqual([
      'Saved in the data folder.',
      'Prepared by: Сәуле Ж.',
      'Organisation:',
      '  Name:               Қазақстан құқық қорғау бюросы',
      '  Address:            Абай даңғылы 10',
      '                      Алматы 050000',
      '  E-mail:             office@bureau.kz',
      '  Phone:              +7 (727) 555-71-93',
      '  Person responsible: Сәуле Жақыпова',
      '  Role:               Заң кеңесшісі',
      'Briefs print the name in every mode; the address, e-mail, phone and person responsible only in a submission to a UN mechanism.',
    ]);
    const profile = {
      name: 'Қазақстан құқық қорғау бюросы',
      address: 'Абай даңғылы 10\nАлматы 050000',
      email: 'office@bureau.kz',
      phone: '+7 (727) 555-71-93',
      responsiblePerson: 'Сәуле Жақыпова',
      responsibleRole: 'Заң кеңесшісі',
    };
    expect(await settingsFile()).toEqual({ format: 'casefile-settings', version: 1, preparedBy: 'Сәуле Ж.', organization: profile });

    // One flag changes one field; "" clears one; the others stay.
    expect((await cli(['--data-dir', data(), 'settings', '--org-email', '', '--org-role', 'Директор'])).code).toBe(0);
    const json = await cli(['--data-dir', data(), 'settings', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ preparedBy: 'Сәуле Ж.', organization: { ...profile, email: undefined, responsibleRole: 'Директор' } });
    expect((await cli(['--data-dir', data(), 'settings'])).stdout).toContain('  E-mail:             (not set)');

    expect((await cli(['--data-dir', data(), 'settings', '--clear-org'])).code).toBe(0);
    expect(await settingsFile()).toEqual({ format: 'casefile-settings', version: 1, preparedBy: 'Сәуле Ж.' });
  });

  it('refuses bad values by flag and path before opening the folder (exit 2, nothing written)', async () => {
    const bad = await cliProcess(['--data-dir', data(), 'settings', '--org-name', 'Бюро', '--org-email', 'office at bureau.kz', '--org-phone', '8-800-СВЯЗЬ']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('casefile: settings: nothing was changed.');
    expect(bad.stderr).toContain('--org-email (organization.email): expected an e-mail address such as office@example.org');
    expect(bad.stderr).toContain('--org-phone (organization.phone): expected a phone number: digits with spaces and + ( ) - . only, 5 to 20 digits');
    await expect(readFile(path.join(data(), 'settings.json'))).rejects.toMatchObject({ code: 'ENOENT' });

    const mixed = await cli(['--data-dir', data(), 'settings', '--clear-org', '--org-name', 'Бюро']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('--clear-org removes the whole profile');
    const stray = await cli(['--data-dir', data(), 'settings', 'Бюро']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('settings takes no arguments (got "Бюро")');
    await expect(readFile(path.join(data(), 'settings.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('is in the usage text', async () => {
    const help = await cli(['--help']);
    expect(help.stdout).toContain('settings [--json] [--prepared-by NAME] [--org-name NAME]');
  });
});
