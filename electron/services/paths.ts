import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Casefile';

/**
 * The per-user folder Electron's app.getPath('userData') gives a product named
 * "Casefile", computed without Electron so the command line and browser mode
 * find the same data as the desktop app.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), PRODUCT_NAME);
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return path.join(userDataDir(env, platform), 'data');
}

/** `--data-dir` wins, then CASEFILE_DATA_DIR, then the desktop app's folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(flag ?? (env.CASEFILE_DATA_DIR || defaultDataDir(env)));
}
