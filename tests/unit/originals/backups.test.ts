import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptFolder, encryptFolder } from '../../../electron/services/folder/convert';
import { isStreamSealed } from '../../../electron/services/crypto/streamSeal';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { OriginalStore } from '../../../electron/services/originals/originalStore';
import { CaseDraft, type SourceFile } from '../../../shared/model';
import { cli } from '../../helpers/cli';
import { FAST_KDF, snapshot } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { jpegWithExifMarker, pdfWithMarker } from '../../helpers/originalFixtures';

// Snapshots carry originals ONCE each, by hash, in a pool beside them
// (backups/files/ab/<sha256>.bin), not inside every snapshot; "Copy to another
// drive" writes the pool into the set; a restore re-hashes every original the
// restored cases name and brings back from the pool what is missing or changed.

const PASS = 'backups of originals — құпия';
const MARKERS = ['MKR-pool-pdf', 'MKR-pool-photo', 'MKR-pool-big'];
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const record = (name: string, mediaType: string, bytes: Buffer): SourceFile => ({ sha256: sha(bytes), name, mediaType, size: bytes.length, addedAt: '2026-12-01T10:00:00.000Z' });

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])) if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  return out.sort();
}

function leaks(snap: Map<string, Buffer>): string[] {
  const found: string[] = [];
  for (const [rel, bytes] of snap) for (const m of MARKERS) if (bytes.includes(Buffer.from(m))) found.push(`${m} in ${rel}`);
  return found;
}

for (const encrypted of [false, true]) {
  describe(encrypted ? 'encrypted folder' : 'plain folder', () => {
    let base: string;
    let dir: string;
    let cleanup: () => Promise<void>;
    let originals: Map<string, { name: string; bytes: Buffer }>;
    const env = encrypted ? { CASEFILE_PASSPHRASE: PASS, CASEFILE_SCRYPT_N: '1024' } : {};
    const open = () => CaseStore.open(dir, encrypted ? { passphrase: PASS } : {});

    beforeEach(async () => {
      ({ dir: base, cleanup } = await tempDir('casefile-originals-backups-'));
      dir = path.join(base, 'data');
      await (await CaseStore.open(dir)).close();
      if (encrypted) await encryptFolder(dir, PASS, FAST_KDF);
      const store = await open();
      const pdf = await pdfWithMarker(MARKERS[0]!);
      const jpeg = jpegWithExifMarker(MARKERS[1]!);
      const big = Buffer.concat([randomBytes(300_000), Buffer.from(MARKERS[2]!), randomBytes(300_000)]);
      originals = new Map([[sha(pdf), { name: 'verdict.pdf', bytes: pdf }], [sha(jpeg), { name: 'bruise.jpg', bytes: jpeg }], [sha(big), { name: 'video.mp4', bytes: big }]]);
      for (const { bytes } of originals.values()) await store.originals.put([bytes]);
      const sources = [...originals.values()].map((o, i) => ({ id: `s${i}`, title: `Source ${i}`, kind: 'other' as const, text: `text ${i}`, file: record(o.name, 'application/octet-stream', o.bytes) }));
      await store.create(CaseDraft.parse(prisonerDraft({ title: 'With originals', sources })));
      await store.backup('manual');
      await store.backup('manual');
      await store.close();
    });
    afterEach(() => cleanup());

    const liveFile = (sha256: string) => path.join(dir, 'files', sha256.slice(0, 2), `${sha256}.bin`);

    it('keeps each original once in backups/files/, a copy (not a link) sealed like the live one, none inside the snapshots', async () => {
      const pool = (await filesUnder(path.join(dir, 'backups'))).filter((f) => f.startsWith('files/'));
      expect(pool).toEqual([...originals.keys()].map((s) => `files/${s.slice(0, 2)}/${s}.bin`).sort());
      const snapshots = (await readdir(path.join(dir, 'backups'))).filter((n) => n.endsWith('.casefile-snapshot'));
      expect(snapshots.length).toBeGreaterThan(0); // two were taken; the rotation keeps the newest of the day
      for (const name of snapshots) expect((await stat(path.join(dir, 'backups', name))).size).toBeLessThan(100_000); // the 600 KB original is not in it
      for (const [sha256, { bytes }] of originals) {
        const pooled = path.join(dir, 'backups', 'files', sha256.slice(0, 2), `${sha256}.bin`);
        expect((await stat(pooled)).ino).not.toBe((await stat(liveFile(sha256))).ino);
        const onDisk = await readFile(pooled);
        expect(isStreamSealed(onDisk)).toBe(encrypted);
        if (!encrypted) expect(onDisk.equals(bytes)).toBe(true);
      }
      if (encrypted) expect(leaks(await snapshot(dir))).toEqual([]);
    });

    it('restore brings back a deleted and a changed original from the pool, and names one it cannot find', async () => {
      const [pdfSha, jpegSha, bigSha] = [...originals.keys()];
      await rm(liveFile(pdfSha!));
      const changed = Buffer.from(await readFile(liveFile(jpegSha!)));
      changed.writeUInt8(changed.readUInt8(changed.length - 30) ^ 1, changed.length - 30);
      await writeFile(liveFile(jpegSha!), changed);
      // The big one is gone from both places.
      await rm(liveFile(bigSha!));
      await rm(path.join(dir, 'backups', 'files', bigSha!.slice(0, 2), `${bigSha}.bin`));
      const name = (await readdir(path.join(dir, 'backups'))).filter((n) => n.endsWith('.casefile-snapshot')).sort()[0]!;
      const restored = await cli(['--data-dir', dir, 'restore', name], env);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('Originals: 3 checked, 2 brought back from backups/files/.');
      expect(restored.stdout).toContain(`missing: "video.mp4" (${bigSha})`);
      const store = await open();
      try {
        expect((await store.originals.read(pdfSha!, 10_000_000)).equals(originals.get(pdfSha!)!.bytes)).toBe(true);
        expect((await store.originals.read(jpegSha!, 10_000_000)).equals(originals.get(jpegSha!)!.bytes)).toBe(true);
        expect(await store.originals.check(bigSha!)).toBe('missing');
      } finally {
        await store.close();
      }
      // The changed copy was moved aside, not thrown away.
      expect((await readFile(path.join(dir, 'quarantine', 'files', `${jpegSha}.bin`))).equals(changed)).toBe(true);
    });

    it('"Copy to another drive" writes the pool into the set, and the set alone restores every original on another machine', async () => {
      const usb = path.join(base, 'usb');
      await mkdir(usb);
      const copied = await cli(['--data-dir', dir, 'backup', '--copy-to', usb], env);
      expect(copied.code, copied.stderr).toBe(0);
      const [set] = await readdir(usb);
      const inSet = await filesUnder(path.join(usb, set!));
      for (const sha256 of originals.keys()) expect(inSet).toContain(`backups/files/${sha256.slice(0, 2)}/${sha256}.bin`);
      if (encrypted) expect(leaks(await snapshot(path.join(usb, set!)))).toEqual([]);
      // Another machine: the set is all there is.
      const elsewhere = path.join(base, 'new-machine');
      await cp(path.join(usb, set!), elsewhere, { recursive: true });
      const snap = inSet.find((f) => f.endsWith('.casefile-snapshot'))!.slice('backups/'.length);
      const restored = await cli(['--data-dir', elsewhere, 'restore', snap], env);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('Originals: 3 checked, 3 brought back from backups/files/.');
      const store = await CaseStore.open(elsewhere, encrypted ? { passphrase: PASS } : {});
      try {
        for (const [sha256, { bytes }] of originals) expect((await store.originals.read(sha256, 10_000_000)).equals(bytes)).toBe(true);
      } finally {
        await store.close();
      }
    });

    if (!encrypted) {
      it('the pool is converted with the folder: sealed when encrypted, byte-identical when decrypted', async () => {
        const before = await snapshot(dir);
        await encryptFolder(dir, PASS, FAST_KDF);
        const sealed = await snapshot(dir);
        expect(leaks(sealed)).toEqual([]);
        for (const [rel, bytes] of sealed) if (rel.startsWith('backups/files/')) expect(isStreamSealed(bytes), rel).toBe(true);
        await decryptFolder(dir, PASS);
        const after = await snapshot(dir);
        for (const [rel, bytes] of before) if (rel.startsWith('backups/files/') || rel.startsWith('files/')) expect(after.get(rel)?.equals(bytes), rel).toBe(true);
        expect(await new OriginalStore(path.join(dir, 'backups'), { key: () => null }).check([...originals.keys()][0]!)).toBe('ok');
      });
    }
  });
}
