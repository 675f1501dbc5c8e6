import { describe, expect, it } from 'vitest';
import { printOpenProgress } from '../../../electron/cli/openProgress';

// What the terminal says while a copied archive's first open reads every case file: a line
// per tenth, the last at the total; nothing for an ordinary open's small catch-up.

describe('the terminal progress of a long open', () => {
  it('says each tenth once, ending at the total', () => {
    const lines: string[] = [];
    const report = printOpenProgress((l) => lines.push(l), 'casefile');
    for (let done = 0; done <= 100_000; done += 64) report({ done, total: 100_000 });
    report({ done: 100_000, total: 100_000 });
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe("casefile: reading case files new to the folder's indexes (a first open after a copy): 0 of 100,000");
    expect(lines.at(-1)).toBe("casefile: reading case files new to the folder's indexes (a first open after a copy): 100,000 of 100,000");
  });

  it('says nothing when few files are read', () => {
    const lines: string[] = [];
    const report = printOpenProgress((l) => lines.push(l), 'casefile web');
    for (let done = 0; done <= 999; done++) report({ done, total: 999 });
    expect(lines).toEqual([]);
  });
});
