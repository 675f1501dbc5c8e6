import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The house rules of ARCHITECTURE.md, enforced: shared/ is pure, the renderer never
// reaches Node or Electron, and nothing plain Node runs imports 'electron' (it would
// try to download the binary and throw).

const root = path.resolve(import.meta.dirname, '../..');

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name)).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const ELECTRON_SHELL = new Set(['electron/main.ts', 'electron/preload.ts']);

describe('runtime tiers', () => {
  it('shared/ imports nothing runtime-specific', async () => {
    for (const file of await sources('shared')) {
      for (const spec of await importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|electron|fs$|path$|os$|crypto$|react)/);
        expect(spec, `${file} imports ${spec}`).not.toMatch(/\.\.\/(electron|renderer)\//);
      }
    }
  });

  it('renderer/ never imports node: modules, electron or the main-process code', async () => {
    for (const file of await sources('renderer')) {
      for (const spec of await importsOf(file)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|electron)|\/electron\//);
      }
    }
  });

  it("only the Electron shell imports 'electron'", async () => {
    for (const file of await sources('electron')) {
      if (ELECTRON_SHELL.has(file) || file.startsWith('electron/shell/')) continue;
      for (const spec of await importsOf(file)) expect(spec, `${file} imports ${spec}`).not.toMatch(/^electron(\/|$)/);
    }
  });
});

// The floors inside the core, bottom to top, as VS Code lints the layers of src/vs:
// a file may import from its own floor or any floor below, never from one above, and
// no files may import each other in a circle. Every file of electron/services sits on
// exactly one floor (a folder, or a single file at the top of services/); the doors
// (electron/main.ts, shell/, transports/, cli/, web.ts) stand above them all. The
// README's design section draws this list (the Mermaid block the last test compares).
const FLOORS: ReadonlyArray<{ name: string; holds: readonly string[]; what: string }> = [
  { name: 'common', holds: ['errors.ts', 'paths.ts', 'callContext.ts', 'devWorker.ts', 'pdfjs.ts', 'pdfjs-worker.d.ts', 'cases/'], what: 'typed errors, paths, the rules that turn a draft into a case' },
  { name: 'disk', holds: ['disk/'], what: 'durable write, folder lock, every file name of the data folder' },
  { name: 'syncthing', holds: ['syncthing/'], what: "the local Syncthing's REST API: the data folder's sync state, sharing it" },
  { name: 'crypto', holds: ['crypto/'], what: 'keys and envelopes: the only code that knows a key' },
  { name: 'audit', holds: ['audit/'], what: 'histories and the manifest of cases' },
  { name: 'store', holds: ['store/', 'settings/', 'addressees/'], what: 'case-file codec, catalogue, quarantine, cases, trash; settings and address book' },
  { name: 'originals', holds: ['originals/'], what: 'the original files behind sources, by their SHA-256, sealed when the folder is' },
  { name: 'events', holds: ['events/'], what: "the core's events (a saved case, the lock) for the doors to forward" },
  { name: 'search', holds: ['search/'], what: 'the search index and its service' },
  { name: 'backup', holds: ['backup/'], what: 'snapshots, restore, copies out' },
  { name: 'bundles', holds: ['bundles/', 'isolation/', 'sources/', 'ocr/'], what: 'import and export; untrusted files parsed in a worker' },
  { name: 'people', holds: ['people/'], what: 'people and bodies across cases: read from the cases, matched across spellings, merged and split by hand' },
  { name: 'briefs', holds: ['briefs/'], what: 'templates, documents, PDF and Word' },
  { name: 'tables', holds: ['tables/'], what: 'spreadsheets in and out: mapped onto cases, the list written as an NGO publishes it' },
  { name: 'calendar', holds: ['calendar/'], what: 'deadlines in the calendar: .ics, the subscription file, what a notification tells when' },
  { name: 'verify', holds: ['verify/'], what: 'tamper evidence, with the last good copy a snapshot holds' },
  { name: 'conflicts', holds: ['conflicts/'], what: "Syncthing's conflict copies: listed, shown, settled with nothing lost" },
  { name: 'folder', holds: ['folder/'], what: 'CaseStore: the open (recovery, migration), backups beside saves, verify; conversions with a snapshot; meta repair' },
  { name: 'handlers', holds: ['handlers/', 'dispatch.ts', 'diagnose.ts', 'session.ts', 'samples.ts'], what: 'one handler per contract operation' },
];

// Imports that still run up a floor, each to be removed by the step named beside it.
// An entry that no longer matches a real import fails the test, so the list only shrinks.
const STILL_UPWARD: ReadonlyArray<string> = [];

// Circles still to break, each as the sorted files of one; stale entries fail like STILL_UPWARD's.
const STILL_CIRCLES: ReadonlyArray<readonly string[]> = [];

const SERVICES = 'electron/services/';

function floorOf(file: string): number {
  const rel = file.slice(SERVICES.length);
  const found = FLOORS.findIndex((f) => f.holds.some((h) => (h.endsWith('/') ? rel.startsWith(h) : rel === h)));
  return found;
}

function resolveImport(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.join(path.dirname(file), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (/\.(ts|tsx|json)$/.test(candidate) && existsSync(path.join(root, candidate))) return candidate.split(path.sep).join('/');
  }
  throw new Error(`${file}: cannot resolve ${spec}`);
}

async function serviceGraph(): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  for (const file of await sources('electron/services')) {
    const targets: string[] = [];
    for (const spec of await importsOf(file)) {
      const target = resolveImport(file, spec);
      if (target) targets.push(target);
    }
    graph.set(file.split(path.sep).join('/'), targets);
  }
  return graph;
}

/** Strongly connected components with more than one file (or a file importing itself): the import circles. */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The Mermaid picture of FLOORS the README carries, top floor first as a house is drawn. */
function floorsDiagram(): string {
  const lines = ['flowchart TB', '  doors["doors: Electron IPC · browser mode · command line"]'];
  for (const f of [...FLOORS].reverse()) lines.push(`  ${f.name}["${f.name}: ${f.what}"]`);
  const names = ['doors', ...[...FLOORS].reverse().map((f) => f.name)];
  for (let i = 0; i + 1 < names.length; i++) lines.push(`  ${names[i]} --> ${names[i + 1]}`);
  return lines.join('\n');
}

describe('floors inside electron/services', () => {
  it('every file sits on exactly one floor', async () => {
    for (const file of await sources('electron/services')) {
      const rel = file.slice(SERVICES.length);
      const on = FLOORS.filter((f) => f.holds.some((h) => (h.endsWith('/') ? rel.startsWith(h) : rel === h)));
      expect(on.map((f) => f.name), `${file} must be put on one floor in tiers.test.ts`).toHaveLength(1);
    }
  });

  it('no import runs up a floor, and none leaves services/ for the doors', async () => {
    const graph = await serviceGraph();
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (!target.startsWith(SERVICES)) {
          expect(target, `${file} imports ${target}, outside the core`).toMatch(/^(shared\/|package\.json$)/);
          continue;
        }
        if (floorOf(target) > floorOf(file)) upward.push(`${file.slice(SERVICES.length)} -> ${target.slice(SERVICES.length)}`);
      }
    }
    const unique = [...new Set(upward)].sort();
    expect(unique.filter((e) => !STILL_UPWARD.includes(e)), 'imports from a lower floor to a higher one').toEqual([]);
    expect(STILL_UPWARD.filter((e) => !unique.includes(e)), 'allowed upward imports that are gone: strike them from STILL_UPWARD').toEqual([]);
  });

  it('no circle of imports', async () => {
    const graph = await serviceGraph();
    // The allowed upward imports are left out: each is already on the list to remove.
    for (const [file, targets] of graph) graph.set(file, targets.filter((t) => !STILL_UPWARD.includes(`${file.slice(SERVICES.length)} -> ${t.slice(SERVICES.length)}`)));
    const found = circles(graph).map((c) => c.map((f) => f.slice(SERVICES.length)));
    const known = (c: readonly string[]) => (d: readonly string[]) => c.join() === d.join();
    expect(found.filter((c) => !STILL_CIRCLES.some(known(c))), 'import circles').toEqual([]);
    expect(STILL_CIRCLES.filter((c) => !found.some(known(c))), 'allowed circles that are gone: strike them from STILL_CIRCLES').toEqual([]);
  });

  it("the README's design section draws these floors", async () => {
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    // The block may sit indented inside a list item: compare it without the indent.
    const block = /^( *)```mermaid\n( *flowchart TB\n[\s\S]*?)\n *```/m.exec(readme);
    const drawn = block?.[2]!.split('\n').map((line) => line.slice(block[1]!.length)).join('\n');
    expect(drawn, 'the Mermaid block of the floors in README.md (copy floorsDiagram())').toBe(floorsDiagram());
  });
});

// The renderer's features are folders side by side: one feature may place another's
// screen, section or dialog (its public entry), but no feature reaches into another for
// a helper: helpers two features need live in renderer/lib/ (or components/ for a
// shared building block). Each entry below is a module other features may import, and
// why; every other import across features fails, and an entry no one uses fails too.
const FEATURE_ENTRIES: Readonly<Record<string, string>> = {
  'agenda/TimeFacts.tsx': "the agenda's time facts, shown under a term or a measure in the case",
  'agenda/useAgenda.ts': 'the welcome screen shows the next dates of the agenda',
  'annotations/AnnotationDialog.tsx': "annotations are made inside a source's reader",
  'annotations/AnnotationFields.tsx': "annotations are made inside a source's reader",
  'annotations/AnnotationPanel.tsx': "a source's annotations, listed beside it",
  'annotations/acceptWording.ts': 'a changed source offers to accept the new wording of its annotations',
  'backups/BackupsSection.tsx': 'a section of the settings',
  'briefs/BriefDialog.tsx': 'the list and the case open the brief dialog',
  'calendar/CalendarSection.tsx': 'a section of the settings',
  'briefs/briefModel.ts': 'the case view asks which briefs a case can make',
  'briefs/saveCase.ts': 'the case view saves before a brief is written',
  'bundles/exportBundle.ts': 'the list, the case and the settings export',
  'bundles/ExportDialog.tsx': 'the case in an encrypted folder exports through the export dialog (plain or sealed)',
  'bundles/SharingKeysSection.tsx': 'a section of the settings',
  'history/HistorySection.tsx': 'a section of the case view',
  'lock/EncryptionSection.tsx': 'a section of the settings',
  'lock/vault.ts': 'the settings lock the folder',
  'original/index.ts': "a source's original beside its text, and the intake parts of the Add source dialog",
  'list/FilterSelect.tsx': "the statistics view shows the list's filter menus",
  'list/listModel.ts': "the statistics view applies the list's filters as the list does",
  'list/search.ts': "the statistics view applies the list's text filter as the list does",
  'people/OtherCasesLink.tsx': "a decision's court, the arrest's agency and a measure's authority link to their other cases",
  'search/FullTextSearch.tsx': 'the list holds the search box',
  'search/landingPath.ts': "a person's page opens a case at the field that names them, as a search hit does",
  'search/useSearchLanding.ts': 'the case view lands on a search hit',
  'search/landingStore.ts': 'a hit inside a source is handed to the sources section',
  'search/reveal.ts': 'a hit inside a source is painted by the same code as one in a field',
  'settings/AboutDialog.tsx': 'the backups section links to the about dialog',
  'sources/SourcesSection.tsx': 'a section of the case view',
  'sources/SourceCitations.tsx': 'a timeline event cites its sources',
  'sources/readerStore.ts': 'a search hit opens the source it is in',
  'tables/TablesActions.tsx': 'the list imports from a spreadsheet and exports to one',
  'team/TeamSection.tsx': 'a section of the settings',
  'welcome/NoMatch.tsx': 'the list shows it when nothing matches',
  'welcome/Welcome.tsx': 'the list shows it when the folder is empty',
};

describe('features of the renderer', () => {
  it('import each other only through their public entries', async () => {
    const FEATURES = 'renderer/features/';
    const featureOf = (file: string) => file.slice(FEATURES.length).split('/')[0];
    const across: string[] = [];
    const used = new Set<string>();
    for (const file of (await sources('renderer/features')).map((f) => f.split(path.sep).join('/'))) {
      for (const spec of await importsOf(file)) {
        if (spec.endsWith('.css')) continue;
        const target = resolveImport(file, spec);
        if (!target?.startsWith(FEATURES) || featureOf(target) === featureOf(file)) continue;
        const entry = target.slice(FEATURES.length);
        if (entry in FEATURE_ENTRIES) used.add(entry);
        else across.push(`${file} -> ${target}`);
      }
    }
    expect(across, 'a feature imports a helper from inside another: move it to renderer/lib/ or name the entry').toEqual([]);
    expect(Object.keys(FEATURE_ENTRIES).filter((e) => !used.has(e)), 'entries no other feature imports: strike them').toEqual([]);
  });

  it('no feature imports from inside the case feature', async () => {
    for (const file of await sources('renderer')) {
      const rel = file.split(path.sep).join('/');
      if (rel.startsWith('renderer/features/case/') || rel === 'renderer/App.tsx') continue;
      for (const spec of await importsOf(file)) {
        if (spec.endsWith('.css')) continue;
        const target = resolveImport(rel, spec);
        expect(target ?? '', `${rel} imports ${target}`).not.toMatch(/^renderer\/features\/case\//);
      }
    }
  });
});
