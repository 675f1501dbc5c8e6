// The terminal's word on a long open (a copied archive's first: every case file new to the
// folder's indexes is read before anything answers), for the command line and browser mode,
// whose windows are not there yet. Each tenth, so a log stays short; nothing for a small catch-up.

/** Fewer files than this open in a moment: nothing is said. */
const QUIET_BELOW = 1000;

export function printOpenProgress(say: (line: string) => void, prefix: string): (p: { done: number; total: number }) => void {
  let shown = -1;
  return ({ done, total }) => {
    if (total < QUIET_BELOW) return;
    const tenth = Math.floor((done * 10) / total);
    if (tenth === shown) return;
    shown = tenth;
    say(`${prefix}: reading case files new to the folder's indexes (a first open after a copy): ${done.toLocaleString('en')} of ${total.toLocaleString('en')}`);
  };
}
