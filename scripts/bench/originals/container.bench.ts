// Export and import of a ~500 MB bundle with originals (NAME.casefile.zip): five random
// 100 MiB originals (random, so neither deflate nor dedup helps), exported from one folder
// and imported into another. Reports MB/s of each and the process's peak RSS growth
// (the worker that checks the container is a thread: its memory counts).
import { randomFillSync } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createDispatcher } from '../../../electron/services/dispatch';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { createHandlers } from '../../../electron/services/handlers';

const FILES = 5;
const FILE_BYTES = 100 * 1024 * 1024;
const CHUNK = 1024 * 1024;

function* randomChunks(total: number): Generator<Buffer> {
  for (let done = 0; done < total; done += CHUNK) yield randomFillSync(Buffer.allocUnsafe(Math.min(CHUNK, total - done)));
}

/** Runs `work` while sampling RSS every 20 ms; returns its seconds and the peak growth over the start, in MB. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number }> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const t0 = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, seconds: (performance.now() - t0) / 1000, peakRssMb: Math.round((peak - base) / 1e6) };
  } finally {
    clearInterval(timer);
  }
}

export async function run(log: (s: string) => void): Promise<Record<string, unknown>> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-container-'));
  const stores: CaseStore[] = [];
  try {
    const a = await CaseStore.open(path.join(root, 'a'));
    stores.push(a);
    const dispatchA = createDispatcher(createHandlers(a));
    const sources = [];
    for (let i = 0; i < FILES; i++) {
      const stored = await a.originals.put(randomChunks(FILE_BYTES));
      sources.push({ id: `s${i}`, title: `Scan ${i}`, kind: 'court_document' as const, text: `scan ${i}`, file: { sha256: stored.sha256, size: stored.size, name: `scan-${i}.bin`, mediaType: 'application/octet-stream', addedAt: new Date().toISOString() } });
    }
    const created = await dispatchA('cases.create', { case: { kind: 'political_prisoner', title: 'Bench', person: { name: 'Bench' }, sources } });
    if (!created.ok) throw new Error(created.error.message);
    global.gc?.();

    const out = path.join(root, 'bench.casefile.zip');
    const exported = await measured(() => dispatchA('bundle.exportFile', { path: out }));
    if (!exported.value.ok) throw new Error(exported.value.error.message);
    const bytes = (await stat(out)).size;
    const mb = bytes / 1e6;
    log(`  export ${FILES} × ${FILE_BYTES / CHUNK} MiB → ${mb.toFixed(0)} MB container: ${exported.seconds.toFixed(1)} s, ${(mb / exported.seconds).toFixed(0)} MB/s, peak RSS +${exported.peakRssMb} MB`);

    const b = await CaseStore.open(path.join(root, 'b'));
    stores.push(b);
    const dispatchB = createDispatcher(createHandlers(b));
    global.gc?.();
    const imported = await measured(() => dispatchB('bundle.importFile', { path: out }));
    if (!imported.value.ok) throw new Error(imported.value.error.message);
    log(`  import (check every entry in a worker, then store): ${imported.seconds.toFixed(1)} s, ${(mb / imported.seconds).toFixed(0)} MB/s, peak RSS +${imported.peakRssMb} MB`);
    return {
      containerMB: Math.round(mb),
      exportSeconds: +exported.seconds.toFixed(2),
      exportMBps: Math.round(mb / exported.seconds),
      exportPeakRssMB: exported.peakRssMb,
      importSeconds: +imported.seconds.toFixed(2),
      importMBps: Math.round(mb / imported.seconds),
      importPeakRssMB: imported.peakRssMb,
    };
  } finally {
    for (const s of stores) await s.close();
    await rm(root, { recursive: true, force: true });
  }
}
