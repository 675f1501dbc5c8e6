import { z } from 'zod';
import { FolderSettings, type FolderSettingsPatch } from '../../../shared/settings';
import type { CaseStoreBase } from '../store/caseStore';
import { SETTINGS_FILE } from '../disk/folderLayout';
import { mergeOrganization, readOrganization } from './organization';

// settings.json: written through the store's derived-file door, so it is sealed under
// its own name when the folder is encrypted and written durably. The folder layout
// lists it, so encrypting and decrypting a folder convert it with the rest.

const FORMAT = 'casefile-settings';

/** What is on disk: the settings, tagged; keys a newer Casefile added are kept as they are. */
const SettingsFileShape = z.looseObject({ format: z.literal(FORMAT), version: z.int().min(1) });

type Raw = Record<string, unknown>;

async function readRaw(store: CaseStoreBase): Promise<Raw> {
  const bytes = await store.readDerivedFile(SETTINGS_FILE);
  if (!bytes) return {};
  try {
    const parsed = SettingsFileShape.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : {};
  } catch {
    // A damaged settings file holds nothing a case needs: it reads as defaults and the next change rewrites it.
    return {};
  }
}

function known(raw: Raw): FolderSettings {
  const preparedBy = FolderSettings.shape.preparedBy.safeParse(raw.preparedBy);
  const organization = readOrganization(raw.organization);
  return { ...(preparedBy.success && preparedBy.data !== undefined ? { preparedBy: preparedBy.data } : {}), ...(organization ? { organization } : {}) };
}

export async function readFolderSettings(store: CaseStoreBase): Promise<FolderSettings> {
  return known(await readRaw(store));
}

// One change at a time per folder: two read-modify-writes must not interleave.
const queues = new WeakMap<CaseStoreBase, Promise<unknown>>();

export function updateFolderSettings(store: CaseStoreBase, patch: FolderSettingsPatch): Promise<FolderSettings> {
  const run = async (): Promise<FolderSettings> => {
    const raw = await readRaw(store);
    const next: Raw = { ...raw, format: FORMAT, version: 1 };
    for (const [key, value] of Object.entries(patch)) {
      if (key === 'organization' && value !== undefined) {
        // Merged field by field: two fields saved at once (each on leaving it) both stay.
        const organization = mergeOrganization(raw.organization, patch.organization ?? null);
        if (organization) next.organization = organization;
        else delete next.organization;
      } else if (value === null) delete next[key];
      else if (value !== undefined) next[key] = value;
    }
    await store.writeDerivedFile(SETTINGS_FILE, Buffer.from(`${JSON.stringify(next, null, 2)}\n`, 'utf8'));
    return known(next);
  };
  const done = (queues.get(store) ?? Promise.resolve()).then(run, run);
  queues.set(store, done.catch(() => undefined));
  return done;
}
