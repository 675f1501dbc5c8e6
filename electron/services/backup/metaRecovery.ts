import path from 'node:path';
import { ServiceError } from '../errors';
import { writeFileDurably, type DurableFs } from '../disk/durableFile';
import { parseMeta } from '../store/meta';
import { streamSnapshot } from './snapshotReader';
import { listSnapshots } from './snapshots';

// Putting back a damaged meta.json alone, from the newest snapshot that holds a
// good one (checked whole first: its seal and trailer). The folder's other files
// are left as they are: meta.json says only what layout they are in, and a
// snapshot's meta.json is the folder's own from that day.

export async function recoverMeta(dataDir: string, key: Buffer | null, fs?: DurableFs): Promise<{ snapshot: string }> {
  for (const info of await listSnapshots(dataDir)) {
    let text: string | null = null;
    try {
      await streamSnapshot(dataDir, info.name, key, (e) => {
        if (e.path === 'meta.json') text = e.text;
      });
    } catch (err) {
      if (err instanceof ServiceError) continue; // a damaged snapshot is passed over
      throw err;
    }
    if (text === null) continue;
    try {
      parseMeta(JSON.parse(text));
    } catch {
      continue;
    }
    await writeFileDurably(path.join(dataDir, 'meta.json'), text, fs);
    return { snapshot: info.name };
  }
  throw new ServiceError('not_found', 'No backup holds a good meta.json, so it cannot be put back. Copy meta.json from a copy of the folder (a backup set on another drive), then try again. Nothing was changed.');
}
