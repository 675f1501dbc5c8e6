import { existsSync } from 'node:fs';
import type { CoreEvent, FolderProgress } from '../../../shared/events';

// How a long open reports itself (shared/events.ts 'folder.progress'): the store reading every
// case file new to its indexes, then the search index being built. Reports come per case or
// per few dozen; the window needs a step per hundredth, and the last one, which says the phase is done.

/** One phase's reports; a promise while a test holds the phase (see below), else nothing. */
export type ProgressReport = (p: { done: number; total: number }) => Promise<void> | void;

/**
 * For the end-to-end test that must see the indexing phase on screen: with
 * CASEFILE_TEST_HOLD_INDEXING naming a file, indexing stops after its first report
 * until that file exists (the test creates it once it has seen the bar), at most
 * HOLD_LIMIT_MS, so a forgotten hold delays search, never loses it.
 */
const HOLD_ENV = 'CASEFILE_TEST_HOLD_INDEXING';
const HOLD_POLL_MS = 50;
const HOLD_LIMIT_MS = 120_000;

async function held(file: string): Promise<void> {
  for (let waited = 0; waited < HOLD_LIMIT_MS && !existsSync(file); waited += HOLD_POLL_MS) await new Promise((resolve) => setTimeout(resolve, HOLD_POLL_MS));
}

export function folderProgress(emit: (event: CoreEvent) => void, phase: FolderProgress['phase']): ProgressReport {
  let lastStep = -1;
  let lastTotal = -1;
  let holding = phase === 'indexing' ? process.env[HOLD_ENV] : undefined;
  return ({ done, total }) => {
    const step = total === 0 ? 100 : Math.floor((done * 100) / total);
    if (step === lastStep && total === lastTotal && done !== total) return;
    lastStep = step;
    lastTotal = total;
    emit({ type: 'folder.progress', data: { phase, done, total } });
    if (holding && done > 0 && done < total) {
      const file = holding;
      holding = undefined;
      return held(file);
    }
  };
}
