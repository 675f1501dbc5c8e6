import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors';
import { backupErrorText, type BackupAction } from '../../../renderer/features/backups/backupErrors';
import { vaultErrorText, type VaultAction } from '../../../renderer/features/lock/vaultErrors';
import { root } from '../../helpers/cli';

// The lock screen, Settings → Encryption and Settings → Backups say what went
// wrong in the user's language: every error code of every vault and backup
// operation maps to a text of its own in en, ru and kk — never the server's
// English message (except as the detail of an unexplained internal error).

const LANGS = ['en', 'ru', 'kk'] as const;
// Not a text any locale holds, so where it shows is known.
const SERVER_MESSAGE = 'SERVER-SIDE English message 7f3a';

async function translator(lang: string): Promise<TFunction> {
  const dir = path.join(root, 'renderer/i18n/locales');
  const translation: Record<string, unknown> = {};
  for (const file of readdirSync(dir).filter((f) => f.startsWith(`${lang}.`) && f.endsWith('.json'))) {
    Object.assign(translation, JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  }
  const instance = i18next.createInstance();
  await instance.init({ lng: lang, resources: { [lang]: { translation } }, interpolation: { escapeValue: false } });
  return instance.t;
}

const cyrillic = /[\u0400-\u04FF]/;

describe('error texts of the vault and backup screens', () => {
  for (const lang of LANGS) {
    it(`${lang}: every code of every operation has its own text, in ${lang}`, async () => {
      const t = await translator(lang);
      const texts: string[] = [];
      for (const code of ErrorCode.options) {
        for (const action of ['unlock', 'encrypt', 'decrypt', 'change', 'idle', 'lock'] as VaultAction[]) {
          texts.push(vaultErrorText(t, action, { code, message: SERVER_MESSAGE }));
        }
        for (const action of ['create', 'list', 'restore', 'recover'] as BackupAction[]) {
          texts.push(backupErrorText(t, action, { code, message: SERVER_MESSAGE }));
        }
      }
      for (const text of texts) {
        expect(text).not.toMatch(/^(vaultError|backupsError)\./); // a missing key shows as the key
        if (lang !== 'en') expect(text, text).toMatch(cyrillic);
        // The server's English appears only as the detail of an internal error.
        if (text.includes(SERVER_MESSAGE)) expect(text.indexOf(SERVER_MESSAGE)).toBeGreaterThan(10);
      }
    });
  }

  it('the lock screen tells a wrong passphrase in each language, and a wrong current one in the change form', async () => {
    const shown = await Promise.all(LANGS.map(async (lang) => vaultErrorText(await translator(lang), 'unlock', { code: 'bad_input', message: SERVER_MESSAGE })));
    expect(shown).toEqual(['The passphrase is wrong. Nothing was changed.', 'Неверная парольная фраза. Ничего не изменено.', 'Құпия фраза қате. Ештеңе өзгертілмеді.']);
    const kk = await translator('kk');
    expect(vaultErrorText(kk, 'change', { code: 'bad_input', message: SERVER_MESSAGE })).toContain('Ағымдағы');
    expect(backupErrorText(kk, 'recover', { code: 'conflict', message: 'A case with id "x" is in the list or the Trash already' })).toContain('Себетте');
  });
});
