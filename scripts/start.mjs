// `npm start`: build, then run the Electron app — or, where the Electron binary is
// missing (locked-down machines, this CI), say so and open browser mode instead.
// The binary is checked on disk: importing 'electron' would try to download it.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinary } from './electronBinary.mjs';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const args = process.argv.slice(2);

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronBinary();
const child = electron
  ? spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit' })
  : (console.log('The Electron binary is not installed on this machine, so Casefile opens in browser mode instead.'),
    spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...args], { cwd: root, stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
