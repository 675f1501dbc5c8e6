import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { appendManifest, MANIFEST_FILE, needsCompaction, readManifest, writeManifest, type ManifestItem } from '../../../electron/services/audit/manifest';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { ownHistoryFile } from '../../helpers/deviceHistory';

// The folder's manifest on its own (audit/manifest): written whole in lines of a
// thousand entries, appended to one line per save, chained, sealed per line when
// encrypted; and folders from before manifests and chained histories.

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-manifest-'));
});
afterEach(() => cleanup());

const file = () => path.join(dir, MANIFEST_FILE);
const hex = (n: number) => n.toString(16).padStart(64, '0');
const AT = '2026-12-01T10:00:00.000Z';

for (const mode of ['plain', 'encrypted'] as const) {
  describe(`${mode}`, () => {
    const key = mode === 'encrypted' ? randomBytes(32) : null;

    it('2,500 cases written whole (three lines), then saves appended: read back whole; a middle line dropped or the start cut off is a fault', async () => {
      const items = new Map<string, ManifestItem>(Array.from({ length: 2500 }, (_, i) => [`case-${i}`, { rev: 1 + (i % 7), sha256: i % 2 ? hex(i) : null }]));
      await writeManifest(dir, key, items, 'compacted', AT);
      await appendManifest(dir, key, [['case-7', 9, hex(9)]], AT);
      await appendManifest(dir, key, [['new-case', 1, hex(1)]], AT);
      const lines = (await readFile(file(), 'utf8')).split('\n').slice(0, -1);
      expect(lines).toHaveLength(5);
      if (key) expect(lines.every((l) => l.startsWith('CFSEAL:'))).toBe(true);
      const state = await readManifest(dir, key);
      expect(state.faults).toEqual([]);
      expect(state.items.size).toBe(2501);
      expect(state.items.get('case-7')).toEqual({ rev: 9, sha256: hex(9) });
      expect(state.items.get('case-2')).toEqual({ rev: 3, sha256: null });
      expect(state.lines).toBe(5);

      await writeFile(file(), `${[lines[0], lines[2], lines[3], lines[4]].join('\n')}\n`);
      const dropped = await readManifest(dir, key);
      expect(dropped.faults.map((f) => f.message)).toEqual([expect.stringMatching(/^line 2 does not follow the line before it/)]);
      await writeFile(file(), `${lines.slice(1).join('\n')}\n`);
      expect((await readManifest(dir, key)).faults.map((f) => f.message)).toEqual([expect.stringMatching(/its first lines are gone/)]);
    });

    it('a torn last line (a kill mid-append) is passed over and cut off by the next append; compaction is due only past twice the cases', async () => {
      await writeManifest(dir, key, new Map([['a', { rev: 1, sha256: null }]]), 'created', AT);
      await appendManifest(dir, key, [['a', 2, hex(2)]], AT);
      const whole = await readFile(file(), 'utf8');
      await writeFile(file(), `${whole}${whole.split('\n')[1]!.slice(0, 30)}`);
      expect(await readManifest(dir, key)).toMatchObject({ faults: [], items: new Map([['a', { rev: 2, sha256: hex(2) }]]) });
      await appendManifest(dir, key, [['a', 3, hex(3)]], AT);
      const after = await readManifest(dir, key);
      expect(after.faults).toEqual([]);
      expect(after.items.get('a')).toEqual({ rev: 3, sha256: hex(3) });
      expect((await readFile(file(), 'utf8')).split('\n')).toHaveLength(4); // three lines and the final ""
      expect(needsCompaction(after)).toBe(false);
      expect(needsCompaction({ ...after, lines: 1001 })).toBe(true);
      expect(needsCompaction({ ...after, items: new Map(Array.from({ length: 600 }, (_, i) => [`c${i}`, { rev: 1, sha256: null }])), lines: 1001 })).toBe(false);
    });

    it("another key's lines, or plain lines in a sealed manifest, are faults", async () => {
      await writeManifest(dir, key ?? null, new Map([['a', { rev: 1, sha256: null }]]), 'created', AT);
      const other = key ? randomBytes(32) : null;
      if (key) {
        expect((await readManifest(dir, other)).faults).toHaveLength(1);
      } else {
        await writeFile(file(), `${await readFile(file(), 'utf8')}{"not":"a manifest line"}\n`);
        expect((await readManifest(dir, null)).faults.map((f) => f.message)).toEqual(['line 2 is not a manifest line: it was altered or damaged']);
      }
    });
  });
}

describe('a folder from before tamper evidence', () => {
  it('opens without findings, gets a manifest, and its old history lines stay valid with the chain starting after them', async () => {
    let store = await CaseStore.open(dir);
    let c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Old folder' })));
    c = await store.update(c.id, c.rev, CaseDraft.parse({ ...c, summary: 'rev 2' }));
    await store.close();
    // As the previous version wrote it: no chain in the history, no manifest.
    const history = ownHistoryFile(dir, c.id);
    const old = (await readFile(history, 'utf8')).split('\n').slice(0, -1).map((l) => {
      const { prev: _p, sha256: _s, ...rest } = JSON.parse(l) as Record<string, unknown>;
      return JSON.stringify(rest);
    });
    await writeFile(history, `${old.join('\n')}\n`);
    await rm(file());

    store = await CaseStore.open(dir);
    try {
      expect(store.tampered).toEqual([]);
      expect((await readManifest(dir, null)).items.get(c.id)).toEqual({ rev: 2, sha256: null });
      const current = await store.get(c.id);
      await store.update(c.id, current.rev, CaseDraft.parse({ ...current, summary: 'rev 3, chained' }));
      expect((await store.verify()).problems).toEqual([]);
    } finally {
      await store.close();
    }
    const lines = (await readFile(history, 'utf8')).split('\n').slice(0, -1).map((l) => JSON.parse(l) as { prev?: string });
    expect(lines.map((l) => l.prev === undefined)).toEqual([true, true, false]);
    expect((await cli(['--data-dir', dir, 'verify'])).stdout).toMatch(/^All well/);
    // The old lines are not covered by the chain: one removed is only a missing revision, as before (said in historyLog).
    await writeFile(history, `${[old[1], (await readFile(history, 'utf8')).split('\n')[2]].join('\n')}\n`);
    const r = await cli(['--data-dir', dir, 'verify']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning: history/');
  });

  it('a manifest deleted from a folder whose histories are chained is reported, and begun again', async () => {
    let store = await CaseStore.open(dir);
    await store.create(CaseDraft.parse(prisonerDraft({ title: 'Has a manifest' })));
    await store.close();
    await rm(file());
    store = await CaseStore.open(dir);
    try {
      expect(store.tampered).toEqual([expect.objectContaining({ file: MANIFEST_FILE, caseId: '', verdict: 'deleted' })]);
      expect(store.tampered[0]!.message).toMatch(/manifest .* is gone; it was begun again/);
    } finally {
      await store.close();
    }
    expect((await readManifest(dir, null)).items.size).toBe(1);
  });
});
