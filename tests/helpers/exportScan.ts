import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Which exported names of the sources nothing imports. oxlint sees one file at a
// time, so this reads the import and export statements of every TypeScript file of
// the repository (the same kind of scan as tests/unit/tiers.test.ts) and follows
// re-exports (`export { x } from`, `export * from`) back to the file that defines a name.

type Exports = {
  /** Names this file defines and exports (`export const x`, `export { x }`, `export default`). */
  own: Set<string>;
  /** `export { a as b } from './y'`: b → [y, a]. */
  forwarded: Map<string, [string, string]>;
  /** `export * from './y'`. */
  star: string[];
  /** The exported names that are types only (no code behind them). */
  types: Set<string>;
};

const SCANNED = ['electron', 'shared', 'renderer', 'tests', 'scripts'];
const TOP_FILES = ['electron.vite.config.ts', 'vitest.config.ts', 'playwright.config.ts'];

function tsFiles(root: string): string[] {
  const out: string[] = [];
  for (const dir of SCANNED) {
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })) {
      if (e.isFile() && /\.(ts|tsx|mts)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    }
  }
  return [...out, ...TOP_FILES.filter((f) => existsSync(path.join(root, f)))];
}

function resolve(root: string, from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.join(path.posix.dirname(from), spec.replace(/\.js$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(path.join(root, candidate))) return candidate;
  }
  return null;
}

/** `a, type b, c as d` → [[a, a], [b, b], [c, d]] (name in the other file, name here). */
function specifiers(list: string): [string, string][] {
  return list
    .split(',')
    .map((s) => s.trim().replace(/^type\s+/, ''))
    .filter(Boolean)
    .map((s) => {
      const [a, b] = s.split(/\s+as\s+/);
      return [a!.trim(), (b ?? a)!.trim()];
    });
}

/** Comments and string contents that could hold export-like text are left out of the scan. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

/** `dead`: `file#name` of every exported name nothing imports; `types`: those of them that are types only. */
export type ExportScan = { files: string[]; dead: string[]; types: Set<string> };

export function scanExports(root: string, scope: (file: string) => boolean): ExportScan {
  const files = tsFiles(root);
  const exports = new Map<string, Exports>();
  const uses: [string, string][] = [];
  const wholeFiles = new Set<string>();
  for (const file of files) {
    const text = code(readFileSync(path.join(root, file), 'utf8'));
    const ex: Exports = { own: new Set(), forwarded: new Map(), star: [], types: new Set() };
    for (const m of text.matchAll(/^\s*export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(function\*?|const|let|var|class|type|interface|enum|namespace)\s+([A-Za-z_$][\w$]*)/gm)) {
      ex.own.add(m[2]!);
      if (m[1] === 'type' || m[1] === 'interface') ex.types.add(m[2]!);
    }
    if (/^\s*export\s+default\b/m.test(text)) ex.own.add('default');
    for (const m of text.matchAll(/^\s*export\s+(type\s+)?\{([^}]*)\}\s*(?:from\s+['"]([^'"]+)['"])?/gm)) {
      const target = m[3] ? resolve(root, file, m[3]) : null;
      for (const item of m[2]!.split(',')) if (m[1] || /^\s*type\s/.test(item)) ex.types.add(specifiers(item)[0]?.[1] ?? '');
      for (const [there, here] of specifiers(m[2]!)) {
        if (!m[3]) ex.own.add(here);
        else if (target) {
          ex.forwarded.set(here, [target, there]);
          uses.push([target, there]);
        }
      }
    }
    for (const m of text.matchAll(/^\s*export\s+\*\s+(?:as\s+\w+\s+)?from\s+['"]([^'"]+)['"]/gm)) {
      const target = resolve(root, file, m[1]!);
      if (target) ex.star.push(target);
    }
    exports.set(file, ex);
    for (const m of text.matchAll(/^\s*import\s+(?:type\s+)?([^'";]*?)\s+from\s+['"]([^'"]+)['"]/gm)) {
      const target = resolve(root, file, m[2]!);
      if (!target) continue;
      const clause = m[1]!;
      if (/\*\s+as\s+/.test(clause)) wholeFiles.add(target);
      const named = /\{([^}]*)\}/.exec(clause);
      if (named) for (const [there] of specifiers(named[1]!)) uses.push([target, there]);
      if (/^[A-Za-z_$][\w$]*\s*(,|$)/.test(clause.trim())) uses.push([target, 'default']);
    }
    // A dynamic import or a mock may use any name of the module.
    for (const m of text.matchAll(/(?:import|vi\.mock)\(\s*['"]([^'"]+)['"]/g)) {
      const target = resolve(root, file, m[1]!);
      if (target) wholeFiles.add(target);
    }
  }

  const used = new Set<string>();
  const mark = (file: string, name: string, seen = new Set<string>()): void => {
    const key = `${file}#${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const ex = exports.get(file);
    if (!ex) return;
    if (ex.own.has(name)) used.add(key);
    const fwd = ex.forwarded.get(name);
    if (fwd) {
      used.add(key);
      mark(fwd[0], fwd[1], seen);
    }
    for (const star of ex.star) mark(star, name, seen);
  };
  for (const [file, name] of uses) mark(file, name);
  for (const file of wholeFiles) {
    const ex = exports.get(file);
    for (const name of [...(ex?.own ?? []), ...(ex?.forwarded.keys() ?? [])]) mark(file, name);
  }

  const dead: string[] = [];
  const types = new Set<string>();
  for (const [file, ex] of exports) {
    if (!scope(file)) continue;
    for (const name of [...ex.own, ...ex.forwarded.keys()]) {
      if (used.has(`${file}#${name}`)) continue;
      dead.push(`${file}#${name}`);
      if (ex.types.has(name)) types.add(`${file}#${name}`);
    }
  }
  return { files, dead: dead.sort(), types };
}
