import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseDraft, type AuditEntry, type CaseFile } from '../../../shared/model';
import type { DeviceInfo } from '../../../shared/team';
import { historyFilesOf } from '../../../electron/services/audit/historyFiles';
import { HistoryLog, parseHistoryText } from '../../../electron/services/audit/historyLog';
import { restoreSnapshot } from '../../../electron/services/backup';
import { decryptFolder, encryptFolder, openVault } from '../../../electron/services/folder/convert';
import { aadForPath } from '../../../electron/services/disk/folderLayout';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { cli } from '../../helpers/cli';
import { FAST_KDF } from '../../helpers/cryptoFolder';
import { prisonerDraft, tempDir } from '../../helpers/fixtures';

// Two machines on one data folder, as Syncthing keeps it: each appends only to its own
// history file of a case; the case's history reads back whole, in time order, each
// change naming its device; encryption, snapshots and the tamper checks handle them.
// A machine is simulated by its local/device.json: each store is opened alone with the
// device file of the machine it plays, or on its own copy of the folder kept in step
// by copying files as Syncthing would.

const AIGUL: DeviceInfo = { id: 'aaaaaaaa', name: 'Айгүлдің ноутбугы' };
const SERIK: DeviceInfo = { id: 'bbbbbbbb', name: 'Office box' };
const PASS = 'Команда — team passphrase';
const MARK = 'TEAMMARK7q';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('casefile-team-'));
});
afterEach(() => cleanup());

async function asDevice(dir: string, device: DeviceInfo): Promise<void> {
  await mkdir(path.join(dir, 'local'), { recursive: true });
  await writeFile(path.join(dir, 'local', 'device.json'), JSON.stringify(device));
}

const draftOf = (c: CaseFile, summary: string) => {
  const { id: _id, rev: _rev, createdAt: _c, updatedAt: _u, ...rest } = c;
  return CaseDraft.parse({ ...rest, summary });
};

/** Saves `summary` as `device` (the store opened alone on `dir`, then closed). */
async function saveAs(dir: string, device: DeviceInfo, c: CaseFile, summary: string, passphrase?: string): Promise<CaseFile> {
  await asDevice(dir, device);
  const store = await CaseStore.open(dir, passphrase ? { passphrase } : {});
  try {
    return await store.update(c.id, c.rev, draftOf(c, summary));
  } finally {
    await store.close();
  }
}

async function historyOf(dir: string, id: string, passphrase?: string): Promise<{ entries: AuditEntry[]; verify: Awaited<ReturnType<CaseStore['verify']>>; tampered: CaseStore['tampered'] }> {
  const store = await CaseStore.open(dir, passphrase ? { passphrase } : {});
  try {
    return { entries: await store.history(id), verify: await store.verify(), tampered: store.tampered };
  } finally {
    await store.close();
  }
}

/** Each history file's entries as the disk holds them (opened with the folder key when there is one). */
async function filesOf(dir: string, id: string, key: Buffer | null): Promise<Map<string | null, AuditEntry[]>> {
  const out = new Map<string | null, AuditEntry[]>();
  for (const f of await historyFilesOf(dir, id)) out.set(f.deviceId, parseHistoryText(await readFile(f.file, 'utf8'), key, aadForPath(f.rel)).entries);
  return out;
}

describe('one folder, two devices', () => {
  for (const encrypted of [false, true]) {
    it(`interleaved saves: each device writes only its own file; the history reads back whole, in time order, naming each device (${encrypted ? 'encrypted' : 'plain'})`, async () => {
      const dir = path.join(root, 'data');
      const pass = encrypted ? PASS : undefined;
      await asDevice(dir, AIGUL);
      let store = await CaseStore.open(dir);
      let c = await store.create(CaseDraft.parse(prisonerDraft({ title: `Shared case ${MARK}` })));
      await store.close();
      if (encrypted) await encryptFolder(dir, PASS, FAST_KDF);
      const savedBy: DeviceInfo[] = [AIGUL];
      for (const [i, device] of [SERIK, AIGUL, SERIK, SERIK, AIGUL].entries()) {
        c = await saveAs(dir, device, c, `${MARK} change ${i + 2} by ${device.name}`, pass);
        savedBy.push(device);
      }
      expect(c.rev).toBe(6);

      // Only per-device files: no legacy file, nothing appended by one device to the other's.
      expect((await readdir(path.join(dir, 'history'))).sort()).toEqual([`${c.id}.aaaaaaaa.jsonl`, `${c.id}.bbbbbbbb.jsonl`]);
      const key = encrypted ? await openVault(dir, PASS) : null;
      const files = await filesOf(dir, c.id, key);
      expect(files.get('aaaaaaaa')!.map((e) => e.rev)).toEqual([1, 3, 6]);
      expect(files.get('bbbbbbbb')!.map((e) => e.rev)).toEqual([2, 4, 5]);
      for (const [deviceId, entries] of files) for (const e of entries) expect(e.device?.id).toBe(deviceId);
      if (encrypted) {
        for (const f of await historyFilesOf(dir, c.id)) {
          const raw = await readFile(f.file);
          expect(raw.includes(Buffer.from(MARK)), f.rel).toBe(false);
          expect(raw.includes(Buffer.from('Айгүл')), f.rel).toBe(false);
          for (const line of raw.toString('latin1').split('\n').filter(Boolean)) expect(line.startsWith('CFSEAL:'), f.rel).toBe(true);
        }
      }

      const { entries, verify, tampered } = await historyOf(dir, c.id, pass);
      expect(entries.map((e) => e.rev)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(entries.map((e) => e.device)).toEqual(savedBy);
      expect(entries.map((e) => e.at)).toEqual(entries.map((e) => e.at).toSorted());
      expect(verify.problems).toEqual([]);
      expect(verify.warnings).toEqual([]);
      expect(tampered).toEqual([]);

      if (encrypted) {
        // Decrypted, every device's file is plain JSON again and the history is the same.
        await decryptFolder(dir, PASS);
        const plain = await historyOf(dir, c.id);
        expect(plain.entries).toEqual(entries);
        expect(plain.verify.problems).toEqual([]);
        for (const f of await historyFilesOf(dir, c.id)) expect((await readFile(f.file, 'utf8')).startsWith('{')).toBe(true);
      }
    });
  }

  it('`casefile history` names the device beside each change; --json carries it', async () => {
    const dir = path.join(root, 'data');
    await asDevice(dir, AIGUL);
    const store = await CaseStore.open(dir);
    let c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Named devices' })));
    await store.close();
    c = await saveAs(dir, SERIK, c, 'from the office box');
    const run = await cli(['--data-dir', dir, 'history', c.id]);
    expect(run.code, run.stderr).toBe(0);
    const heads = run.stdout.split('\n').filter((l) => /^\d{4}-/.test(l));
    expect(heads).toHaveLength(2);
    expect(heads[0]).toMatch(new RegExp(`rev 1  created.*  on ${AIGUL.name}$`));
    expect(heads[1]).toMatch(new RegExp(`rev 2  .*  on ${SERIK.name}$`));
    const json = JSON.parse((await cli(['--data-dir', dir, 'history', c.id, '--json'])).stdout) as AuditEntry[];
    expect(json.map((e) => e.device)).toEqual([AIGUL, SERIK]);
  });

  it('an export with history carries the merged history, each entry naming its device; the import keeps them', async () => {
    const dir = path.join(root, 'data');
    await asDevice(dir, AIGUL);
    let store = await CaseStore.open(dir);
    let c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Sent with its history' })));
    await store.close();
    c = await saveAs(dir, SERIK, c, 'by the office box');
    c = await saveAs(dir, AIGUL, c, 'by Aigul');
    store = await CaseStore.open(dir);
    const bundle = await store.exportBundle([c.id], { history: true });
    await store.close();
    const carried = (bundle as { history?: Record<string, AuditEntry[]> }).history![c.id]!;
    expect(carried.map((e) => [e.rev, e.device?.id])).toEqual([
      [1, 'aaaaaaaa'],
      [2, 'bbbbbbbb'],
      [3, 'aaaaaaaa'],
    ]);
    const other = path.join(root, 'partner');
    const partner = await CaseStore.open(other);
    try {
      await partner.importBundle(bundle as Parameters<CaseStore['importBundle']>[0], 'fail');
      const history = await partner.history(c.id);
      // The carried lines keep the device that made each change; the import's own line names the partner's machine.
      expect(history.slice(0, 3).map((e) => [e.rev, e.device?.name, e.imported])).toEqual([
        [1, AIGUL.name, true],
        [2, SERIK.name, true],
        [3, AIGUL.name, true],
      ]);
      expect(history.at(-1)).toMatchObject({ cause: 'import', device: JSON.parse(await readFile(path.join(other, 'local', 'device.json'), 'utf8')) as DeviceInfo });
    } finally {
      await partner.close();
    }
  });

  it('a save cut short on one device, after another device’s save, is unconfirmed there and replaced by its next save', async () => {
    const dir = path.join(root, 'data');
    await asDevice(dir, AIGUL);
    const store = await CaseStore.open(dir);
    let c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Cut short' })));
    await store.close();
    c = await saveAs(dir, SERIK, c, 'revision 2, by the office box');
    // Aigul's machine dies after its line for revision 3, before the case file: the line before it is the office box's.
    await asDevice(dir, AIGUL);
    await new HistoryLog(dir, null).append(c.id, [{ at: new Date().toISOString(), rev: 3, cause: 'update', changes: [{ path: 'summary', old: 'x', new: 'never landed' }], sha256: '0'.repeat(64) }]);
    const seen = await historyOf(dir, c.id);
    expect(seen.tampered).toEqual([]);
    expect(seen.verify.problems).toEqual([]);
    expect(seen.verify.warnings).toEqual([{ file: `history/${c.id}.aaaaaaaa.jsonl`, message: expect.stringContaining('records revision 3, but the case file is still at revision 2') }]);
    c = await saveAs(dir, AIGUL, c, 'revision 3, confirmed');
    const files = await filesOf(dir, c.id, null);
    expect(files.get('aaaaaaaa')!.map((e) => e.rev)).toEqual([1, 3]);
    expect(files.get('aaaaaaaa')!.at(-1)!.changes).toEqual([{ path: 'summary', old: 'revision 2, by the office box', new: 'revision 3, confirmed' }]);
    const after = await historyOf(dir, c.id);
    expect(after.verify.problems).toEqual([]);
    expect(after.verify.warnings).toEqual([]);
  });

  it('a legacy history (before devices) stays readable, is never appended to, and merges with the devices’ files', async () => {
    const dir = path.join(root, 'data');
    await asDevice(dir, AIGUL);
    let store = await CaseStore.open(dir);
    let c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Old case' })));
    c = await store.update(c.id, c.rev, draftOf(c, 'second'));
    await store.close();
    // What an older Casefile left: the same lines under the case's own name.
    const own = path.join(dir, 'history', `${c.id}.aaaaaaaa.jsonl`);
    const legacy = path.join(dir, 'history', `${c.id}.jsonl`);
    const legacyText = await readFile(own, 'utf8');
    await writeFile(legacy, legacyText);
    await writeFile(own, '');
    c = await saveAs(dir, SERIK, c, 'third, by the office box');
    expect(await readFile(legacy, 'utf8')).toBe(legacyText);
    const { entries, verify } = await historyOf(dir, c.id);
    expect(entries.map((e) => [e.rev, e.device?.id])).toEqual([
      [1, 'aaaaaaaa'],
      [2, 'aaaaaaaa'],
      [3, 'bbbbbbbb'],
    ]);
    expect(verify.problems).toEqual([]);
  });

  it('a snapshot and its restore bring back every device’s file; the restore’s line goes to the restoring device’s', async () => {
    const dir = path.join(root, 'data');
    await asDevice(dir, AIGUL);
    let store = await CaseStore.open(dir);
    let c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Snapshotted' })));
    await store.close();
    c = await saveAs(dir, SERIK, c, 'by the office box');
    c = await saveAs(dir, AIGUL, c, 'by Aigul');
    store = await CaseStore.open(dir);
    const snap = await store.backup('manual');
    await store.close();
    const before = await filesOf(dir, c.id, null);
    c = await saveAs(dir, SERIK, c, 'after the snapshot');
    // The office box's file changed since; the restore (on Aigul's machine) puts both back.
    await asDevice(dir, AIGUL);
    await restoreSnapshot(dir, snap.name, null);
    const after = await filesOf(dir, c.id, null);
    expect(after.get('bbbbbbbb')).toEqual(before.get('bbbbbbbb'));
    expect(after.get('aaaaaaaa')!.slice(0, -1)).toEqual(before.get('aaaaaaaa'));
    expect(after.get('aaaaaaaa')!.at(-1)).toMatchObject({ cause: 'backup-restore', rev: 3, device: AIGUL });
    const { entries, verify } = await historyOf(dir, c.id);
    expect(entries.map((e) => e.rev)).toEqual([1, 2, 3, 3]);
    expect(verify.problems).toEqual([]);
  });
});

describe('two machines kept in step by copying files, as Syncthing does', () => {
  /** Copies one file from A's folder to B's, as a sync of that file would. */
  const carry = async (from: string, to: string, rel: string) => {
    await mkdir(path.dirname(path.join(to, rel)), { recursive: true });
    await cp(path.join(from, rel), path.join(to, rel), { preserveTimestamps: true });
  };

  it('a case whose other half has not arrived is waiting for that device, not tampering; a line edited in the middle still is', async () => {
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    await asDevice(a, AIGUL);
    await asDevice(b, SERIK);
    let store = await CaseStore.open(a);
    let c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Travelling case' })));
    await store.close();
    const caseRel = `cases/${c.id}.json`;
    const aLog = `history/${c.id}.aaaaaaaa.jsonl`;
    await carry(a, b, caseRel);
    await carry(a, b, aLog);
    let seen = await historyOf(b, c.id);
    expect(seen.tampered).toEqual([]);
    expect(seen.verify.problems).toEqual([]);
    expect(seen.verify.warnings).toEqual([]);

    // A saves twice; only the case file reaches B: B's copy is ahead of every line it has.
    c = await saveAs(a, AIGUL, c, 'second');
    c = await saveAs(a, AIGUL, c, 'third');
    await carry(a, b, caseRel);
    seen = await historyOf(b, c.id);
    expect(seen.tampered).toEqual([]);
    expect(seen.verify.problems).toEqual([]);
    expect(seen.verify.warnings).toEqual([{ file: aLog, message: expect.stringMatching(/^waiting for another device's history: the case file is at revision 3.*revisions 2–3/) }]);

    // The lines arrive: nothing to report.
    await carry(a, b, aLog);
    seen = await historyOf(b, c.id);
    expect(seen.verify.problems).toEqual([]);
    expect(seen.verify.warnings).toEqual([]);
    expect(seen.entries.map((e) => e.rev)).toEqual([1, 2, 3]);

    // B saves; A gets B's history line before the case file: A's copy is behind a line of B's.
    const bCase = await saveAs(b, SERIK, c, 'fourth, from the office box');
    const bLog = `history/${c.id}.bbbbbbbb.jsonl`;
    await carry(b, a, bLog);
    seen = await historyOf(a, c.id);
    expect(seen.tampered).toEqual([]);
    expect(seen.verify.problems).toEqual([]);
    expect(seen.verify.warnings).toEqual([{ file: caseRel, message: expect.stringContaining(`waiting for that device's case file: the device "${SERIK.name}" saved revision 4`) }]);
    await carry(b, a, caseRel);
    seen = await historyOf(a, c.id);
    expect(seen.verify.problems).toEqual([]);
    expect(seen.verify.warnings).toEqual([]);
    expect(seen.entries.map((e) => [e.rev, e.device?.name])).toEqual([
      [1, AIGUL.name],
      [2, AIGUL.name],
      [3, AIGUL.name],
      [4, SERIK.name],
    ]);
    expect(bCase.rev).toBe(4);

    // A line of A's file edited in the middle, in B's copy: tampering, as on one machine.
    const lines = (await readFile(path.join(b, aLog), 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('"second"', '"rewritten"');
    await writeFile(path.join(b, aLog), lines.join('\n'));
    seen = await historyOf(b, c.id);
    expect(seen.verify.problems).toEqual([expect.objectContaining({ file: aLog, message: expect.stringMatching(/^altered: line 3 does not follow the line before it/) })]);
  });

  it('a case that arrived from another device and differs from this machine’s manifest is vouched for by that device’s history', async () => {
    const a = path.join(root, 'a');
    const b = path.join(root, 'b');
    await asDevice(a, AIGUL);
    await asDevice(b, SERIK);
    let store = await CaseStore.open(a);
    let c = await store.create(CaseDraft.parse(prisonerDraft({ title: 'Both edit it' })));
    await store.close();
    for (const rel of [`cases/${c.id}.json`, `history/${c.id}.aaaaaaaa.jsonl`]) await carry(a, b, rel);
    // Both save revision 2 while apart; Syncthing keeps B's case file on A (the other goes to a conflict copy).
    c = await saveAs(a, AIGUL, c, 'Aigul’s revision 2');
    const fromB = await saveAs(b, SERIK, c.rev === 2 ? { ...c, rev: 1 } : c, 'the office box’s revision 2');
    expect(fromB.rev).toBe(2);
    for (const rel of [`cases/${c.id}.json`, `history/${c.id}.bbbbbbbb.jsonl`]) await carry(b, a, rel);
    const seen = await historyOf(a, c.id);
    // A's manifest and A's own line say revision 2 was Aigul's; B's line vouches for the file: not tampering.
    expect(seen.tampered).toEqual([]);
    expect(seen.verify.problems).toEqual([]);
  });
});
