import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { root } from '../../helpers/cli';
import { tempDir } from '../../helpers/fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let blocker: Server;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  await cleanup();
});

function web(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/web.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

it('a port already in use is named, with what to do, and the data folder is released', async () => {
  const busy = (blocker.address() as { port: number }).port;
  const data = path.join(dir, 'data');
  const run = await web(['--data-dir', data, '--port', String(busy), '--no-open']);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`casefile web: port ${busy} on 127.0.0.1 is in use by another program; choose another with --port N, or leave --port out to take a free one.\n`);
  // The lock was let go: nothing but the folder's own files remain.
  expect(await readdir(data)).not.toContain('casefile.lock');
});

// ---- The token out of every command line (issue 12, finding 5) ----

type Running = { child: ChildProcess; out: () => string; waitFor: (re: RegExp) => Promise<RegExpMatchArray> };

/** `npm run web` for real, as a user starts it, with its stdin a pipe the test types into. */
function startWeb(args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/web.ts'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const waitFor = (re: RegExp) => until(() => re.exec(out), () => `no ${re} in:\n${out}`);
  return { child, out: () => out, waitFor };
}

/** Polls `probe` until it gives a value: bounded (the harness's patience, not a claim about speed). */
async function until<T>(probe: () => T | null | undefined | Promise<T | null | undefined>, why: () => string, tries = 400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting: ${why()}`);
}

async function stop(run: Running): Promise<void> {
  if (run.child.exitCode !== null) return;
  const exited = new Promise((resolve) => run.child.once('exit', resolve));
  run.child.kill('SIGTERM');
  await exited;
}

/** Every command line on this machine that contains `secret`, as "PID: argv". */
async function commandLinesHolding(secret: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(secret)) found.push(`${pid}: ${cmdline.replaceAll('\0', ' ')}`);
  }
  return found;
}

async function trade(origin: string, ticket: string): Promise<{ status: number; token?: string }> {
  const r = await fetch(`${origin}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ticket }) });
  const body = (await r.json()) as { ok: boolean; value?: { token: string } };
  return { status: r.status, ...(body.value ? { token: body.value.token } : {}) };
}

async function listCases(origin: string, token: string): Promise<number> {
  return (await fetch(`${origin}/api/cases.list`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-casefile-token': token }, body: '{}' })).status;
}

/** A stand-in "browser": records its pid and argv (one JSON line per launch) and stays alive, as Chromium would. */
async function fakeBrowser(): Promise<{ exe: string; launches: () => Promise<Array<{ pid: number; argv: string[] }>> }> {
  const exe = path.join(dir, 'fake-chromium');
  const log = path.join(dir, 'launches.jsonl');
  await writeFile(
    exe,
    `#!${process.execPath}\nrequire('node:fs').appendFileSync(${JSON.stringify(log)}, JSON.stringify({ pid: process.pid, argv: process.argv.slice(2) }) + '\\n');\nsetTimeout(() => {}, 120000);\n`,
    { mode: 0o755 },
  );
  const launches = async () =>
    (await readFile(log, 'utf8').catch(() => ''))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { pid: number; argv: string[] });
  return { exe, launches };
}

const linux = process.platform === 'linux';

it.runIf(linux)('the app window is started on a private forwarding page: no command line holds the ticket or the token; the ticket works once', async () => {
  const browser = await fakeBrowser();
  const config = path.join(dir, 'config');
  const run = startWeb(['--data-dir', path.join(dir, 'data'), '--port', '0'], { XDG_CONFIG_HOME: config, CASEFILE_CHROMIUM: browser.exe });
  const pids: number[] = [];
  try {
    const [, origin] = await run.waitFor(/Casefile is running at (http:\/\/127\.0\.0\.1:\d+)\/ in an app window\. For another window, press Enter here; Ctrl\+C stops Casefile\.\n/);
    const [first] = await until(async () => ((await browser.launches()).length > 0 ? browser.launches() : null), () => 'the browser was never launched');
    pids.push(first!.pid);
    const app = first!.argv.find((a) => a.startsWith('--app='))!.slice('--app='.length);
    expect(app).toMatch(/^file:\/\//);
    expect(first!.argv).toContain(`--user-data-dir=${path.join(config, 'Casefile', 'browser-profile')}`);
    // The page the window opens: readable by this user only, forwarding to the one-time ticket.
    const page = fileURLToPath(app);
    expect((await stat(page)).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(page))).mode & 0o777).toBe(0o700);
    const ticket = /#ticket=([A-Za-z0-9_-]{43})"/.exec(await readFile(page, 'utf8'))![1]!;
    expect(first!.argv.join(' ')).not.toContain(ticket);

    const traded = await trade(origin!, ticket);
    expect(traded.status).toBe(200);
    const token = traded.token!;
    expect(await listCases(origin!, token)).toBe(200);
    // Neither secret is on any command line: not the browser's, not the server's, not anyone's.
    expect(await commandLinesHolding(token)).toEqual([]);
    expect(await commandLinesHolding(ticket)).toEqual([]);
    expect(await readFile(`/proc/${first!.pid}/cmdline`, 'utf8')).toContain(`--app=${app}`);
    expect(await readFile(`/proc/${run.child.pid}/cmdline`, 'utf8')).not.toContain(token);
    // Used once, the ticket is dead and its page gone.
    expect((await trade(origin!, ticket)).status).toBe(410);
    await until(async () => !(await stat(page).catch(() => null)), () => `${page} still there after its ticket was traded`);

    // Enter in the terminal opens another window, on another page and another ticket.
    run.child.stdin!.write('\n');
    await run.waitFor(/Opened another window\.\n/);
    const second = (await until(async () => ((await browser.launches()).length === 2 ? await browser.launches() : null), () => 'no second launch'))[1]!;
    pids.push(second.pid);
    const page2 = fileURLToPath(second.argv.find((a) => a.startsWith('--app='))!.slice('--app='.length));
    expect(page2).not.toBe(page);
    const ticket2 = /#ticket=([A-Za-z0-9_-]{43})"/.exec(await readFile(page2, 'utf8'))![1]!;
    expect(await commandLinesHolding(ticket2)).toEqual([]);
    expect(await trade(origin!, ticket2)).toEqual({ status: 200, token });
    expect(run.out()).not.toContain(ticket);
    expect(run.out()).not.toContain(token);
  } finally {
    await stop(run);
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

it('with --no-open a one-time link is printed for the user; Enter prints a new one; a used link is refused', async () => {
  const run = startWeb(['--data-dir', path.join(dir, 'data'), '--port', '0', '--no-open'], { XDG_CONFIG_HOME: path.join(dir, 'config'), CASEFILE_CHROMIUM: path.join(dir, 'no-such-browser') });
  try {
    const [, origin, ticket] = await run.waitFor(/^Casefile is running at (http:\/\/127\.0\.0\.1:\d+)\/#ticket=([A-Za-z0-9_-]{43})\n/);
    expect(run.out()).toContain('That link is for you only and it opens Casefile once. For a new link, press Enter here; Ctrl+C stops Casefile.\n');
    const { status, token } = await trade(origin!, ticket!);
    expect(status).toBe(200);
    expect(await listCases(origin!, token!)).toBe(200);
    expect((await trade(origin!, ticket!)).status).toBe(410);
    run.child.stdin!.write('\n');
    const [, ticket2] = await run.waitFor(/New link \(it opens Casefile once\): http:\/\/127\.0\.0\.1:\d+\/#ticket=([A-Za-z0-9_-]{43})\n/);
    expect(ticket2).not.toBe(ticket);
    expect(await trade(origin!, ticket2!)).toEqual({ status: 200, token });
    expect((await trade(origin!, ticket2!)).status).toBe(410);
    if (linux) expect(await commandLinesHolding(token!)).toEqual([]);
  } finally {
    await stop(run);
  }
});

it('Ctrl+C that reaches it twice (the terminal signals npm start and its child both) still closes cleanly and lets the folder go', async () => {
  const data = path.join(dir, 'data');
  const run = startWeb(['--data-dir', data, '--port', '0', '--no-open'], { XDG_CONFIG_HOME: path.join(dir, 'config'), CASEFILE_CHROMIUM: path.join(dir, 'no-such-browser') });
  try {
    await run.waitFor(/^Casefile is running at http:\/\/127\.0\.0\.1:\d+\/#ticket=/);
    expect(await readdir(data)).toContain('casefile.lock');
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => run.child.once('exit', (code, signal) => resolve([code, signal])));
    run.child.kill('SIGINT');
    // The second signal lands while the first is closing the folder (signals sent back to back may merge into one).
    await new Promise((r) => setTimeout(r, 5));
    run.child.kill('SIGINT');
    expect(await exited).toEqual([0, null]);
    expect(await readdir(data)).not.toContain('casefile.lock');
  } finally {
    await stop(run);
  }
});
