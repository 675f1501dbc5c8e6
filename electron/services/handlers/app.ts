import pkg from '../../../package.json' with { type: 'json' };
import { loadSampleBundle } from '../samples';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

const APP_NAME = 'Casefile';
export const APP_VERSION: string = pkg.version;

export function appHandlers(folder: Folder): DomainHandlers<'app.info' | 'app.sampleBundle'> {
  return {
    'app.info': async () => {
      const { store } = folder.open();
      await store.confirmed().catch(() => undefined); // what the open found tampered with is known once the files are checked
      return {
        name: APP_NAME,
        version: APP_VERSION,
        dataDir: store.dataDir,
        schemaVersion: store.schemaVersion,
        encrypted: store.encrypted,
        caseCount: store.count(),
        trashCount: (await store.listTrash()).length,
        quarantined: await store.listQuarantine(),
        unconfirmedSaves: [...store.unconfirmedSaves],
        tampered: [...store.tampered],
        originals: await store.originals.list().then((all) => ({ count: all.length, bytes: all.reduce((n, o) => n + o.bytesOnDisk, 0) })),
      };
    },
    'app.sampleBundle': () => {
      folder.open();
      return loadSampleBundle();
    },
  };
}
