import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/services/dispatch';
import { createHandlers } from '../../../electron/services/handlers';
import { CaseStore } from '../../../electron/services/folder/caseStore';
import { ChosenFolders, chooseFolder, NOT_CHOSEN_CALENDAR_MESSAGE, onlyChosenFolders } from '../../../electron/shell/chosenFolders';
import { tempDir } from '../../helpers/fixtures';

// In the desktop app the subscription file goes only where the folder dialog pointed:
// a page that names a path itself (a compromised renderer) gets nothing written.

describe('calendar.setSettings in the desktop shell', () => {
  it('refuses a folder the page names and takes one the dialog returned', async () => {
    const { dir, cleanup } = await tempDir();
    const store = await CaseStore.open(path.join(dir, 'data'));
    try {
      const chosen = new ChosenFolders();
      const dispatch = onlyChosenFolders(createDispatcher(createHandlers(store)), chosen);
      const out = path.join(dir, 'Calendars');
      await mkdir(out);
      expect(await dispatch('calendar.setSettings', { folder: out })).toEqual({ ok: false, error: { code: 'bad_input', message: NOT_CHOSEN_CALENDAR_MESSAGE } });
      expect(existsSync(path.join(out, 'casefile-deadlines.ics'))).toBe(false);
      // Switches that name no folder pass.
      expect((await dispatch('calendar.setSettings', { notify: false })).ok).toBe(true);
      await chooseFolder(async () => ({ canceled: false, filePaths: [out] }), chosen, 'Calendar');
      expect(await dispatch('calendar.setSettings', { folder: out })).toMatchObject({ ok: true, value: { folder: out, notify: false } });
      expect(existsSync(path.join(out, 'casefile-deadlines.ics'))).toBe(true);
    } finally {
      await store.close();
      await cleanup();
    }
  });
});
