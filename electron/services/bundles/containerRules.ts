import path from 'node:path';
import type { Bundle } from '../../../shared/model';
import type { Issue } from '../../../shared/model';

// What a bundle with originals (MODEL.md: The bundle) holds and may hold:
// `bundle.json` and `files/<sha256>` for each original a source names, nothing else.
// Shared by the writer (export) and the worker that checks a container before import.

export const BUNDLE_ENTRY = 'bundle.json';
export const FILE_ENTRY = /^files\/([0-9a-f]{64})$/;
const CONTAINER_SUFFIX = '.casefile.zip';
/** The four bytes every ZIP's first local header starts with. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export const isZip = (bytes: Uint8Array): boolean => bytes.length >= 4 && Buffer.from(bytes.subarray(0, 4)).equals(ZIP_MAGIC);

export const fileEntry = (sha256: string): string => `files/${sha256}`;

/** One original a bundle names: its size and the sources (by JSON path) that cite it. */
export type NamedOriginal = { sha256: string; size: number; cited: Array<{ caseIndex: number; sourceIndex: number; title: string }> };

/**
 * Every distinct original the bundle's sources name, in order of first mention; two
 * sources naming one hash with different sizes are a fault (one of them is wrong).
 */
export function namedOriginals(bundle: Pick<Bundle, 'cases'>): { originals: NamedOriginal[]; issues: Issue[] } {
  const byHash = new Map<string, NamedOriginal>();
  const issues: Issue[] = [];
  bundle.cases.forEach((c, caseIndex) =>
    c.sources.forEach((s, sourceIndex) => {
      if (!s.file) return;
      const known = byHash.get(s.file.sha256);
      if (!known) byHash.set(s.file.sha256, { sha256: s.file.sha256, size: s.file.size, cited: [{ caseIndex, sourceIndex, title: s.title }] });
      else if (known.size !== s.file.size) {
        const first = known.cited[0]!;
        issues.push({
          path: ['bundle', 'cases', caseIndex, 'sources', sourceIndex, 'file', 'size'],
          message: `expected ${known.size}: cases[${first.caseIndex}].sources[${first.sourceIndex}] names the same original (SHA-256 ${s.file.sha256}) with that size`,
        });
      } else known.cited.push({ caseIndex, sourceIndex, title: s.title });
    }),
  );
  return { originals: [...byHash.values()], issues };
}

/** Where the CLI writes a container for the file it was told: `cases.json` → `cases.casefile.zip`. */
export function containerPath(given: string): string {
  const dir = path.dirname(given);
  let name = path.basename(given);
  for (const ext of [CONTAINER_SUFFIX, '.casefile.json', '.json', '.zip']) {
    if (name.toLowerCase().endsWith(ext)) {
      name = name.slice(0, -ext.length);
      break;
    }
  }
  return path.join(dir, `${name || 'bundle'}${CONTAINER_SUFFIX}`);
}
