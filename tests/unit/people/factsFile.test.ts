import { describe, expect, it } from 'vitest';
import { decodeFacts, encodeFacts, type FactsEntry } from '../../../electron/services/people/factsFile';
import { appearancesOf } from '../../../electron/services/people';
import { caseFacts } from '../../../shared/stats/caseFacts';
import { generateCase } from '../../../scripts/bench/generate';

// The facts file's own checks: what it wrote comes back equal; a line that is not what this
// build writes makes the whole file unused, even under a head and checksum that match it.

const file = { mtimeMs: 1, size: 2, ctimeMs: 3, ino: 4 };
const entries = Array.from({ length: 2500 }, (_, i) => {
  const c = generateCase(i).case;
  return [c.id, { rev: c.rev, file, title: c.title, stats: caseFacts(c), people: appearancesOf(c) }] as [string, FactsEntry];
});

describe('the case facts file', () => {
  it('gives back what it was given, in slices past the first', async () => {
    expect(entries.some(([, e]) => e.people.length > 0)).toBe(true);
    expect(await decodeFacts(await encodeFacts(entries))).toEqual(new Map(entries));
  });

  it('refuses a line this build would not write, though its checksum matches', async () => {
    const [id, e] = entries[2100]!;
    const odd = { ...e, people: [{ ...e.people[0]!, role: 'emperor' }] } as unknown as FactsEntry;
    expect(await decodeFacts(await encodeFacts([...entries.slice(0, 2100), [id, odd]]))).toBeNull();
    const extra = { ...e, people: [{ ...e.people[0]!, note: 'x' }] } as unknown as FactsEntry;
    expect(await decodeFacts(await encodeFacts([[id, extra]]))).toBeNull();
    const wrongId = { ...e, stats: { ...e.stats, id: 'another-case' } };
    expect(await decodeFacts(await encodeFacts([[id, wrongId]]))).toBeNull();
    expect(await decodeFacts(Buffer.from('no head at all'))).toBeNull();
  });
});
