// A child process for the huge-restore test: builds a data folder whose one
// snapshot holds more text than V8 can hold in a single string, restores it, and
// checks every restored file's bytes. Prints one JSON line: its figures, and its
// own peak memory (maxRSS), which is what the test bounds.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { encodeSnapshotTo, restoreSnapshot, type SnapshotEntry } from '../../electron/services/backup';
import { CaseStore } from '../../electron/services/folder/caseStore';
import { ownHistoryFile } from './deviceHistory';

const [dataDir, totalMbArg, entryKbArg] = process.argv.slice(2);
const totalBytes = Number(totalMbArg) * 2 ** 20;
const entryBytes = Number(entryKbArg) * 1024;
const count = Math.ceil(totalBytes / entryBytes);
const NAME = `20260101T000000000Z--manual--${count}c0t.casefile-snapshot`;

/** Case i's text, the same every time it is asked for: a JSON object padded to about entryBytes with text that varies line by line. */
function caseText(i: number): string {
  const line = `Іс ${i} — Ақмола облыстық соты, шағым ${i * 7919 % 100_003}. `;
  const pad = line.repeat(Math.ceil(entryBytes / Buffer.byteLength(line))).slice(0, entryBytes);
  return JSON.stringify({ id: `c${i}`, rev: 1 + (i % 5), pad });
}

const store = await CaseStore.open(dataDir!);
const meta = await readFile(path.join(dataDir!, 'meta.json'), 'utf8');
await store.close();
await mkdir(path.join(dataDir!, 'backups'), { recursive: true });

const t0 = performance.now();
let plainBytes = 0;
async function* entries(): AsyncGenerator<SnapshotEntry> {
  yield { path: 'meta.json', mtimeMs: Date.now(), text: meta };
  for (let i = 0; i < count; i++) {
    const text = caseText(i);
    plainBytes += Buffer.byteLength(text);
    yield { path: `cases/c${i}.json`, mtimeMs: Date.parse('2026-01-01T00:00:00Z') + i, text };
  }
}
const out = createWriteStream(path.join(dataDir!, 'backups', NAME));
await encodeSnapshotTo(
  (chunk) => new Promise<void>((resolve, reject) => out.write(chunk, (err) => (err ? reject(err) : resolve()))),
  { format: 'casefile-snapshot', version: 2, createdAt: '2026-01-01T00:00:00.000Z', reason: 'manual' },
  entries(),
  () => [],
  null,
);
await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
const writeMs = performance.now() - t0;
const rssBefore = process.resourceUsage().maxRSS / 1024;

const t1 = performance.now();
await restoreSnapshot(dataDir!, NAME, null);
const restoreMs = performance.now() - t1;
const peakRssMB = process.resourceUsage().maxRSS / 1024;

// Every restored case holds exactly its bytes; its history ends with the restore's entry.
let wrong = 0;
for (let i = 0; i < count; i++) {
  const stored = await readFile(path.join(dataDir!, 'cases', `c${i}.json`));
  if (createHash('sha256').update(stored).digest('hex') !== createHash('sha256').update(caseText(i)).digest('hex')) wrong++;
}
const histories = (await readdir(path.join(dataDir!, 'history'))).length;
const lastHistory = await readFile(ownHistoryFile(dataDir!, `c${count - 1}`), 'utf8');
console.log(JSON.stringify({ count, plainBytes, writeMs, restoreMs, peakRssMB, rssBeforeRestoreMB: rssBefore, wrong, histories, lastHistory, cases: (await readdir(path.join(dataDir!, 'cases'))).length }));
