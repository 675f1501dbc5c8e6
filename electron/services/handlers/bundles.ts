import path from 'node:path';
import { open } from 'node:fs/promises';
import { readBundleFile } from '../isolation/importFile';
import { isZip } from '../bundles/containerRules';
import { writeBundleFile } from '../bundles/exportContainer';
import { importContainer, importJson } from '../bundles/importContainer';
import { ServiceError } from '../errors';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

export function bundlesHandlers(folder: Folder): DomainHandlers<'bundle.import' | 'bundle.export' | 'bundle.exportFile' | 'bundle.importFile'> {
  return {
    'bundle.import': async ({ bundle, file, onConflict }, { signal }) => {
      const { store } = folder.open();
      if (bundle) return importJson(store, bundle, onConflict, signal);
      const bytes = Buffer.from(file!.dataBase64, 'base64');
      // A bundle with originals from the window: checked from its bytes in memory, never put in a temp file in the clear.
      if (isZip(bytes)) return importContainer(store, file!.fileName, bytes, onConflict, signal);
      return importJson(store, await readBundleFile(file!.fileName, bytes, signal), onConflict, signal);
    },
    'bundle.export': ({ ids, history }) => folder.open().store.exportBundle(ids, { history }),
    'bundle.exportFile': async ({ ids, history, files, path: target }) => {
      const { store } = folder.open();
      const file = absolute(target);
      return writeBundleFile(store.originals, await store.exportBundle(ids, { history }), file, files);
    },
    'bundle.importFile': async ({ path: given, onConflict }, { signal }) => {
      const { store } = folder.open();
      const file = absolute(given);
      const head = await firstBytes(file);
      if (!isZip(head)) throw new ServiceError('bad_input', `"${path.basename(file)}" is not a ZIP container (NAME.casefile.zip); import a JSON bundle as its bytes instead. Nothing was stored.`);
      return importContainer(store, path.basename(file), file, onConflict, signal);
    },
  };
}

function absolute(file: string): string {
  if (file.includes('\0')) throw new ServiceError('bad_input', 'A file path cannot hold a NUL character.');
  if (!path.isAbsolute(file)) throw new ServiceError('bad_input', `"${file}" is not an absolute path; give the bundle's full path.`);
  return path.normalize(file);
}

async function firstBytes(file: string): Promise<Buffer> {
  try {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(4);
      const { bytesRead } = await handle.read(buf, 0, 4, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new ServiceError('not_found', `Cannot read "${file}": ${(err as Error).message}. Nothing was stored.`);
  }
}
