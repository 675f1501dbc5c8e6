// The originals' benchmarks (issue 17): every `*.bench.ts` beside this file exports
// `run(log)`, which measures one thing (intake of a text PDF, OCR of a scan, a 1 GB
// file, a 500 MB container) and returns its figures; each prints its own rows.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type OriginalsBench = { run(log: (s: string) => void): Promise<Record<string, unknown>> };

export async function benchOriginals(log: (s: string) => void, only?: string): Promise<Record<string, Record<string, unknown>>> {
  const results: Record<string, Record<string, unknown>> = {};
  const names = (await readdir(import.meta.dirname)).filter((n) => n.endsWith('.bench.ts')).sort();
  for (const name of names) {
    const key = name.slice(0, -'.bench.ts'.length);
    if (only && key !== only) continue;
    log(`Originals: ${key} …`);
    const mod = (await import(pathToFileURL(path.join(import.meta.dirname, name)).href)) as OriginalsBench;
    results[key] = await mod.run(log);
  }
  return results;
}
