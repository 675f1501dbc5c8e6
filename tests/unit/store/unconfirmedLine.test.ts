import { spawn } from 'node:child_process';
import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, CaseFile } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { encryptFolder } from '../../../electron/services/folder/convert';
import type { DurableFs } from '../../../electron/services/disk/durableFile';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { ownHistoryFile, ownHistoryRel } from '../../helpers/deviceHistory';

// A save writes its case file and its history line side by side (store/recorder
// saveBeside). These tests make the interleaving that allows and no crash could
// leave before: the history line on disk, the case file not (the child's rename
// into cases/ never returns, then it is killed).

const root = path.resolve(import.meta.dirname, '../../..');
const PASS = 'unconfirmed line passphrase';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('casefile-unconfirmed-'));
});
afterEach(() => cleanup());

/** Runs the child until its save's history line is written, then SIGKILLs it. */
function killAfterLine(mode: 'update' | 'create', id: string, summary: string, passphrase?: string): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/helpers/saveCutAtRename.ts'), dir, mode, id, summary], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(passphrase ? { CASEFILE_TEST_PASSPHRASE: passphrase } : {}) },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('no line\n')) {
        child.kill('SIGKILL');
        reject(new Error('the child never saw its history line'));
      } else if (out.includes('line\n')) {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }
    });
    child.once('exit', (code, signal) => {
      if (!out.includes('line\n')) reject(new Error(`the child exited early (${code ?? signal}): ${stderr}`));
    });
  });
}

const edit = (c: CaseFile, summary: string) => {
  const { id: _i, rev: _r, createdAt: _c, updatedAt: _u, ...rest } = c;
  return CaseDraft.parse({ ...rest, summary });
};

for (const encrypted of [false, true]) {
  describe(`a save killed after its history line, before its case file (${encrypted ? 'encrypted' : 'plain'} folder)`, () => {
    const options = () => (encrypted ? { passphrase: PASS } : {});

    it('leaves the case as it was, warns of the unconfirmed line (never tampering), and the next save replaces it', async () => {
      let store = await CaseStore.open(dir);
      let c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Kept', summary: 'rev 1' })));
      c = await store.update(c.id, c.rev, edit(c, 'rev 2'));
      await store.close();
      if (encrypted) await encryptFolder(dir, PASS, FAST_KDF);
      const historyFile = ownHistoryFile(dir, c.id);
      const before = await readFile(historyFile, 'utf8');

      await killAfterLine('update', c.id, 'rev 3, never confirmed', encrypted ? PASS : undefined);
      await killAfterLine('create', 'never-written', 'a case whose file never landed', encrypted ? PASS : undefined);
      expect((await readFile(historyFile, 'utf8')).split('\n')).toHaveLength(before.split('\n').length + 1);
      const rev2 = await readFile(path.join(dir, 'cases', `${c.id}.json`));

      store = await CaseStore.open(dir, options());
      try {
        expect(store.tampered).toEqual([]);
        expect((await store.get(c.id)).rev).toBe(2);
        expect((await store.get(c.id)).summary).toBe('rev 2');
        expect(store.has('never-written')).toBe(false);
        const report = await store.verify();
        expect(report.problems).toEqual([]);
        expect(report.warnings).toEqual(
          expect.arrayContaining([
            { file: ownHistoryRel(dir, c.id), message: expect.stringContaining('records revision 3, but the case file is still at revision 2') },
            { file: ownHistoryRel(dir, 'never-written'), message: expect.stringContaining('its case file was never written') },
          ]),
        );

        // The next save cuts the unconfirmed line off and writes its own: one line per revision, the chain whole.
        const saved = await store.update(c.id, 2, edit(await store.get(c.id), 'rev 3, confirmed'));
        expect(saved.rev).toBe(3);
        const history = await store.history(c.id);
        expect(history.map((e) => e.rev)).toEqual([1, 2, 3]);
        const again = await store.create(CaseDraft.parse(prisonerDraft({ id: 'never-written', summary: 'written now' })));
        expect((await store.history(again.id)).map((e) => e.rev)).toEqual([1]);
        const after = await store.verify();
        expect(after.problems).toEqual([]);
        expect(after.warnings).toEqual([]);
        expect(after.ok).toBe(true);
      } finally {
        await store.close();
      }
      // The manifest's line is written only once both halves of a save are on disk: it still tells a
      // case file put back one revision (the confirmed rev 3's history line ahead of it) from a crash.
      await writeFile(path.join(dir, 'cases', `${c.id}.json`), rev2);
      store = await CaseStore.open(dir, options());
      try {
        const report = await store.verify();
        expect(report.problems).toEqual(expect.arrayContaining([{ file: `cases/${c.id}.json`, message: expect.stringMatching(/^rolled back/) }]));
      } finally {
        await store.close();
      }
    });
  });
}

describe('a save whose case file cannot be written', () => {
  it('takes its history line back: the history is byte for byte what it was, and verify finds nothing', async () => {
    let store = await CaseStore.open(dir);
    const c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Full disk' })));
    await store.close();
    const historyFile = ownHistoryFile(dir, c.id);
    const before = await readFile(historyFile);
    const full = Object.assign(new Error('injected ENOSPC'), { code: 'ENOSPC' });
    const fs: DurableFs = {
      open: (async (p: string, flags: string, mode?: number) => {
        if (path.dirname(p) === path.join(dir, 'cases') && flags === 'wx') throw full;
        return open(p, flags, mode);
      }) as typeof open,
      rename,
      unlink,
    };
    store = await CaseStore.open(dir, { fs });
    try {
      await expect(store.update(c.id, 1, edit(c, 'never saved'))).rejects.toMatchObject({ code: 'io' });
      expect(await readFile(historyFile)).toEqual(before);
      expect((await store.get(c.id)).rev).toBe(1);
      const report = await store.verify();
      expect(report.ok).toBe(true);
      expect(report.warnings).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
