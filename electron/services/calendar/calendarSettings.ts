import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CalendarSettings, type CalendarSettingsPatch } from '../../../shared/calendar';
import { writeFileDurably } from '../disk/durableFile';
import { LOCAL_DIR } from '../disk/folderLayout';

// The calendar's settings live in the folder's machine-local corner: the subscription
// folder is a path on this machine, and whether it notifies is this machine's choice.

const SUBSCRIPTION_FILE = 'casefile-deadlines.ics';

const settingsFile = (dataDir: string): string => path.join(dataDir, LOCAL_DIR, 'calendar.json');

export async function readCalendarSettings(dataDir: string): Promise<CalendarSettings> {
  try {
    const parsed = CalendarSettings.safeParse(JSON.parse(await readFile(settingsFile(dataDir), 'utf8')));
    // Damaged settings are as good as none: no subscription file, the door's default for notifications.
    return parsed.success ? parsed.data : CalendarSettings.parse({});
  } catch {
    return CalendarSettings.parse({});
  }
}

/** The settings `patch` makes of `current`: fields left out stay, a null folder stops the subscription. */
export function patchedSettings(current: CalendarSettings, patch: CalendarSettingsPatch): CalendarSettings {
  const { folder, ...rest } = patch;
  const next: CalendarSettings = { ...current, ...rest };
  if (folder === null) delete next.folder;
  else if (folder !== undefined) next.folder = folder;
  return next;
}

export async function writeCalendarSettings(dataDir: string, settings: CalendarSettings): Promise<void> {
  await mkdir(path.join(dataDir, LOCAL_DIR), { recursive: true });
  await writeFileDurably(settingsFile(dataDir), `${JSON.stringify(settings, null, 2)}\n`);
}

export const subscriptionPath = (settings: CalendarSettings): string | undefined =>
  settings.folder === undefined ? undefined : path.join(settings.folder, SUBSCRIPTION_FILE);
