import { spawn } from 'node:child_process';
import path from 'node:path';
import { runCli } from '../../electron/cli/run';

export const root = path.resolve(import.meta.dirname, '../..');

export type CliRun = { code: number; stdout: string; stderr: string };

/** Runs the command line in this process (fast), capturing what it prints. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, cwd: root });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** Runs the real `casefile` entry point in a child process, for exit codes as a shell sees them. */
export function cliProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
