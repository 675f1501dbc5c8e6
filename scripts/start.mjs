// `npm start`: build, then run the Electron app — or, where the Electron binary is
// missing (locked-down machines, this CI), say so and open browser mode instead.
// The binary is checked on disk: importing 'electron' would try to download it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const args = process.argv.slice(2);

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const p = path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, exe);
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

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronBinary();
const child = electron
  ? spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit' })
  : (console.log('The Electron binary is not installed on this machine, so Casefile opens in browser mode instead.'),
    spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...args], { cwd: root, stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
