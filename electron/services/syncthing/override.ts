import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SyncthingOverride } from '../../../shared/team';
import { writeFileDurably } from '../disk/durableFile';
import { LOCAL_DIR } from '../disk/folderLayout';

// Where this machine's Syncthing is, when the usual places are wrong: in the folder's
// machine-local corner (never synced: another laptop's Syncthing has another key).

const overrideFile = (dataDir: string): string => path.join(dataDir, LOCAL_DIR, 'syncthing.json');

export async function readOverride(dataDir: string): Promise<SyncthingOverride> {
  try {
    const parsed = SyncthingOverride.safeParse(JSON.parse(await readFile(overrideFile(dataDir), 'utf8')));
    // A damaged override is as good as none: the usual places are tried instead.
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export async function writeOverride(dataDir: string, value: SyncthingOverride): Promise<void> {
  await mkdir(path.join(dataDir, LOCAL_DIR), { recursive: true });
  await writeFileDurably(overrideFile(dataDir), `${JSON.stringify(value, null, 2)}\n`);
}
