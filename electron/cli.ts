import { promptHidden } from './cli/passphrase';
import { forTerminal } from './cli/format';
import { runCli } from './cli/run';

// The `casefile` command line: a thin door onto the same dispatcher as the app.
runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
  prompt: promptHidden,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`casefile: unexpected failure: ${forTerminal((err as Error)?.stack ?? String(err))}\n`);
    process.exitCode = 1;
  },
);
