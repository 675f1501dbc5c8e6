// Real Syncthing instances for the team tests: each with its own home, GUI port and
// listen port on 127.0.0.1, no discovery, relays, NAT, upgrades or reports, paired by
// explicit loopback addresses through the REST API. Every wait is bounded and says what
// it waited for; every instance is killed by its PID.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export const SYNCTHING = ['/usr/bin/syncthing', '/usr/local/bin/syncthing'].find((p) => existsSync(p)) ?? 'syncthing';

export function syncthingAvailable(): boolean {
  return spawnSync(SYNCTHING, ['--version'], { timeout: 10_000 }).status === 0;
}

export type Instance = {
  name: string;
  home: string;
  gui: number;
  listen: number;
  apiKey: string;
  id: string;
  proc: ChildProcess | null;
  log: string;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

class HttpRefusal extends Error {}

/**
 * One REST call to an instance; rejects with Syncthing's words on a non-2xx answer. A dropped
 * connection is tried again for up to 20 s: Syncthing restarts its GUI server after a start and
 * after a change to the GUI's settings, and drops what is in flight meanwhile.
 */
export async function rest<T = unknown>(inst: Instance, route: string, method = 'GET', body?: unknown): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await restOnce<T>(inst, route, method, body);
    } catch (err) {
      if (err instanceof HttpRefusal || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

function restOnce<T>(inst: Instance, route: string, method: string, body?: unknown): Promise<T> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: inst.gui, path: `/rest/${route}`, method, timeout: 10_000, headers: { 'X-API-Key': inst.apiKey, ...(payload ? { 'Content-Type': 'application/json' } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((res.statusCode ?? 0) >= 300) return reject(new HttpRefusal(`${inst.name}: ${method} /rest/${route} → ${res.statusCode} ${text.slice(0, 300)}`));
          try {
            resolve((text.trim() ? JSON.parse(text) : null) as T);
          } catch {
            resolve(text as T);
          }
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${inst.name}: ${method} /rest/${route} did not answer in 10 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Polls `probe` until it returns a truthy value; fails after `ms` naming what never happened (and the last error seen). */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, ms = 60_000, every = 250): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`Waited ${ms / 1000} s for ${what}; it never happened${last ? ` (last error: ${(last as Error).message})` : ''}.`);
    await new Promise((r) => setTimeout(r, every));
  }
}

function serve(inst: Instance): void {
  // STMONITORED: one process, not a monitor with a child, so the PID we kill is Syncthing itself (a killed monitor leaves its child running).
  const log = openSync(inst.log, 'a');
  const proc = spawn(
    SYNCTHING,
    ['serve', '--home', inst.home, '--no-browser', '--no-default-folder', '--no-restart', `--gui-address=127.0.0.1:${inst.gui}`, `--gui-apikey=${inst.apiKey}`],
    { env: { ...process.env, HOME: inst.home, STNOUPGRADE: '1', STNODEFAULTFOLDER: '1', STMONITORED: '1' }, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  inst.proc = proc;
}

async function untilUp(inst: Instance): Promise<void> {
  await waitFor(`${inst.name}'s REST API on 127.0.0.1:${inst.gui}`, async () => (await rest<{ myID: string }>(inst, 'system/status')).myID === inst.id, 60_000);
}

/** Starts `names.length` instances under `root`, configured for loopback only. */
export async function startSyncthings(root: string, names: string[]): Promise<Instance[]> {
  const instances: Instance[] = [];
  try {
    for (const name of names) {
      const home = path.join(root, `st-${name}`);
      await mkdir(home, { recursive: true });
      const gen = spawnSync(SYNCTHING, ['generate', '--home', home, '--no-default-folder'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: home } });
      const id = /Device ID:\s*([A-Z2-7-]{63})/.exec(`${gen.stdout}${gen.stderr}`)?.[1];
      if (!id) throw new Error(`syncthing generate gave no device id: ${gen.stdout}${gen.stderr}`);
      const inst: Instance = { name, home, gui: await freePort(), listen: await freePort(), apiKey: randomBytes(16).toString('hex'), id, proc: null, log: path.join(home, 'syncthing.log') };
      instances.push(inst);
      serve(inst);
      await untilUp(inst);
      await rest(inst, 'config/options', 'PATCH', {
        listenAddresses: [`tcp://127.0.0.1:${inst.listen}`],
        globalAnnounceEnabled: false,
        localAnnounceEnabled: false,
        relaysEnabled: false,
        natEnabled: false,
        urAccepted: -1,
        crashReportingEnabled: false,
        autoUpgradeIntervalH: 0,
        startBrowser: false,
        reconnectionIntervalS: 1,
        progressUpdateIntervalS: 1,
        // 127.0.0.1 is a LAN address to Syncthing: without this, the tests' bandwidth limits would not hold.
        limitBandwidthInLan: true,
      });
      // So config.xml names this GUI and key, as a user's Syncthing would, for the app to find.
      await rest(inst, 'config/gui', 'PATCH', { address: `127.0.0.1:${inst.gui}`, apiKey: inst.apiKey });
      // The GUI restarts itself after a change to its own settings.
      await new Promise((r) => setTimeout(r, 300));
      await untilUp(inst);
    }
    // Some options (the listen address) only take effect after a restart.
    for (const inst of instances) {
      const required = await rest<{ requiresRestart: boolean }>(inst, 'config/restart-required');
      if (required.requiresRestart) await restartSyncthing(inst);
    }
    return instances;
  } catch (err) {
    await stopSyncthings(instances);
    throw err;
  }
}

/** Each instance knows the others by their loopback listen address. */
export async function pairAll(instances: Instance[], untrusted: string[] = []): Promise<void> {
  for (const a of instances) {
    for (const b of instances) {
      if (a === b) continue;
      await rest(a, 'config/devices', 'POST', { deviceID: b.id, name: b.name, addresses: [`tcp://127.0.0.1:${b.listen}`], untrusted: untrusted.includes(b.name) && !untrusted.includes(a.name) });
    }
  }
}

/** `peers`: the devices this side shares with when they are not all in the same call (default: the other shares). */
export type Share = { inst: Instance; dir: string; type?: 'sendreceive' | 'receiveencrypted'; passwordFor?: Record<string, string>; peers?: Instance[] };

/**
 * One Syncthing folder over the given paths, every member sharing with every other; fast
 * rescans, watcher on. The first share is the one holding the data: it is added last, so
 * its offer finds the others ready (Syncthing 1.19 takes up an offer that came before the
 * folder existed only at the next reconnection, a minute later).
 */
export async function shareFolder(folderId: string, shares: Share[]): Promise<void> {
  for (const share of [...shares].reverse()) {
    const members = [share.inst, ...(share.peers ?? shares.map((s) => s.inst).filter((i) => i !== share.inst))];
    const devices = members.map((i) => ({ deviceID: i.id, encryptionPassword: i === share.inst ? '' : (share.passwordFor?.[i.name] ?? '') }));
    await rest(share.inst, 'config/folders', 'POST', {
      id: folderId,
      label: 'Casefile',
      path: share.dir,
      type: share.type ?? 'sendreceive',
      devices,
      rescanIntervalS: 2,
      fsWatcherEnabled: true,
      fsWatcherDelayS: 1,
      versioning: { type: '', params: {} },
    });
  }
}

/** Changes options, retried briefly: Syncthing restarts its GUI server now and then (after a start, after a GUI change) and drops a call meanwhile. */
export async function setOptions(inst: Instance, options: Record<string, unknown>): Promise<void> {
  await waitFor(`${inst.name} to take options ${JSON.stringify(options)}`, async () => {
    await rest(inst, 'config/options', 'PATCH', options);
    return true;
  }, 30_000);
}

export async function setPaused(inst: Instance, folderId: string, paused: boolean): Promise<void> {
  await rest(inst, `config/folders/${folderId}`, 'PATCH', { paused });
}

export async function scan(inst: Instance, folderId: string): Promise<void> {
  await rest(inst, `db/scan?folder=${folderId}`, 'POST');
}

type DbStatus = { state: string; needBytes: number; needFiles: number; needDeletes: number; globalFiles: number; localFiles: number; inSyncFiles: number };
export function dbStatus(inst: Instance, folderId: string): Promise<DbStatus> {
  return rest<DbStatus>(inst, `db/status?folder=${folderId}`);
}

/** Waits until every instance is connected to every other. */
export async function untilConnected(instances: Instance[], ms = 60_000): Promise<void> {
  for (const a of instances) {
    await waitFor(`${a.name} connected to ${instances.filter((b) => b !== a).map((b) => b.name).join(', ')}`, async () => {
      const { connections } = await rest<{ connections: Record<string, { connected: boolean }> }>(a, 'system/connections');
      return instances.every((b) => b === a || connections[b.id]?.connected);
    }, ms);
  }
}

/**
 * Waits until `receiver` holds what `sender` holds: both idle, nothing needed, the same
 * files, and the sender counting the receiver complete. (An idle receiver alone proves
 * nothing: before the first index exchange it needs nothing either.)
 */
export async function untilInSync(sender: Instance, receiver: Instance, folderId: string, ms = 60_000): Promise<void> {
  await waitFor(`${receiver.name} to hold what ${sender.name} holds in ${folderId}`, async () => {
    const [s, r] = [await dbStatus(sender, folderId), await dbStatus(receiver, folderId)];
    const done = await rest<{ completion: number }>(sender, `db/completion?folder=${folderId}&device=${receiver.id}`);
    return s.state === 'idle' && r.state === 'idle' && r.needFiles + r.needDeletes + r.needBytes === 0 && s.needFiles + s.needDeletes + s.needBytes === 0 && s.localFiles > 0 && r.localFiles === s.localFiles && done.completion === 100;
  }, ms);
}

export async function killSyncthing(inst: Instance, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  const proc = inst.proc;
  inst.proc = null;
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  if (proc.exitCode === null && proc.signalCode === null) {
    proc.kill('SIGKILL');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
  }
}

export async function restartSyncthing(inst: Instance): Promise<void> {
  await killSyncthing(inst, 'SIGTERM');
  serve(inst);
  await untilUp(inst);
}

export async function stopSyncthings(instances: Instance[]): Promise<void> {
  await Promise.all(instances.map((inst) => killSyncthing(inst, 'SIGTERM')));
}

/** What a data folder must keep to itself until the folder layer's own `.stignore` lands (s18a): written only when the store wrote none. */
export async function ensureStignore(dataDir: string): Promise<void> {
  const file = path.join(dataDir, '.stignore');
  if (existsSync(file)) return;
  await writeFile(file, ['local', 'backups', 'tmp', 'casefile.lock', 'summary-index.json', 'search-index.bin', '*.tmp', ''].join('\n'));
}
