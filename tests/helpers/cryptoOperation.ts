// A child process for the encryption crash test. It loads the command line, says
// "loaded", and waits for one line on stdin: {"dir", "op", "passphrase",
// "newPassphrase"} — so the test can start it while it still checks the folder
// after the previous kill. Then it runs one folder command through the real
// command line — `casefile encrypt` (a before-encrypt snapshot, then the
// conversion), `casefile decrypt` (a before-decrypt snapshot, then the
// conversion) or `casefile change-passphrase` — with the passphrases in the
// environment, printing "begin" as it starts and "end <ms>" once it has
// finished, and waits to be killed.
import { runCli } from '../../electron/cli/run';

type Job = { dir: string; op: 'encrypt' | 'decrypt' | 'rekey'; passphrase: string; newPassphrase?: string };

process.stdout.write('loaded\n');
const job = await new Promise<Job>((resolve) => {
  let buffer = '';
  process.stdin.on('data', (d: Buffer) => {
    buffer += d.toString();
    if (buffer.includes('\n')) resolve(JSON.parse(buffer.slice(0, buffer.indexOf('\n'))) as Job);
  });
});
const command = job.op === 'rekey' ? 'change-passphrase' : job.op;
const env: NodeJS.ProcessEnv =
  job.op === 'encrypt' ? { CASEFILE_NEW_PASSPHRASE: job.passphrase }
  : job.op === 'decrypt' ? { CASEFILE_PASSPHRASE: job.passphrase }
  : { CASEFILE_PASSPHRASE: job.passphrase, CASEFILE_NEW_PASSPHRASE: job.newPassphrase };
process.stdout.write('begin\n');
const start = performance.now();
const code = await runCli(['--data-dir', job.dir, command], {
  stdout: () => undefined,
  stderr: (t) => process.stderr.write(`${t}\n`),
  // The test cost for the new vault, honoured because the parent runs under vitest (NODE_ENV=test here too).
  env: { ...env, CASEFILE_SCRYPT_N: '1024' },
  cwd: process.cwd(),
});
if (code !== 0) {
  process.stderr.write(`casefile ${command} exited ${code}\n`);
  process.exit(10 + code);
}
process.stdout.write(`end ${Math.round(performance.now() - start)}\n`);
setInterval(() => undefined, 1 << 30);
