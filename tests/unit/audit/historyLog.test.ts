import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, appendFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/model';
import {
  decodeHistoryLine,
  encodeHistoryLine,
  HISTORY_DIR,
  HistoryLog,
  readHistoryText,
  encodeHistoryText,
} from '../../../electron/services/audit/historyLog';
import { SEALED_LINE_PREFIX } from '../../../electron/services/crypto/sealedLines';
import { aadForPath } from '../../../electron/services/disk/folderLayout';
import { sha256Hex } from '../../../electron/services/audit/digest';
import { ServiceError } from '../../../electron/services/errors';
import type { DurableFs } from '../../../electron/services/disk/durableFile';
import { tempDir } from '../../helpers/fixtures';
import { deviceIdOf, ownHistoryFile, ownHistoryRel } from '../../helpers/deviceHistory';

const NAME = 'Айгерім Нұрланқызы HISTMARK9d2';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-history-'));
});
afterEach(() => cleanup());

function entry(rev: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: `2026-03-${String(rev).padStart(2, '0')}T10:00:00.000Z`,
    rev,
    cause: rev === 1 ? 'create' : 'update',
    changes: rev === 1 ? [] : [{ path: 'person.name', old: 'Кенжебек Әбішев', new: `${NAME} ${rev}` }],
    ...extra,
  };
}

/** Entries as read back, without the chain and the device each line carries (see `chained` for them). */
const unchained = <T extends { entries: AuditEntry[] }>(r: T): T => ({ ...r, entries: r.entries.map(({ prev: _prev, device: _device, ...e }) => e) });
/** Entries as the log writes them: each naming this device, with the SHA-256 of the line before it. */
function chained(entries: AuditEntry[]): AuditEntry[] {
  let prev = '';
  const device = JSON.parse(readFileSync(path.join(dir, 'local', 'device.json'), 'utf8')) as AuditEntry['device'];
  return entries.map((e) => {
    const out = { ...e, device, prev };
    prev = sha256Hex(JSON.stringify(out));
    return out;
  });
}

// This device's file (made at the first append): the only one the log appends to.
const fileOf = (id: string) => ownHistoryFile(dir, id);
const aadOf = (id: string) => aadForPath(ownHistoryRel(dir, id));
const linesOf = async (id: string) => (await readFile(fileOf(id), 'utf8')).split('\n');

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a rejection');
}

describe('a plain folder', () => {
  it('appends entries as JSON lines, one write per call, and reads them back in order; no file is an empty history', async () => {
    const log = new HistoryLog(dir, null);
    expect(unchained(await log.read('c1'))).toEqual({ entries: [], damaged: 0 });
    await log.append('c1', [entry(1), entry(2)]);
    await log.append('c1', [entry(3, { imported: true })]);
    await log.append('c1', []);
    expect(unchained(await log.read('c1'))).toEqual({ entries: [entry(1), entry(2), entry(3, { imported: true })], damaged: 0 });
    const lines = await linesOf('c1');
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(0, 3)) expect(JSON.parse(line)).toMatchObject({ at: expect.any(String) });
    expect(lines[1]).toContain(NAME);
    expect((await stat(fileOf('c1'))).mode & 0o777).toBe(0o600);
    // Each line names the device that wrote it; an imported one keeps what its bundle said (here nothing).
    const device = JSON.parse(await readFile(path.join(dir, 'local', 'device.json'), 'utf8')) as unknown;
    expect((await log.read('c1')).entries.map((e) => e.device)).toEqual([device, device, undefined]);
  });

  it('creates history/ when it is missing', async () => {
    const log = new HistoryLog(dir, null);
    await log.append('c1', [entry(1)]);
    expect(await readdir(path.join(dir, HISTORY_DIR))).toEqual([`c1.${deviceIdOf(dir)}.jsonl`]);
  });

  it('keeps concurrent appends to one case whole and in call order', async () => {
    const log = new HistoryLog(dir, null);
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append('c1', [entry(i + 1)])));
    const { entries, damaged } = await log.read('c1');
    expect(damaged).toBe(0);
    expect(entries.map((e) => e.rev)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('refuses an id that is not one (no path outside history/) and an entry the schema refuses, writing nothing', async () => {
    const log = new HistoryLog(dir, null);
    expect(((await rejection(log.append('../meta', [entry(1)]))) as ServiceError).code).toBe('bad_input');
    expect(((await rejection(log.read('a/b'))) as ServiceError).code).toBe('bad_input');
    const bad = { ...entry(2), rev: 0 };
    expect(((await rejection(log.append('c1', [entry(1), bad]))) as ServiceError).code).toBe('internal');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('a torn last line (the process killed mid-append)', () => {
  for (const encrypted of [false, true]) {
    it(`does not swallow the next entry, and is skipped and counted on read (${encrypted ? 'encrypted' : 'plain'})`, async () => {
      const key = encrypted ? randomBytes(32) : null;
      const log = new HistoryLog(dir, key);
      await log.append('c1', [entry(1), entry(2)]);
      const whole = `${encodeHistoryLine(JSON.stringify(entry(3)), key, aadOf('c1'))}\n`;
      // What a kill leaves: part of a line, no newline — cut inside a Cyrillic letter when plain.
      const cut = Buffer.from(whole, 'utf8').subarray(0, encrypted ? 60 : Buffer.from(whole).indexOf(Buffer.from('Нұр')) + 1);
      await appendFile(fileOf('c1'), cut);
      await log.append('c1', [entry(4)]);
      await log.append('c1', [entry(5)]);
      expect(unchained(await log.read('c1'))).toEqual({ entries: [entry(1), entry(2), entry(4), entry(5)], damaged: 1 });
      const lines = await linesOf('c1');
      expect(lines).toHaveLength(6);
      // The torn bytes stay as they were, ended by the newline the next append put first.
      expect((await readFile(fileOf('c1'))).includes(Buffer.concat([cut, Buffer.from('\n')]))).toBe(true);
    });
  }

  it('a complete line that only lacks its newline stays a valid entry', async () => {
    const log = new HistoryLog(dir, null);
    await log.append('c1', [entry(1)]);
    await appendFile(fileOf('c1'), JSON.stringify(entry(2)));
    await log.append('c1', [entry(3)]);
    expect(unchained(await log.read('c1'))).toEqual({ entries: [entry(1), entry(2), entry(3)], damaged: 0 });
  });

  it('a write that fails half-way (disk full) is cut back, so it leaves no torn line', async () => {
    let failNext = false;
    const faulty: DurableFs = {
      open: (async (...args: Parameters<typeof open>) => {
        const handle = await open(...args);
        const appendFileOriginal = handle.appendFile.bind(handle);
        handle.appendFile = (async (data: Buffer) => {
          if (!failNext) return appendFileOriginal(data);
          failNext = false;
          await appendFileOriginal(data.subarray(0, Math.floor(data.length / 2)));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }) as typeof handle.appendFile;
        return handle;
      }) as typeof open,
      rename: (...args) => import('node:fs/promises').then((fs) => fs.rename(...args)),
      unlink: (...args) => import('node:fs/promises').then((fs) => fs.unlink(...args)),
    };
    const log = new HistoryLog(dir, null, faulty);
    await log.append('c1', [entry(1)]);
    const before = await readFile(fileOf('c1'));
    failNext = true;
    expect(((await rejection(log.append('c1', [entry(2), entry(3)]))) as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect((await readFile(fileOf('c1'))).equals(before)).toBe(true);
    await log.append('c1', [entry(2)]);
    expect(unchained(await log.read('c1'))).toEqual({ entries: [entry(1), entry(2)], damaged: 0 });
  });
});

describe('an encrypted folder', () => {
  it('seals every line on its own: no plaintext on disk, and the entries read back', async () => {
    const key = randomBytes(32);
    const log = new HistoryLog(dir, key);
    await log.append('c1', [entry(1), entry(2)]);
    await log.append('c1', [entry(3)]);
    const bytes = await readFile(fileOf('c1'));
    for (const needle of [NAME, 'Айгерім', 'HISTMARK9d2', 'person.name', '"rev"']) expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    const lines = bytes.toString('utf8').split('\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(0, -1)) expect(line).toMatch(new RegExp(`^${SEALED_LINE_PREFIX}[A-Za-z0-9+/]+=*$`));
    expect(unchained(await log.read('c1'))).toEqual({ entries: [entry(1), entry(2), entry(3)], damaged: 0 });
  });

  it('reports a tampered line, a plain line slipped in, and a line moved from another case, keeping the rest', async () => {
    const key = randomBytes(32);
    const log = new HistoryLog(dir, key);
    await log.append('c1', [entry(1), entry(2), entry(3)]);
    await log.append('c2', [entry(7)]);
    const lines = await linesOf('c1');
    // One base64 character changed in the middle of the second line.
    const i = Math.floor(lines[1]!.length / 2);
    lines[1] = `${lines[1]!.slice(0, i)}${lines[1]![i] === 'A' ? 'B' : 'A'}${lines[1]!.slice(i + 1)}`;
    const moved = (await linesOf('c2'))[0]!;
    await writeFile(fileOf('c1'), [...lines.slice(0, -1), JSON.stringify(entry(4)), moved, ''].join('\n'));
    expect(unchained(await log.read('c1'))).toEqual({ entries: [entry(1), entry(3)], damaged: 3 });
    // Without the key, or with another one, nothing opens.
    expect((await new HistoryLog(dir, null).read('c2')).damaged).toBe(1);
    expect(await new HistoryLog(dir, randomBytes(32)).read('c2')).toEqual({ entries: [], damaged: 1 });
  });

  it('appends fail once the key is wiped, rather than write lines nobody can open', async () => {
    const key = randomBytes(32);
    const log = new HistoryLog(dir, key);
    await log.append('c1', [entry(1)]);
    const before = await readFile(fileOf('c1'));
    key.fill(0);
    expect(await rejection(log.append('c1', [entry(2)]))).toBeInstanceOf(ServiceError);
    expect((await readFile(fileOf('c1'))).equals(before)).toBe(true);
  });
});

describe('the line codec', () => {
  it('encodes and decodes one line, plain or sealed, and tells the two apart by their first characters', () => {
    const key = randomBytes(32);
    const json = JSON.stringify(entry(2));
    const aad = aadForPath('history/c1.jsonl');
    expect(encodeHistoryLine(json, null, aad)).toBe(json);
    const sealed = encodeHistoryLine(json, key, aad);
    expect(sealed.startsWith(SEALED_LINE_PREFIX)).toBe(true);
    expect(sealed).not.toBe(encodeHistoryLine(json, key, aad)); // a fresh nonce per line
    expect(decodeHistoryLine(sealed, key, aad)).toBe(json);
    expect(decodeHistoryLine(json, null, aad)).toBe(json);
    expect(decodeHistoryLine(sealed, key, aadForPath('history/c2.jsonl'))).toBeNull();
    expect(decodeHistoryLine(sealed, null, aad)).toBeNull();
    expect(decodeHistoryLine(json, key, aad)).toBeNull();
    expect(decodeHistoryLine(sealed.slice(0, -4), key, aad)).toBeNull();
    expect(() => encodeHistoryLine('{"a":\n1}', key, aad)).toThrow(ServiceError);
    expect(() => encodeHistoryLine('[1]', null, aad)).toThrow(ServiceError);
  });

  it('readHistoryText gives the plain JSONL (damaged lines dropped) and encodeHistoryText stores it back sealed, or plain', async () => {
    const key = randomBytes(32);
    await new HistoryLog(dir, key).append('c1', [entry(1), entry(2)]);
    await appendFile(fileOf('c1'), `${SEALED_LINE_PREFIX}Q0ZFTkMx`); // a torn line
    await new HistoryLog(dir, key).append('c1', [entry(3)]);
    const plain = await readHistoryText(fileOf('c1'), key, aadOf('c1'));
    expect(plain).toBe(chained([entry(1), entry(2), entry(3)]).map((e) => `${JSON.stringify(e)}\n`).join(''));
    expect(await readHistoryText(fileOf('missing'), key, aadOf('missing'))).toBe('');

    await mkdir(path.dirname(fileOf('c9')), { recursive: true });
    await writeFile(fileOf('c9'), encodeHistoryText(plain, key, aadOf('c9'), 'c9.jsonl'));
    expect((await readFile(fileOf('c9'))).includes(Buffer.from('Айгерім'))).toBe(false);
    expect(await readHistoryText(fileOf('c9'), key, aadOf('c9'))).toBe(plain);
    expect(unchained(await new HistoryLog(dir, key).read('c9')).entries).toEqual([entry(1), entry(2), entry(3)]);

    expect(encodeHistoryText(plain, null, aadOf('c9'), 'c9.jsonl')).toBe(plain);
    expect(() => encodeHistoryText(`${plain}{"not":"an entry"}\n`, key, aadOf('c9'), 'c9.jsonl')).toThrow(/Line 4 of the history for c9\.jsonl is not a history entry/);
  });
});
