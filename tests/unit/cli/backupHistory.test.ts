import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft } from '../../../shared/model';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';
import { ownHistoryFile, ownHistoryRel } from '../../helpers/deviceHistory';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir('casefile-cli-backup-')));
afterEach(() => cleanup());

const data = () => path.join(dir, 'data');

/** A case created, then edited twice through the store (as the app would). */
async function editedCase(): Promise<string> {
  const store = await CaseStore.open(data());
  try {
    const c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Серік Әбенов', summary: 'Detained in Almaty.' })));
    const c2 = await store.update(c.id, 1, CaseDraft.parse({ ...c, summary: 'Transferred to Astana.' }));
    await store.update(c.id, 2, CaseDraft.parse({ ...c2, tags: ['wgad'], priority: 'urgent' }));
    return c.id;
  } finally {
    await store.close();
  }
}

describe('casefile history', () => {
  it('lists every saved change with the fields and old → new values, as text and as JSON', async () => {
    const id = await editedCase();
    const text = await cli(['--data-dir', data(), 'history', id]);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    // Each change names the machine that made it (a team shares the folder): this one, as local/device.json names it.
    const device = (JSON.parse(await readFile(path.join(data(), 'local', 'device.json'), 'utf8')) as { name: string }).name;
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}rev 1 {2}created {2}on .+$/);
    expect(lines[0]!.endsWith(`  on ${device}`)).toBe(true);
    expect(lines).toContain('  summary: "Detained in Almaty." → "Transferred to Astana."');
    expect(lines).toContain('  priority: "normal" → "urgent"');
    expect(lines).toContain('  tags: [] → ["wgad"]');

    const json = await cli(['--data-dir', data(), 'history', id, '--json']);
    const entries = JSON.parse(json.stdout) as Array<{ rev: number; cause: string; changes: Array<{ path: string }> }>;
    expect(entries.map((e) => [e.rev, e.cause])).toEqual([[1, 'create'], [2, 'update'], [3, 'update']]);
    expect(entries[2]!.changes.map((c) => c.path).sort()).toEqual(['priority', 'tags']);

    const missing = await cli(['--data-dir', data(), 'history', 'no-such-case']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no case with id "no-such-case"/);
  });

  it('export --history carries the history; importing it elsewhere keeps it, marked as recorded on another machine', async () => {
    const id = await editedCase();
    const file = path.join(dir, 'with-history.casefile.json');
    expect((await cli(['--data-dir', data(), 'export', file, '--history'])).code).toBe(0);
    const bundle = JSON.parse(await readFile(file, 'utf8')) as { history: Record<string, unknown[]> };
    expect(bundle.history[id]).toHaveLength(3);
    const plain = path.join(dir, 'plain.casefile.json');
    await cli(['--data-dir', data(), 'export', plain]);
    expect(JSON.parse(await readFile(plain, 'utf8'))).not.toHaveProperty('history');

    const other = path.join(dir, 'other');
    expect((await cli(['--data-dir', other, 'import', file])).code).toBe(0);
    const json = await cli(['--data-dir', other, 'history', id, '--json']);
    const entries = JSON.parse(json.stdout) as Array<{ rev: number; cause: string; imported?: boolean }>;
    expect(entries.map((e) => [e.rev, e.cause, e.imported ?? false])).toEqual([
      [1, 'create', true],
      [2, 'update', true],
      [3, 'update', true],
      [3, 'import', false],
    ]);
  });
});

describe('casefile backup / backups / restore / recover', () => {
  it('takes a snapshot, lists it, restores it (snapshotting the present first)', async () => {
    const id = await editedCase();
    const taken = await cli(['--data-dir', data(), 'backup']);
    expect(taken.code).toBe(0);
    expect(taken.stdout).toMatch(/^Snapshot (\S+\.casefile-snapshot): 1 case\(s\), 0 in the Trash, [\d.]+ (B|KB)\.$/);
    const name = /^Snapshot (\S+):/.exec(taken.stdout)![1]!;

    const list = await cli(['--data-dir', data(), 'backups', '--json']);
    expect((JSON.parse(list.stdout) as Array<{ name: string; reason: string }>).map((s) => [s.name, s.reason])).toEqual([[name, 'manual']]);
    expect((await cli(['--data-dir', data(), 'backups'])).stdout).toMatch(/SNAPSHOT\s+TAKEN\s+WHY\s+CASES\s+SIZE\n\S+\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+manual\s+1\s+/);

    const store = await CaseStore.open(data());
    const c = await store.get(id);
    await store.update(id, c.rev, CaseDraft.parse({ ...c, title: 'Renamed after the backup' }));
    await store.close();

    const restored = await cli(['--data-dir', data(), 'restore', name]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored \S+ \(1 case\(s\)\)\. The state before the restore is in \S+--before-restore--1c0t\.casefile-snapshot\.$/);
    const shown = await cli(['--data-dir', data(), 'show', id, '--json']);
    expect(JSON.parse(shown.stdout).title).toBe('Серік Әбенов');

    const unknown = await cli(['--data-dir', data(), 'restore', '20990101T000000000Z--manual--0c0t.casefile-snapshot']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no snapshot named/);
    const notAName = await cli(['--data-dir', data(), 'restore', 'meta.json']);
    expect(notAName.code).toBe(2);
  });

  it('verify reads the histories too: a missing newest revision is a warning, a line cut out or altered a fault', async () => {
    const id = await editedCase();
    expect((await cli(['--data-dir', data(), 'verify'])).code).toBe(0);
    const file = ownHistoryFile(data(), id);
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    // The newest line lost, as a crash between the two writes of a save leaves it: a warning.
    await writeFile(file, `${lines.slice(0, 2).join('\n')}\n`);
    const crashed = await cli(['--data-dir', data(), 'verify']);
    expect(crashed.code).toBe(0);
    expect(crashed.stdout).toContain(`warning: ${path.join(...ownHistoryRel(data(), id).split('/'))}: revision 3 (the newest) was saved but is not in the history`);
    // A line from the middle cut out by hand: the next line's `prev` no longer names the line before it. A crash
    // never does that (a save whose line was lost is followed by lines chained to what is on disk), so it fails.
    await writeFile(file, `${[lines[0], lines[2]].join('\n')}\n`);
    const gap = await cli(['--data-dir', data(), 'verify']);
    expect(gap.code).toBe(1);
    expect(gap.stdout).toMatch(new RegExp(`${path.join(...ownHistoryRel(data(), id).split('/')).replace(/[.]/g, '\\.')}: altered: `));
    // An altered line is no crash: verify fails and names it.
    await writeFile(file, `${lines[0]}\n${lines[1]!.replace('"update"', '"updat')}\n${lines[2]}\n`);
    const altered = await cli(['--data-dir', data(), 'verify']);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain(`${path.join(...ownHistoryRel(data(), id).split('/'))}: line 2 is not a readable history entry`);
  });

  it('backup --copy-to writes a set another machine can restore from, from the command line', async () => {
    const id = await editedCase();
    const usb = path.join(dir, 'usb');
    await (await import('node:fs/promises')).mkdir(usb);
    const copied = await cli(['--data-dir', data(), 'backup', '--copy-to', usb]);
    expect(copied.code, copied.stderr).toBe(0);
    const [set] = await readdir(usb);
    expect(copied.stdout).toContain(`Copied to ${path.join(usb, set!)}`);
    const [snapshot] = await readdir(path.join(usb, set!, 'backups'));
    const restored = await cli(['--data-dir', path.join(usb, set!), 'restore', snapshot!]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse((await cli(['--data-dir', path.join(usb, set!), 'show', id, '--json'])).stdout).summary).toBe('Transferred to Astana.');
    expect((await cli(['--data-dir', data(), 'backup', 'extra', '--copy-to', usb])).code).toBe(2);
  });

  it('recovers a case file damaged behind the app’s back from the newest snapshot; verify is clean again', async () => {
    const id = await editedCase();
    await cli(['--data-dir', data(), 'backup']);
    await writeFile(path.join(data(), 'cases', `${id}.json`), '{"truncated": tr');
    const verify = await cli(['--data-dir', data(), 'verify']);
    expect(verify.code).toBe(1);
    const quarantined = (await readdir(path.join(data(), 'quarantine'))).find((n) => !n.endsWith('.reason.txt'))!;
    const recovered = await cli(['--data-dir', data(), 'recover', `quarantine/${quarantined}`]);
    expect(recovered.stderr).toBe('');
    expect(recovered.stdout).toMatch(new RegExp(`^Recovered "Серік Әбенов" \\(${id}\\) at revision 3 from \\S+--manual--1c0t\\.casefile-snapshot\\.$`));
    expect((await cli(['--data-dir', data(), 'verify'])).code).toBe(0);
  });

  it('encrypting takes a snapshot first, which the encryption then seals; a locked folder refuses without the passphrase', async () => {
    await editedCase();
    const env = { CASEFILE_NEW_PASSPHRASE: 'Қазақ passphrase', CASEFILE_SCRYPT_N: '1024' };
    expect((await cli(['--data-dir', data(), 'encrypt'], env)).code).toBe(0);
    // Beside the snapshot (a manifest) is the pool of the files it names, backups/blobs/.
    const snapshots = (await readdir(path.join(data(), 'backups'))).filter((n) => n !== 'blobs');
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatch(/--before-encrypt--1c0t\.casefile-snapshot$/);
    const bytes = await readFile(path.join(data(), 'backups', snapshots[0]!));
    expect(bytes.subarray(0, 5).toString('ascii')).toBe('CFENC');
    const refused = await cli(['--data-dir', data(), 'backups']);
    expect(refused.code).toBe(5);
    const listed = await cli(['--data-dir', data(), 'backups', '--json'], { CASEFILE_PASSPHRASE: 'Қазақ passphrase' });
    expect((JSON.parse(listed.stdout) as Array<{ reason: string }>).map((s) => s.reason)).toEqual(['before-encrypt']);
  });
});
