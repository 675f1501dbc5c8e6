import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, open as fsOpen, readFile, rename as fsRename, unlink as fsUnlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptFolder, encryptFolder, changePassphrase, openVault, recoverConversion, type ConvertOptions } from '../../../electron/services/folder/convert';
import { isFolderEncrypted } from '../../../electron/services/crypto/folderState';
import { isStreamSealed, sealBytesChunked } from '../../../electron/services/crypto/streamSeal';
import { decryptBytes, isEncryptedBytes } from '../../../electron/services/crypto/envelope';
import { listFolder, ORIGINALS_AAD } from '../../../electron/services/disk/folderLayout';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { OriginalStore } from '../../../electron/services/originals/originalStore';
import { FAST_KDF, snapshot, type FolderSnapshot } from '../../helpers/cryptoFolder';
import { tempDir } from '../../helpers/fixtures';
import { jpegWithExifMarker, pdfWithMarker } from '../../helpers/originalFixtures';

// Encrypting, decrypting and re-keying a data folder carries its originals
// (files/ab/<sha256>.bin, sealed in chunks), what is derived from them
// (files/ab/<sha256>.layout.json, sealed whole) and originals moved to
// quarantine/files/: no plaintext byte of an original stays on disk, decrypting
// gives every byte back, and a conversion stopped before any step leaves a folder
// that opens with every original intact.

const PASS = 'Құпия сөз — originals 🕊️';
const NEW_PASS = 'another passphrase, Жаңа';
const MARKERS = { pdf: 'MKRPDF-verdict-7f3a', exif: 'MKRPHOTO-EXIF-b9e2', big: 'MKRBIG-видео-41c0', layout: 'MKRLAYOUT-беттер-55d1', quarantined: 'MKRQORIG-d00d' };

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let root: string;
let cleanup: () => Promise<void>;
let plainDir: string;
let original: FolderSnapshot;
let bytesOf: Map<string, Buffer>;
let copies = 0;

beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('casefile-originals-convert-'));
  plainDir = path.join(root, 'plain');
  await mkdir(plainDir);
  const pdf = await pdfWithMarker(MARKERS.pdf);
  const jpeg = jpegWithExifMarker(MARKERS.exif);
  // Larger than several 64 KiB chunks, the marker far from the start.
  const big = Buffer.concat([randomBytes(200_000), Buffer.from(MARKERS.big), randomBytes(150_000)]);
  // An original that is itself a sealed Casefile file: its magic must not fool the conversion.
  const sealedLooking = sealBytesChunked(randomBytes(32), Buffer.from('someone else’s sealed file'), ORIGINALS_AAD);
  const store = await CaseStore.open(plainDir);
  bytesOf = new Map();
  for (const b of [pdf, jpeg, big, sealedLooking]) bytesOf.set((await store.originals.put([b])).sha256, b);
  await store.originals.writeDerived(sha(pdf), 'layout', { textSha256: 'x', note: MARKERS.layout, pages: [] });
  await store.close();
  // A changed original verify moved aside, with its note.
  const qBytes = Buffer.from(`changed ${MARKERS.quarantined}`);
  await mkdir(path.join(plainDir, 'quarantine', 'files'), { recursive: true });
  await writeFile(path.join(plainDir, 'quarantine', 'files', `${sha(big)}.bin`), qBytes);
  await writeFile(path.join(plainDir, 'quarantine', 'files', `${sha(big)}.bin.reason.txt`), `files/…: changed ${MARKERS.quarantined}\n`);
  original = await snapshot(plainDir);
});
afterAll(() => cleanup());

async function copyOfPlain(): Promise<string> {
  const dir = path.join(root, `copy-${copies++}`);
  await cp(plainDir, dir, { recursive: true, preserveTimestamps: true });
  return dir;
}

async function encryptedCopy(): Promise<string> {
  const dir = await copyOfPlain();
  await encryptFolder(dir, PASS, FAST_KDF);
  return dir;
}

function leaks(snap: FolderSnapshot): string[] {
  const found: string[] = [];
  for (const [rel, bytes] of snap) for (const m of Object.values(MARKERS)) if (bytes.includes(Buffer.from(m))) found.push(`${m} in ${rel}`);
  return found;
}

/** Every original and derived file as it was in the plain folder, read back through the store's OriginalStore with `key`. */
async function expectOriginalsIntact(dir: string, key: Buffer | null): Promise<void> {
  const originals = new OriginalStore(dir, { key: () => key });
  for (const [sha256, bytes] of bytesOf) expect((await originals.read(sha256, 10_000_000)).equals(bytes)).toBe(true);
  const [pdfSha] = [...bytesOf.keys()];
  expect(await originals.readDerived(pdfSha!, 'layout')).toMatchObject({ note: MARKERS.layout });
}

/** Files that are only the folder's own bookkeeping, rewritten on open. */
const isFilesOrQuarantine = (rel: string) => rel.startsWith('files/') || rel.startsWith('quarantine/files/');

function expectSameOriginalBytes(now: FolderSnapshot): void {
  const want = [...original.keys()].filter(isFilesOrQuarantine).sort();
  expect([...now.keys()].filter(isFilesOrQuarantine).sort()).toEqual(want);
  for (const rel of want) expect(now.get(rel)!.equals(original.get(rel)!), rel).toBe(true);
}

describe('the fixture', () => {
  it('holds a PDF and a photo whose markers are plain bytes, the photo’s in EXIF that exifr reads', async () => {
    const jpeg = [...bytesOf.values()][1]!;
    expect(((await exifr.parse(jpeg, { tiff: true })) as Record<string, unknown>).ImageDescription).toBe(MARKERS.exif);
    expect(leaks(original).sort()).toEqual(
      expect.arrayContaining([expect.stringContaining(MARKERS.pdf), expect.stringContaining(MARKERS.exif), expect.stringContaining(MARKERS.big), expect.stringContaining(MARKERS.layout), expect.stringContaining(MARKERS.quarantined)]),
    );
  });

  it('is listed whole: every file under files/ and quarantine/files/ is a target, none untouched', async () => {
    const { targets, untouched } = await listFolder(plainDir);
    expect(untouched.filter(isFilesOrQuarantine)).toEqual([]);
    const listed = targets.filter((t) => isFilesOrQuarantine(t.rel));
    expect(listed.map((t) => t.rel).sort()).toEqual([...original.keys()].filter(isFilesOrQuarantine).sort());
    for (const t of listed) {
      if (t.rel.endsWith('.bin')) expect(t).toMatchObject({ format: 'stream', aad: ORIGINALS_AAD });
      else expect(t).toMatchObject({ aad: t.rel });
    }
  });
});

describe('encrypting and decrypting a folder with originals', () => {
  it('leaves no plaintext byte of any original on disk, opens every one with the key, and decrypts byte for byte', async () => {
    const dir = await copyOfPlain();
    const report = await encryptFolder(dir, PASS, FAST_KDF);
    expect(report.untouched.filter(isFilesOrQuarantine)).toEqual([]);
    expect(report.unreadable).toEqual([]);
    const sealed = await snapshot(dir);
    expect(leaks(sealed)).toEqual([]);
    for (const [rel, bytes] of sealed) {
      if (rel.startsWith('files/') && rel.endsWith('.bin')) expect(isStreamSealed(bytes), rel).toBe(true);
      if (rel.startsWith('files/') && rel.endsWith('.json')) expect(decryptBytes(await openVault(dir, PASS), bytes, rel).toString()).toContain(MARKERS.layout);
      if (rel.endsWith('.reason.txt')) expect(isEncryptedBytes(bytes), rel).toBe(true);
    }
    // The store opens them with the folder's key.
    const store = await CaseStore.open(dir, { passphrase: PASS });
    for (const [sha256, bytes] of bytesOf) {
      expect((await store.originals.read(sha256, 10_000_000)).equals(bytes)).toBe(true);
      expect(await store.originals.check(sha256)).toBe('ok');
    }
    await store.close();
    // Rerunning the encryption's check (change of passphrase) rewrites nothing.
    await changePassphrase(dir, PASS, NEW_PASS, FAST_KDF);
    const rekeyed = await snapshot(dir);
    for (const [rel, bytes] of rekeyed) if (isFilesOrQuarantine(rel)) expect(bytes.equals(sealed.get(rel)!), rel).toBe(true);
    await decryptFolder(dir, NEW_PASS);
    expectSameOriginalBytes(await snapshot(dir));
    await expectOriginalsIntact(dir, null);
  });

  it('sweeps an original’s leftover temp file (it may hold plaintext)', async () => {
    const dir = await copyOfPlain();
    const [first] = [...bytesOf.keys()];
    const leftover = path.join(dir, 'files', first!.slice(0, 2), `.${first}.bin.123.abcdef.tmp`);
    await writeFile(leftover, `plaintext ${MARKERS.pdf}`);
    await writeFile(path.join(dir, 'files', '.incoming.9.abc.tmp'), `plaintext ${MARKERS.pdf}`);
    await encryptFolder(dir, PASS, FAST_KDF);
    expect(leaks(await snapshot(dir))).toEqual([]);
  });

  it('seals a changed plain original all the same and reports it; decrypting gives its changed bytes back', async () => {
    const dir = await copyOfPlain();
    const [pdfSha] = [...bytesOf.keys()];
    const file = path.join(dir, 'files', pdfSha!.slice(0, 2), `${pdfSha}.bin`);
    const changed = Buffer.from(await readFile(file));
    const at = changed.indexOf(Buffer.from(MARKERS.pdf));
    expect(at).toBeGreaterThan(0);
    changed.writeUInt8(changed.readUInt8(at) ^ 1, at);
    await writeFile(file, changed);
    const report = await encryptFolder(dir, PASS, FAST_KDF);
    expect(report.unreadable).toEqual([`files/${pdfSha!.slice(0, 2)}/${pdfSha}.bin`]);
    expect(leaks(await snapshot(dir))).toEqual([]);
    const key = await openVault(dir, PASS);
    expect(await new OriginalStore(dir, { key: () => key }).check(pdfSha!)).toBe('changed');
    await decryptFolder(dir, PASS);
    expect((await readFile(file)).equals(changed)).toBe(true);
  });

  it('leaves a sealed original that no longer opens as it is, and reports it', async () => {
    const dir = await encryptedCopy();
    const [, jpegSha] = [...bytesOf.keys()];
    const rel = `files/${jpegSha!.slice(0, 2)}/${jpegSha}.bin`;
    const file = path.join(dir, ...rel.split('/'));
    const sealed = Buffer.from(await readFile(file));
    sealed.writeUInt8(sealed.readUInt8(sealed.length - 20) ^ 0x40, sealed.length - 20);
    await writeFile(file, sealed);
    const report = await decryptFolder(dir, PASS);
    expect(report.unreadable).toEqual([rel]);
    expect((await readFile(file)).equals(sealed)).toBe(true);
    expect(await new OriginalStore(dir, { key: () => null }).check(jpegSha!)).toBe('changed');
  });
});

describe('crashes', () => {
  type Op = { name: string; start: () => Promise<string>; run: (dir: string, options: ConvertOptions) => Promise<unknown>; passphrases: string[] };
  const ops: Op[] = [
    { name: 'encryptFolder', start: copyOfPlain, run: (dir, o) => encryptFolder(dir, PASS, FAST_KDF, o), passphrases: [PASS] },
    { name: 'decryptFolder', start: encryptedCopy, run: (dir, o) => decryptFolder(dir, PASS, o), passphrases: [PASS] },
    { name: 'changePassphrase', start: encryptedCopy, run: (dir, o) => changePassphrase(dir, PASS, NEW_PASS, FAST_KDF, o), passphrases: [PASS, NEW_PASS] },
  ];

  async function openAsTheAppWill(dir: string, passphrases: string[]): Promise<Buffer | null> {
    const first = await recoverConversion(dir);
    if (first.state === 'needs_passphrase') await recoverConversion(dir, passphrases[0]);
    if (!(await isFolderEncrypted(dir))) return null;
    const keys: Buffer[] = [];
    for (const p of passphrases) keys.push(...(await openVault(dir, p).then((k) => [k], () => [])));
    expect(keys).toHaveLength(1);
    return keys[0]!;
  }

  for (const op of ops) {
    it(`${op.name}: stopped before each step (each original's write and rename among them), every original opens intact and none is left in plain text when encrypted`, async () => {
      const steps: string[] = [];
      await op.run(await op.start(), { onStep: (s) => void steps.push(s) });
      if (op.name !== 'changePassphrase') {
        for (const sha256 of bytesOf.keys()) expect(steps).toContain(`rename files/${sha256.slice(0, 2)}/${sha256}.bin`);
      }
      for (let k = 0; k <= steps.length; k++) {
        const dir = await op.start();
        let seen = 0;
        const crash: ConvertOptions = { onStep: () => { if (seen++ === k) throw new Error(`crash before step ${k}`); } };
        const result = await op.run(dir, crash).then(() => 'done', (err: Error) => err.message);
        expect(result).toBe(k === steps.length ? 'done' : `crash before step ${k}`);
        const key = await openAsTheAppWill(dir, op.passphrases);
        await expectOriginalsIntact(dir, key);
        const now = await snapshot(dir);
        expect([...now.keys()].filter((r) => r.endsWith('.tmp'))).toEqual([]);
        if (key) expect(leaks(now)).toEqual([]);
        else expectSameOriginalBytes(now);
      }
    });
  }
});

describe('disk faults', () => {
  // A file system that fails (ENOSPC, as a full USB disk does) at the n-th write-side call made while converting an original.
  function failingAt(n: number): { fs: NonNullable<ConvertOptions['fs']>; hit: () => boolean } {
    let calls = 0;
    let hit = false;
    const fail = (what: string) => {
      if (what.includes(`${path.sep}files${path.sep}`) && calls++ === n) {
        hit = true;
        throw Object.assign(new Error(`ENOSPC: no space left on device, ${what}`), { code: 'ENOSPC' });
      }
    };
    return {
      hit: () => hit,
      fs: {
        open: async (file, flags, mode) => {
          fail(String(file));
          return fsOpen(file, flags, mode);
        },
        rename: async (from, to) => {
          fail(String(to));
          return fsRename(from, to);
        },
        unlink: (file) => fsUnlink(file),
      },
    };
  }

  for (const op of ['encrypt', 'decrypt'] as const) {
    it(`${op}: a disk error at any write of an original is reported as io, and the next open with the passphrase leaves every original intact and none plain`, async () => {
      let n = 0;
      for (; ; n++) {
        const dir = op === 'encrypt' ? await copyOfPlain() : await encryptedCopy();
        const faults = failingAt(n);
        const run = op === 'encrypt' ? encryptFolder(dir, PASS, FAST_KDF, { fs: faults.fs }) : decryptFolder(dir, PASS, { fs: faults.fs });
        const outcome = await run.then(() => null, (err: { code?: string; message: string }) => err);
        if (!faults.hit()) {
          expect(outcome).toBeNull();
          break;
        }
        expect(outcome?.code, outcome?.message).toBe('io');
        await recoverConversion(dir, PASS);
        const key = await openVault(dir, PASS);
        await expectOriginalsIntact(dir, key);
        const now = await snapshot(dir);
        expect(leaks(now)).toEqual([]);
        expect([...now.keys()].filter((r) => r.endsWith('.tmp'))).toEqual([]);
      }
      expect(n).toBeGreaterThan(4); // every original's open and rename were failed in turn
    });
  }
});

describe('cancelling', () => {
  for (const op of ['encrypt', 'decrypt'] as const) {
    it(`${op}: cancelled between files, every file converted so far is put back: the folder is as it was`, async () => {
      const dir = op === 'encrypt' ? await copyOfPlain() : await encryptedCopy();
      const before = await snapshot(dir);
      const controller = new AbortController();
      // Cancelled once a few files (originals among them: they come first after the cases) are done.
      const onProgress = ({ done }: { done: number }) => {
        if (done === 5) controller.abort();
      };
      const options: ConvertOptions = { onProgress, signal: controller.signal };
      const outcome = await (op === 'encrypt' ? encryptFolder(dir, PASS, FAST_KDF, options) : decryptFolder(dir, PASS, options)).then(
        () => null,
        (err: { code?: string; message: string }) => err,
      );
      expect(outcome?.code).toBe('cancelled');
      expect(outcome?.message).toContain(op === 'encrypt' ? 'the folder is plain, as before' : 'the folder is encrypted, as before');
      expect(await isFolderEncrypted(dir)).toBe(op === 'decrypt');
      const after = await snapshot(dir);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      if (op === 'encrypt') {
        for (const [rel, bytes] of before) expect(after.get(rel)!.equals(bytes), rel).toBe(true);
      } else {
        expect(leaks(after)).toEqual([]);
        await expectOriginalsIntact(dir, await openVault(dir, PASS));
      }
    });
  }
});
