// Intake of a 1 GB file through OriginalStore.putFile, in a plain and in an
// encrypted folder: throughput (MB/s, hashing + sealing + the durable write, the
// fsync included) and the growth of resident memory while it runs, each in a
// fresh child process so one run's heap does not colour the next.
// Goals (issue 17): ≥ 100 MB/s; RSS growth ≤ 100 MB whatever the file's size.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { OriginalStore } from '../../../electron/services/originals/originalStore';

const SIZE = Number(process.env.CASEFILE_BENCH_LARGE_BYTES ?? 2 ** 30);
const MiB = 2 ** 20;

type Figures = { mbPerSecond: number; seconds: number; rssBeforeMb: number; rssPeakMb: number; rssGrowthMb: number };

/** Writes `size` bytes of incompressible data (a random MiB block, repeated: the hash and the cipher do not care). */
async function makeFile(file: string, size: number): Promise<void> {
  const block = randomBytes(MiB);
  const handle = await open(file, 'w');
  try {
    for (let at = 0; at < size; at += MiB) await handle.write(block, 0, Math.min(MiB, size - at));
  } finally {
    await handle.close();
  }
}

/** The child: one putFile, sampling RSS every 20 ms. */
async function child(dataDir: string, file: string, encrypted: boolean): Promise<Figures> {
  const key = encrypted ? randomBytes(32) : null;
  const store = new OriginalStore(dataDir, { key: () => key });
  const mb = () => process.memoryUsage().rss / MiB;
  const rssBeforeMb = mb();
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, mb())), 20);
  const t0 = performance.now();
  const stored = await store.putFile(file);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  rssPeakMb = Math.max(rssPeakMb, mb());
  if (stored.size !== SIZE) throw new Error(`stored ${stored.size} bytes, expected ${SIZE}`);
  return { mbPerSecond: SIZE / MiB / seconds, seconds, rssBeforeMb, rssPeakMb, rssGrowthMb: rssPeakMb - rssBeforeMb };
}

function inChild(dataDir: string, file: string, encrypted: boolean): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, 'child', dataDir, file, String(encrypted)], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CASEFILE_BENCH_LARGE_BYTES: String(SIZE) } });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Figures) : reject(new Error(`large-file child exited ${code}`))));
  });
}

export async function run(log: (s: string) => void): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-bench-large-'));
  try {
    const file = path.join(dir, 'video.bin');
    await makeFile(file, SIZE);
    const results: Record<string, Figures> = {};
    for (const encrypted of [false, true]) {
      const dataDir = path.join(dir, encrypted ? 'encrypted' : 'plain');
      const f = await inChild(dataDir, file, encrypted);
      results[encrypted ? 'encrypted' : 'plain'] = f;
      log(`  ${(SIZE / MiB).toFixed(0)} MiB through putFile (${encrypted ? 'encrypted' : 'plain'}): ${f.mbPerSecond.toFixed(0)} MB/s (${f.seconds.toFixed(1)} s), RSS ${f.rssBeforeMb.toFixed(0)} → peak ${f.rssPeakMb.toFixed(0)} MB (growth ${f.rssGrowthMb.toFixed(0)} MB)  [goals ≥ 100 MB/s, ≤ 100 MB]`);
      await rm(dataDir, { recursive: true, force: true });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') {
  const [, , , dataDir, file, encrypted] = process.argv;
  process.stdout.write(`${JSON.stringify(await child(dataDir!, file!, encrypted === 'true'))}\n`);
}
