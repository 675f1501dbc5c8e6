// `npm start`: build, then run the Electron app. A missing Electron binary is fetched by
// Electron's own installer first; only when that fails does Casefile open in browser mode
// (the decision and its words are in startApp.mjs, where tests drive them).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { chooseMode } from './startApp.mjs';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const args = process.argv.slice(2);

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const { electron } = await chooseMode({ args });
const child = electron
  ? spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit' })
  : spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...args], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
