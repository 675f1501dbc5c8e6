// Restoring snapshots that hold more than fits in one string. Until streaming,
// a restore decoded the whole archive as one string and failed past about half a
// gigabyte ("Cannot create a string longer than 0x1fffffe8 characters"), calling
// the snapshot damaged. Now it is read line by line: (1) with the longest line
// allowed lowered to 4 KiB, a snapshot of thousands of entries (plain and
// encrypted) restores byte for byte; (2) a real snapshot of more than 512 MB of
// text restores in a child process whose peak memory is measured and bounded.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSnapshotTo, RESTORE_STAGING, restoreSnapshot, snapshotStreamAad, type SnapshotEntry } from '../../../electron/services/backup';
import { encryptFolder, openVault } from '../../../electron/services/folder/convert';
import { decryptBytes } from '../../../electron/services/crypto/envelope';
import { wipe } from '../../../electron/services/crypto/wipe';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { root } from '../../helpers/cli';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';

const V8_MAX_STRING = 0x1fffffe8;
let base: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir: base, cleanup } = await tempDir('casefile-huge-restore-')));
afterAll(() => cleanup());

const caseText = (i: number) => JSON.stringify({ id: `c${i}`, rev: 2, note: `Іс ${i}: ${'әділет '.repeat(20 + (i % 40))}` });

async function writeSnapshot(dir: string, name: string, count: number, key: Buffer | null): Promise<number> {
  const meta = await readFile(path.join(dir, 'meta.json'), 'utf8');
  let plain = 0;
  function* entries(): Generator<SnapshotEntry> {
    yield { path: 'meta.json', mtimeMs: 0, text: meta };
    for (let i = 0; i < count; i++) {
      plain += caseText(i).length;
      yield { path: `cases/c${i}.json`, mtimeMs: 1_700_000_000_000 + i, text: caseText(i) };
    }
  }
  await mkdir(path.join(dir, 'backups'), { recursive: true });
  const out = createWriteStream(path.join(dir, 'backups', name));
  await encodeSnapshotTo((c) => new Promise<void>((res, rej) => out.write(c, (e) => (e ? rej(e) : res()))), { format: 'casefile-snapshot', version: 2, createdAt: '2026-01-01T00:00:00.000Z', reason: 'manual' }, entries(), () => [], key ? { key, aad: snapshotStreamAad(name) } : null);
  await new Promise<void>((res) => out.end(res));
  return plain;
}

describe('a restore reads the snapshot line by line', () => {
  for (const encrypted of [false, true]) {
    it(`${encrypted ? 'encrypted' : 'plain'}: 3,000 entries restore byte for byte with no line longer than 4 KiB held`, async () => {
      const dir = path.join(base, encrypted ? 'small-enc' : 'small-plain');
      await (await CaseStore.open(dir)).close();
      let key: Buffer | null = null;
      if (encrypted) {
        await encryptFolder(dir, 'Құпия сөз — huge restore', FAST_KDF);
        key = await openVault(dir, 'Құпия сөз — huge restore');
      }
      try {
        const name = '20260101T000000000Z--manual--3000c0t.casefile-snapshot';
        const plain = await writeSnapshot(dir, name, 3000, key);
        expect(plain).toBeGreaterThan(200 * 4096); // the archive is hundreds of times the longest line allowed
        await restoreSnapshot(dir, name, key, { maxLineBytes: 4096 });
        for (let i = 0; i < 3000; i += 1) {
          const stored = await readFile(path.join(dir, 'cases', `c${i}.json`));
          const text = key ? decryptBytes(key, stored, `cases/c${i}.json`).toString('utf8') : stored.toString('utf8');
          if (text !== caseText(i)) throw new Error(`cases/c${i}.json does not hold its snapshot's bytes`);
        }
        // One line over the limit is refused as damage, the folder untouched.
        const before = await readFile(path.join(dir, 'cases', 'c7.json'));
        await expect(restoreSnapshot(dir, name, key, { maxLineBytes: 512 })).rejects.toThrow(/is damaged \(a line is longer than 512 bytes\)/);
        expect((await readFile(path.join(dir, 'cases', 'c7.json'))).equals(before)).toBe(true);
        expect(await readdir(dir)).not.toContain(RESTORE_STAGING);
      } finally {
        wipe(key);
      }
    }, 120_000);
  }

  it('a real snapshot of more than 512 MB of text restores in a child process, byte for byte, its peak memory bounded', async () => {
    const dir = path.join(base, 'huge');
    const totalMb = Number(process.env.CASEFILE_HUGE_RESTORE_MB ?? 560);
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/helpers/hugeRestoreChild.ts'), dir, String(totalMb), '256'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(0);
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as { count: number; plainBytes: number; restoreMs: number; writeMs: number; peakRssMB: number; wrong: number; histories: number; cases: number; lastHistory: string };
    expect(r.plainBytes).toBeGreaterThan(V8_MAX_STRING);
    expect(r.wrong).toBe(0);
    expect(r.cases).toBe(r.count);
    expect(r.histories).toBe(r.count);
    expect(r.lastHistory).toContain('"cause":"backup-restore"');
    // Far below the archive's size: only a few lines are ever held at once (the figure goes to the report).
    expect(r.peakRssMB).toBeLessThan(400);
    console.info(`huge restore: ${r.count} entries, ${(r.plainBytes / 2 ** 20).toFixed(0)} MiB of text; written in ${(r.writeMs / 1000).toFixed(1)} s, restored in ${(r.restoreMs / 1000).toFixed(1)} s; peak RSS ${r.peakRssMB.toFixed(0)} MB`);
  }, 600_000);
});
