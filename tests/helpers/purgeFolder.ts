// A data folder for the permanent-deletion tests: a target case whose name, summary,
// note and one original carry markers, and another case sharing a second original.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { encryptFolder } from '../../electron/services/folder/convert';
import type { DurableFs } from '../../electron/services/disk/durableFile';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { CaseDraft, type SourceFile } from '../../shared/model';
import { FAST_KDF } from './cryptoFolder';
import { prisonerDraft } from './fixtures';

export const PASS = 'жою — құпия сөз';
export const MARK = {
  title: 'Дело Әбішева MKR-TITLE-51a',
  name: 'Кенжебек Әбішев MKR-NAME-51a',
  summary: 'MKR-SUMMARY-51a задержан на границе',
  note: 'MKR-NOTE-51a адвокат видел следы побоев',
  original: 'MKR-ORIGINAL-ONLY-51a',
};
export const SHARED_MARK = 'MKR-ORIGINAL-SHARED-51a';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const record = (name: string, bytes: Buffer): SourceFile => ({ sha256: sha(bytes), name, mediaType: 'application/octet-stream', size: bytes.length, addedAt: '2026-12-01T10:00:00.000Z' });

export type Built = { target: string; other: string; onlySha: string; sharedSha: string };

export const openStore = (dir: string, encrypted: boolean, fs?: DurableFs) => CaseStore.open(dir, { ...(encrypted ? { passphrase: PASS } : {}), ...(fs ? { fs } : {}) });

/** Builds the folder (encrypted when asked) with `snapshots` snapshots holding the target, then leaves it closed. */
export async function buildFolder(dir: string, options: { encrypted: boolean; snapshots: number }): Promise<Built> {
  if (options.encrypted) {
    await (await CaseStore.open(dir)).close();
    await encryptFolder(dir, PASS, FAST_KDF);
  }
  const store = await openStore(dir, options.encrypted);
  try {
    const only = Buffer.concat([randomBytes(5000), Buffer.from(MARK.original), randomBytes(5000)]);
    const shared = Buffer.concat([randomBytes(3000), Buffer.from(SHARED_MARK), randomBytes(3000)]);
    await store.originals.put([only]);
    await store.originals.put([shared]);
    await store.originals.writeDerived(sha(only), 'layout', { pages: [{ words: [MARK.original] }] });
    const target = await store.create(
      CaseDraft.parse(
        prisonerDraft({
          title: MARK.title,
          person: { name: MARK.name, aliases: [], nationality: ['KZ'] },
          summary: MARK.summary,
          sources: [
            { id: 's1', title: 'Verdict', kind: 'court_document', text: 'text one', file: record('verdict.pdf', only) },
            { id: 's2', title: 'Photo', kind: 'photo', text: '', file: record('photo.jpg', shared) },
          ],
          annotations: [{ id: 'n1', body: MARK.note, tags: [], confidential: true }],
        }),
      ),
    );
    const other = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Other case', sources: [{ id: 's1', title: 'Photo', kind: 'photo', text: '', file: record('photo.jpg', shared) }] })));
    const reasons = ['before-migration', 'before-encrypt', 'before-decrypt', 'before-restore'] as const;
    for (let i = 0; i < options.snapshots; i++) await store.backup(reasons[i % reasons.length]!);
    await store.update(target.id, target.rev, CaseDraft.parse({ ...target, summary: `${MARK.summary} (2)` }));
    return { target: target.id, other: other.id, onlySha: sha(only), sharedSha: sha(shared) };
  } finally {
    await store.close();
  }
}

/** Every file under `dir` (relative, with "/"), snapshots also decompressed when they are plain gzip. */
export async function folderBytes(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    const rel = path.relative(dir, full).split(path.sep).join('/');
    const bytes = await readFile(full);
    out.set(rel, bytes);
    if (rel.endsWith('.casefile-snapshot') && bytes[0] === 0x1f && bytes[1] === 0x8b) out.set(`${rel} (decompressed)`, gunzipSync(bytes));
  }
  return out;
}

/** Where each marker of the target case is found, as "marker in file". */
export function markersIn(files: Map<string, Buffer>, markers: readonly string[] = Object.values(MARK)): string[] {
  const found: string[] = [];
  for (const [rel, bytes] of files) for (const m of markers) if (bytes.includes(Buffer.from(m))) found.push(`${m} in ${rel}`);
  return found;
}
