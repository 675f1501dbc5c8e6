import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/model';
import { describeHistory } from '../../../shared/history/describe';
import { lineText } from '../../../shared/history/phraseText';
import { LANGS, writer } from './writer';

// A custody line of the history in words, in each language: who took which original
// where, through the renderer's own locale files (custody.say.*). The line changes
// nothing in the case, so the entries around it read as they did.

const SHA = 'a'.repeat(64);
const at = '2026-12-07T06:00:00.000Z';
const saved: AuditEntry = {
  at,
  rev: 2,
  cause: 'custody',
  changes: [],
  custody: { action: 'saved', by: 'Айгүл Серікқызы', byFrom: 'settings', sourceId: 's1', title: 'Приговор', name: 'verdict.pdf', sha256: SHA, to: '/media/usb/verdict.pdf' },
};
const downloaded: AuditEntry = { ...saved, custody: { action: 'downloaded', by: 'aigul', byFrom: 'os', sourceId: 's1', title: 'Приговор', name: 'verdict.pdf', sha256: SHA } };
const edit: AuditEntry = { at, rev: 2, cause: 'update', changes: [{ path: 'summary', old: 'Был', new: 'Стал' }] };

const words = (entries: AuditEntry[], lang: (typeof LANGS)[number]) => describeHistory(entries, { summary: 'Стал', sources: [] }).map((lines) => lines.map((l) => lineText(l, writer(lang))));

describe('the custody sentence', () => {
  it('names who saved which original where, in English, Russian and Kazakh', () => {
    expect(words([saved], 'en')).toEqual([['Айгүл Серікқызы saved the original “verdict.pdf” to /media/usb/verdict.pdf']]);
    expect(words([saved], 'ru')).toEqual([['Пользователь Айгүл Серікқызы сохранил оригинал «verdict.pdf» в файл /media/usb/verdict.pdf']]);
    expect(words([saved], 'kk')).toEqual([['Айгүл Серікқызы «verdict.pdf» түпнұсқасын /media/usb/verdict.pdf файлына сақтады']]);
  });

  it('a download through the browser, by the system user when Settings names no one, says so', () => {
    // A line starts with a capital, the system user's name included.
    expect(words([downloaded], 'en')).toEqual([['Aigul (system user) downloaded the original “verdict.pdf” through the browser']]);
    expect(words([downloaded], 'ru')).toEqual([['Пользователь aigul (учётная запись системы) скачал оригинал «verdict.pdf» через браузер']]);
    expect(words([downloaded], 'kk')).toEqual([['Aigul (жүйе пайдаланушысы) «verdict.pdf» түпнұсқасын браузер арқылы жүктеп алды']]);
  });

  it('an original sent inside a brief names the brief', () => {
    const briefed: AuditEntry = { ...saved, custody: { ...saved.custody!, action: 'briefed', to: 'WGAD-Abishev-2026-12-07.zip' } };
    expect(words([briefed], 'en')).toEqual([['Айгүл Серікқызы sent the original “verdict.pdf” with the brief “WGAD-Abishev-2026-12-07.zip”']]);
    expect(words([briefed], 'ru')).toEqual([['Пользователь Айгүл Серікқызы отправил оригинал «verdict.pdf» вместе с документом «WGAD-Abishev-2026-12-07.zip»']]);
    expect(words([briefed], 'kk')).toEqual([['Айгүл Серікқызы «verdict.pdf» түпнұсқасын «WGAD-Abishev-2026-12-07.zip» құжатымен бірге жіберді']]);
  });

  it('does not disturb the sentences of the edits around it (walking back through it changes nothing)', () => {
    for (const lang of LANGS) {
      const alone = words([edit], lang);
      const withCustody = words([edit, saved], lang);
      expect(withCustody[0]).toEqual(alone[0]);
      expect(withCustody[1]).toHaveLength(1);
    }
  });
});
