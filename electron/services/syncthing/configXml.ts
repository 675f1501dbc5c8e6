import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Parser } from 'htmlparser2';

// Where the local Syncthing keeps its config.xml, and what the app needs from it: the GUI
// address and the API key. Read only: the app changes Syncthing through its REST API.

export type GuiConfig = { address: string; apiKey: string; tls: boolean };

type Where = { env: NodeJS.ProcessEnv; platform: NodeJS.Platform; home: string };

/** The places Syncthing keeps its config, in the order Syncthing itself looks. */
export function configCandidates({ env, platform, home }: Where = { env: process.env, platform: process.platform, home: os.homedir() }): string[] {
  const dirs: string[] = [];
  if (env.STCONFDIR) dirs.push(env.STCONFDIR);
  if (env.STHOMEDIR) dirs.push(env.STHOMEDIR);
  if (platform === 'win32') {
    if (env.LOCALAPPDATA) dirs.push(path.win32.join(env.LOCALAPPDATA, 'Syncthing'));
  } else if (platform === 'darwin') {
    dirs.push(path.join(home, 'Library', 'Application Support', 'Syncthing'));
  } else {
    // 1.27+ moved to the state dir; Debian's 1.19 keeps ~/.config/syncthing.
    dirs.push(path.join(env.XDG_STATE_HOME || path.join(home, '.local', 'state'), 'syncthing'));
    dirs.push(path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'syncthing'));
  }
  const lib = platform === 'win32' ? path.win32 : path.posix;
  return dirs.map((d) => lib.join(d, 'config.xml'));
}

/** The `<gui>` element of a config.xml: its address, API key and whether it speaks TLS; null when it has none. */
export function parseGuiConfig(xml: string): GuiConfig | null {
  const stack: string[] = [];
  let inGui = false;
  let tls = false;
  let address = '';
  let apiKey = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        // Only the top-level <gui> (a <device> never holds one, but be exact).
        if (name === 'gui' && stack.length === 2 && stack[0] === 'configuration') {
          inGui = true;
          tls = attrs.tls === 'true';
        }
      },
      ontext(text) {
        if (!inGui || stack.length !== 3) return;
        if (stack[2] === 'address') address += text;
        if (stack[2] === 'apikey') apiKey += text;
      },
      onclosetag(name) {
        stack.pop();
        if (name === 'gui' && stack.length === 1) inGui = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  address = address.trim();
  apiKey = apiKey.trim();
  return address && apiKey ? { address, apiKey, tls } : null;
}

/** The first config.xml found among `candidates` with a usable `<gui>`; null when none is. */
export async function findGuiConfig(candidates: string[]): Promise<(GuiConfig & { configPath: string }) | null> {
  for (const configPath of candidates) {
    let xml: string;
    try {
      xml = await readFile(configPath, 'utf8');
    } catch {
      continue;
    }
    const gui = parseGuiConfig(xml);
    if (gui) return { ...gui, configPath };
  }
  return null;
}
