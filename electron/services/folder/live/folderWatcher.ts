import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ADDRESSEES_FILE, HISTORY_DIR, SETTINGS_FILE, VAULT_FILE } from '../../disk/folderLayout';
import { fileStateOf, sameFile, type FileState } from '../../disk/statFiles';
import { isSyncConflictName, isSyncTempName } from '../../disk/syncConflictNames';

// Watches the parts of a data folder that another device writes (through Syncthing):
// cases/, trash/, history/ and the synced files at the top. files/ is not watched: an
// original changes nothing shown until a case names it, and that case's file is watched. The watch only says
// where to look; what changed is found by comparing file states with the last look, so
// a lost or merged notification costs nothing, and the same comparison serves the
// periodic scan used where a watch cannot be set up (or fails). Bursts are gathered
// (Syncthing writes a temp file, then renames it onto the name) and handed over as one.

const TOP_FILES = [VAULT_FILE, SETTINGS_FILE, ADDRESSEES_FILE] as const;
export type TopFile = (typeof TOP_FILES)[number];

export type FolderChanges = {
  /** Something in cases/ or trash/ changed: the store compares each file with its catalogue. */
  cases: boolean;
  /** history/ files added, changed or gone, by name. */
  history: string[];
  /** The synced top-level files that changed (added, changed or gone). */
  top: TopFile[];
  /** Syncthing conflict copies seen for the first time, relative to the folder. */
  conflicts: string[];
};

export type WatchOptions = {
  /** How long a burst is gathered before it is handed over. */
  debounceMs?: number;
  /** The period of the scan that stands in for a watch. */
  pollMs?: number;
  /** Scan only (tests; file systems without notifications). */
  poll?: boolean;
  /** Told once when watching fails and the scan takes over. */
  onFallback?: (reason: string) => void;
};

const ignored = (name: string) => name.startsWith('.') || isSyncTempName(name);

type Look = { history: Map<string, FileState>; top: Map<string, FileState>; conflicts: Set<string> };

async function states(dir: string, names: Iterable<string>): Promise<Map<string, FileState>> {
  const out = new Map<string, FileState>();
  for (const name of names) {
    const st = await stat(path.join(dir, name)).catch(() => null);
    if (st?.isFile()) out.set(name, fileStateOf(st));
  }
  return out;
}

const list = (dir: string) => readdir(dir).catch(() => [] as string[]);

function changedNames(before: Map<string, FileState>, after: Map<string, FileState>): string[] {
  const out: string[] = [];
  for (const [name, state] of after) {
    const was = before.get(name);
    if (!was || !sameFile(was, state)) out.push(name);
  }
  for (const name of before.keys()) if (!after.has(name)) out.push(name);
  return out;
}

export class FolderWatcher {
  private watchers: FSWatcher[] = [];
  private pollTimer: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private due = { cases: false, history: false, top: false, conflicts: false };
  private last: Look = { history: new Map(), top: new Map(), conflicts: new Set() };
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  /** 'watch' while notifications arrive; 'poll' when the periodic scan stands in. */
  mode: 'watch' | 'poll' = 'watch';

  private constructor(
    private readonly dataDir: string,
    private readonly onChanges: (changes: FolderChanges) => Promise<void>,
    private readonly options: WatchOptions,
  ) {}

  /**
   * Watches from now on, and takes a first look in the background (what is there already
   * is not reported); batches wait for that look, so nothing that changes meanwhile is lost.
   */
  static start(dataDir: string, onChanges: (changes: FolderChanges) => Promise<void>, options: WatchOptions = {}): FolderWatcher {
    const watcher = new FolderWatcher(dataDir, onChanges, options);
    if (options.poll) watcher.startPolling();
    else watcher.startWatching();
    watcher.running = watcher.look().then((look) => void (watcher.last = look));
    return watcher;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.closeWatches();
    clearInterval(this.pollTimer);
    clearTimeout(this.debounce);
    await this.running;
  }

  private startWatching(): void {
    const add = (dir: string, recursive: boolean, area: (name: string) => keyof FolderWatcher['due'] | null) => {
      const w = watch(dir, { recursive, persistent: false }, (_event, filename) => {
        const name = filename === null ? null : path.basename(filename.toString());
        if (name !== null && isSyncConflictName(name)) this.mark('conflicts');
        else if (name === null) this.mark('cases', 'history', 'top', 'conflicts');
        else if (!ignored(name)) {
          const where = area(name);
          if (where) this.mark(where);
        }
      });
      w.on('error', (err) => this.fallback(`watching ${path.relative(this.dataDir, dir) || '.'} failed: ${err.message}`));
      this.watchers.push(w);
    };
    try {
      add(path.join(this.dataDir, 'cases'), false, () => 'cases');
      add(path.join(this.dataDir, 'trash'), false, () => 'cases');
      add(path.join(this.dataDir, HISTORY_DIR), false, () => 'history');
      add(this.dataDir, false, (name) => ((TOP_FILES as readonly string[]).includes(name) ? 'top' : null));
    } catch (err) {
      this.fallback(`a watch could not be set up: ${(err as Error).message}`);
    }
  }

  private fallback(reason: string): void {
    if (this.stopped || this.mode === 'poll') return;
    this.closeWatches();
    this.options.onFallback?.(reason);
    this.startPolling();
    this.mark('cases', 'history', 'top', 'conflicts');
  }

  private startPolling(): void {
    this.mode = 'poll';
    this.pollTimer = setInterval(() => this.mark('cases', 'history', 'top', 'conflicts'), this.options.pollMs ?? 5_000);
    this.pollTimer.unref();
  }

  private closeWatches(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }

  private mark(...areas: Array<keyof FolderWatcher['due']>): void {
    if (this.stopped) return;
    for (const a of areas) this.due[a] = true;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => this.flush(), this.options.debounceMs ?? 150);
    this.debounce.unref();
  }

  /** One batch at a time: what arrives meanwhile waits for the next. */
  private flush(): void {
    const due = this.due;
    this.due = { cases: false, history: false, top: false, conflicts: false };
    this.running = this.running.then(async () => {
      if (this.stopped) return;
      const now = await this.look(due);
      const changes: FolderChanges = {
        cases: due.cases,
        history: due.history ? changedNames(this.last.history, now.history) : [],
        top: due.top ? (changedNames(this.last.top, now.top) as TopFile[]) : [],
        conflicts: due.conflicts ? [...now.conflicts].filter((c) => !this.last.conflicts.has(c)) : [],
      };
      this.last = now;
      if (changes.cases || changes.history.length > 0 || changes.top.length > 0 || changes.conflicts.length > 0) await this.onChanges(changes).catch(() => undefined);
    });
  }

  /** The state of what is compared: history files, the top files, the conflict copies (areas not due keep the last look). */
  private async look(due = { history: true, top: true, conflicts: true }): Promise<Look> {
    const historyDir = path.join(this.dataDir, HISTORY_DIR);
    const history = due.history ? await states(historyDir, (await list(historyDir)).filter((n) => !ignored(n) && !isSyncConflictName(n))) : this.last.history;
    const top = due.top ? await states(this.dataDir, TOP_FILES) : this.last.top;
    let conflicts = this.last.conflicts;
    if (due.conflicts) {
      conflicts = new Set();
      for (const sub of ['.', 'cases', 'trash', HISTORY_DIR]) {
        for (const name of await list(path.join(this.dataDir, sub))) if (isSyncConflictName(name)) conflicts.add(path.posix.join(sub, name));
      }
    }
    return { history, top, conflicts };
  }
}
