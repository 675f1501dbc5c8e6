// One real `casefile` command for pairedCommands.test.ts, forked with `--import tsx`
// and an IPC channel: it loads the command line's modules, says "loaded", waits for
// the moment the test sends (ms since the epoch), lets go of the channel, and at
// that moment runs the real entry point (electron/cli.ts) with its own arguments,
// so two commands start within a scheduler tick of each other, not a module load.
import { setTimeout as sleep } from 'node:timers/promises';
import '../../../electron/cli/run';

process.once('message', (at: number) => {
  process.disconnect();
  void (async () => {
    const ahead = at - Date.now() - 3;
    if (ahead > 0) await sleep(ahead);
    while (Date.now() < at) {
      // spin: the last milliseconds by the clock, not the timer's rounding
    }
    await import('../../../electron/cli');
  })();
});
process.send!('loaded');
