// Where the Electron executable is, or null where it is not installed (locked-down
// machines, this project's CI). Checked on disk: importing 'electron' would try to
// download the binary. Shared by `npm start` and the Playwright fixtures.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function electronBinary(env = process.env) {
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const p = path.join(override, exe);
    return existsSync(p) ? p : null;
  }
  try {
    const pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const rel = readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
    const p = path.join(pkgDir, 'dist', rel);
    return existsSync(p) ? p : null;
  } catch {
    return null;
  }
}
