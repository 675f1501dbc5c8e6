// A child process for the crash loops: started with `--import tsx`, it prints
// "loaded" once its modules are in, waits for a line on stdin ("go"), prints
// "ready" once it has opened the data folder, and then works (printing one line
// per step) until it is killed. The test starts the next child while it checks
// the folder after a kill, so loading overlaps the checks.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { root } from './cli';

export type ChildLoop = {
  child: ChildProcess;
  /** Every line it printed so far. */
  lines: string[];
  loaded: Promise<void>;
  ready: Promise<void>;
  /** Resolves with the signal it died of (null: it exited by itself). */
  exited: Promise<NodeJS.Signals | null>;
  stderr: () => string;
  /** Lets the child touch the data folder. */
  go: () => void;
};

const running = new Set<ChildProcess>();

/** Kills any child still running (a spare started ahead, should a check have failed). */
export function killAllLoops(): void {
  for (const child of running) child.kill('SIGKILL');
}

export function startChildLoop(script: string, args: string[], onLine: (line: string) => void = () => undefined): ChildLoop {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => {
      running.delete(child);
      resolve(signal);
    }),
  );
  const lines: string[] = [];
  let buffer = '';
  let onLoaded!: () => void;
  let onReady!: () => void;
  const loaded = new Promise<void>((r) => (onLoaded = r));
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      if (line === 'loaded') onLoaded();
      else if (line === 'ready') onReady();
      else onLine(line);
    }
  });
  const early = (what: string) => exited.then((signal) => Promise.reject(new Error(`${script} ended (${signal ?? 'exit'}) before "${what}": ${stderr}`)));
  const loop: ChildLoop = {
    child,
    lines,
    exited,
    stderr: () => stderr,
    loaded: Promise.race([loaded, early('loaded')]),
    ready: Promise.race([ready, early('ready')]),
    go: () => void child.stdin!.write('go\n'),
  };
  // Killed before "ready" on purpose sometimes: a rejection nobody awaits is not an error.
  for (const p of [loop.loaded, loop.ready]) p.catch(() => undefined);
  return loop;
}
