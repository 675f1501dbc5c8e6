import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { listFolder } from '../../../electron/services/disk/folderLayout';
import { tempDir } from '../../helpers/fixtures';

// A machine's identity in a shared folder: made once, kept in local/ (never synced,
// never converted), renamed by the user, replaced when damaged.

describe('team.device', () => {
  it('makes this machine an id once, keeps it in local/device.json, and renames it without changing the id', async () => {
    const { dir, cleanup } = await tempDir();
    const data = path.join(dir, 'data');
    const store = await CaseStore.open(data);
    try {
      const dispatch = createDispatcher(createHandlers(store));
      const first = await dispatch('team.device', {});
      if (!first.ok) throw new Error(first.error.message);
      expect(first.value.id).toMatch(/^[a-z2-7]{8}$/);
      const again = await dispatch('team.device', {});
      expect(again).toEqual(first);
      const renamed = await dispatch('team.setDeviceName', { name: '  Ноутбук Айгүл  ' });
      expect(renamed).toEqual({ ok: true, value: { id: first.value.id, name: 'Ноутбук Айгүл' } });
      expect(JSON.parse(await readFile(path.join(data, 'local', 'device.json'), 'utf8'))).toEqual({ id: first.value.id, name: 'Ноутбук Айгүл' });
      const bad = await dispatch('team.setDeviceName', { name: 'a\u0000b' });
      expect(bad.ok).toBe(false);
      // Not a file to convert or to report as unknown: it never holds case data.
      const { targets, untouched } = await listFolder(data);
      expect([...targets.map((t) => t.rel), ...untouched].some((rel) => rel.startsWith('local'))).toBe(false);

      await writeFile(path.join(data, 'local', 'device.json'), '{"id": 12');
      const remade = await dispatch('team.device', {});
      if (!remade.ok) throw new Error(remade.error.message);
      expect(remade.value.id).not.toBe(first.value.id);
    } finally {
      await store.close();
      await cleanup();
    }
  });
});
