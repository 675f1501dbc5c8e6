// A realistic data folder for the encryption tests, with a unique marker string
// in every kind of sensitive text, and tools to compare a folder with the
// plaintext it started as.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { isStreamSealed, openBytesChunked, snapshotSealAad } from '../../electron/services/crypto/streamSeal';
import path from 'node:path';
import { CaseDraft } from '../../shared/model';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { scryptParams } from '../../electron/services/crypto/kdf';
import { decryptBytes, isEncryptedBytes } from '../../electron/services/crypto/envelope';
import { convertHistoryBytes, isSealedLine } from '../../electron/services/crypto/sealedLines';
import { aadForPath, JOURNAL_FILE, ORIGINALS_AAD, VAULT_FILE } from '../../electron/services/disk/folderLayout';
import { fullPrisonerDraft, MIXED_SCRIPTS, ngoDraft } from './fixtures';

/** Fast scrypt for tests (N = 2^10): the production default is tuned to ~250 ms. */
export const FAST_KDF = scryptParams(2 ** 10);

/** Every marker must be absent from every byte of an encrypted folder. */
export const MARKERS = {
  name: 'Айгерім Нұрланқызы MKRNAME7c1f',
  alias: 'MKRALIAS-Aigerim-N',
  contact: 'MKRCONTACT +7 777 123 45 67',
  summary: 'MKRSUMMARY задержана на границе 🕊️',
  source: 'MKRSOURCE حقوق الإنسان Текст источника',
  note: 'MKRNOTE адвокат видел следы побоев',
  org: 'MKRORG Қоғамдық бірлестік «Әділет»',
  trashed: 'MKRTRASH удалённое дело',
  quarantined: 'MKRQUARANTINE повреждённый файл',
} as const;

export type FolderSnapshot = Map<string, Buffer>;

/**
 * Builds the folder through the real store: cases (one carrying every marker),
 * `extraCases` more to make conversions take a while, one trashed case, one
 * quarantined file with its reason note, meta.json and the summary index.
 */
export async function buildDataFolder(dir: string, extraCases = 3): Promise<string[]> {
  const store = await CaseStore.open(dir);
  const ids: string[] = [];
  try {
    const base = fullPrisonerDraft() as Record<string, unknown> & { person: Record<string, unknown>; sources: Record<string, unknown>[]; annotations: Record<string, unknown>[] };
    const marked = {
      ...base,
      title: 'Дело Н. — test',
      summary: `${MARKERS.summary}\n\n${MIXED_SCRIPTS}`,
      person: { ...base.person, name: MARKERS.name, aliases: [MARKERS.alias], contact: MARKERS.contact },
      sources: base.sources.map((s) => ({ ...s, text: `${MARKERS.source}. ${MIXED_SCRIPTS}` })),
      annotations: base.annotations.map((a) => ({ ...a, body: MARKERS.note })),
    };
    ids.push((await store.create(CaseDraft.parse(marked))).id);
    ids.push((await store.create(CaseDraft.parse(ngoDraft({ organization: { name: MARKERS.org, aliases: [] }, summary: MIXED_SCRIPTS })))).id);
    for (let i = 0; i < extraCases; i++) {
      ids.push((await store.create(CaseDraft.parse({ ...base, title: `Extra case ${i}`, summary: `${MIXED_SCRIPTS}\n`.repeat(40 + i) }))).id);
    }
    const trashed = await store.create(CaseDraft.parse(ngoDraft({ title: 'To trash', summary: MARKERS.trashed })));
    await store.trash(trashed.id);
    ids.push(trashed.id);
  } finally {
    await store.close();
  }
  // A damaged case file: the next open moves it to quarantine/ with a .reason.txt beside it.
  await writeFile(path.join(dir, 'cases', 'damaged-case.json'), `{"title": "${MARKERS.quarantined}", "person": {"name": "${MARKERS.name}"`, { mode: 0o600 });
  const reopened = await CaseStore.open(dir);
  if (reopened.quarantinedNow.length !== 1) throw new Error('the fixture expected one quarantined file');
  await reopened.close();
  return ids;
}

/** Every file under `dir`, by its path relative to `dir` with "/". */
export async function snapshot(dir: string): Promise<FolderSnapshot> {
  const out: FolderSnapshot = new Map();
  const walk = async (rel: string) => {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      // This machine's corner (its device id) and the .stignore: never converted, never case data.
      if (child === 'local' || child === '.stignore') continue;
      if (entry.isDirectory()) await walk(child);
      else out.set(child, await readFile(path.join(dir, child)));
    }
  };
  await walk('');
  return out;
}

/** Which markers appear, and where, in any byte of any file. */
export function markersFound(snap: FolderSnapshot): string[] {
  const found: string[] = [];
  for (const [rel, bytes] of snap) {
    for (const [key, marker] of Object.entries(MARKERS)) {
      // Each part on its own too: a marker's ASCII tag and its Cyrillic/Arabic text.
      for (const needle of [marker, ...marker.split(' ').filter((w) => w.length >= 6)]) {
        if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${key} ("${needle}") in ${rel}`);
      }
    }
  }
  return found;
}

/** Files sealed line by line: the histories and the folder's manifest (audit/manifest). */
const isHistory = (rel: string) => rel.startsWith('history/') || rel === 'manifest.jsonl';

/** Whether a stored file is in the encrypted state: one envelope, or for a history every line sealed. */
export function isStoredEncrypted(rel: string, bytes: Buffer): boolean {
  if (!isHistory(rel)) return isEncryptedBytes(bytes);
  return bytes.toString('latin1').split('\n').every((line) => line === '' || isSealedLine(line));
}

/** A stored file's plaintext; a history is opened line by line, and must open whole. */
export function openStored(key: Buffer, rel: string, bytes: Buffer): Buffer {
  // Snapshots are sealed in chunks (bound to their stamp and reason); an older Casefile sealed them whole.
  // Snapshots' blobs (backups/blobs/) are sealed as originals are, under ORIGINALS_AAD.
  if (isStreamSealed(bytes)) return openBytesChunked(key, bytes, rel.startsWith('backups/blobs/') ? ORIGINALS_AAD : snapshotSealAad(path.basename(rel)));
  if (!isHistory(rel)) return decryptBytes(key, bytes, aadForPath(rel));
  const opened = convertHistoryBytes(bytes, key, aadForPath(rel), 'open');
  if (opened.unopenable > 0 || !isStoredEncrypted(rel, bytes)) throw new Error(`${rel} is not wholly sealed`);
  return opened.bytes;
}

/** Files that stay plain in an encrypted folder. */
const PLAIN_FILES = new Set(['meta.json', VAULT_FILE]);

/**
 * Asserts (by throwing, with the reason) that `dir` holds exactly the files of
 * `original` — plus vault.json when encrypted, and nothing else: no temp file,
 * no journal — each one decrypting (with `key`) or reading to exactly its
 * original bytes.
 */
export async function expectSamePlaintext(dir: string, original: FolderSnapshot, key: Buffer | null): Promise<void> {
  const now = await snapshot(dir);
  const expectedNames = [...original.keys(), ...(key ? [VAULT_FILE] : [])].sort();
  const names = [...now.keys()].sort();
  if (JSON.stringify(names) !== JSON.stringify(expectedNames)) {
    throw new Error(`files differ:\n  expected ${expectedNames.join(', ')}\n  found    ${names.join(', ')}`);
  }
  if (now.has(JOURNAL_FILE)) throw new Error('the journal is still there');
  for (const [rel, bytes] of original) {
    const stored = now.get(rel)!;
    const plain = key && !PLAIN_FILES.has(rel) ? openStored(key, rel, stored) : stored;
    if (!plain.equals(bytes)) throw new Error(`${rel} does not hold its original bytes`);
  }
  if (key) {
    const leaks = markersFound(now);
    if (leaks.length > 0) throw new Error(`plaintext in an encrypted folder: ${leaks.join('; ')}`);
  }
}

/** Not case data: the lock (a killed process leaves it) and the summary cache (the store rebuilds and rewrites it). */
const isCacheOrLock = (rel: string) => rel === 'summary-index.json' || rel.startsWith('casefile.lock');

/**
 * `expectSamePlaintext` for a folder that has lived since `original` was taken:
 * opened (its lock and summary cache rewritten) and snapshotted. Every case,
 * trashed case, quarantined file, history and meta.json must hold exactly its
 * original plaintext, nothing else may have appeared beside them, backups/ may
 * hold only whole snapshot files (their content is the caller's to check), and
 * in an encrypted folder no marker may show in any byte of any file.
 */
export async function expectSameCasesAndSnapshots(dir: string, original: FolderSnapshot, key: Buffer | null): Promise<void> {
  const now = await snapshot(dir);
  const isData = (rel: string) => !isCacheOrLock(rel) && !rel.startsWith('backups/') && rel !== VAULT_FILE;
  const expectedNames = [...original.keys()].filter(isData).sort();
  const names = [...now.keys()].filter(isData).sort();
  if (JSON.stringify(names) !== JSON.stringify(expectedNames)) {
    throw new Error(`files differ:\n  expected ${expectedNames.join(', ')}\n  found    ${names.join(', ')}`);
  }
  if (now.has(VAULT_FILE) !== (key !== null)) throw new Error(key ? 'vault.json is missing' : 'vault.json is there although the folder should be plain');
  const strays = [...now.keys()].filter((rel) => rel.startsWith('backups/') && !rel.endsWith('.casefile-snapshot') && !/^backups\/blobs\/[0-9a-f]{2}\/[0-9a-f]{64}\.bin$/.test(rel));
  if (strays.length > 0) throw new Error(`stray files in backups/: ${strays.join(', ')}`);
  // The snapshots' blobs: each whole (sealed when the folder is), its plain bytes hashing to its name.
  for (const [rel, bytes] of now) {
    if (!rel.startsWith('backups/blobs/')) continue;
    const plain = key ? openStored(key, rel, bytes) : bytes;
    if (createHash('sha256').update(plain).digest('hex') !== path.basename(rel, '.bin')) throw new Error(`${rel} does not hash to its name`);
  }
  for (const rel of expectedNames) {
    const stored = now.get(rel)!;
    const plain = key && !PLAIN_FILES.has(rel) ? openStored(key, rel, stored) : stored;
    if (!plain.equals(original.get(rel)!)) throw new Error(`${rel} does not hold its original bytes`);
  }
  if (key) {
    for (const [rel, bytes] of now) {
      if (rel.startsWith('backups/') || rel === 'summary-index.json') {
        if (!isEncryptedBytes(bytes)) throw new Error(`${rel} is not sealed in an encrypted folder`);
      }
    }
    const leaks = markersFound(now);
    if (leaks.length > 0) throw new Error(`plaintext in an encrypted folder: ${leaks.join('; ')}`);
  }
}
