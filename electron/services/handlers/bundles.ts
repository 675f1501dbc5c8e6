import path from 'node:path';
import { open } from 'node:fs/promises';
import { readBundleFile } from '../isolation/importFile';
import { isZip } from '../bundles/containerRules';
import { bundleBytes } from '../bundles/exportBytes';
import { writeBundleFile } from '../bundles/exportContainer';
import { previewExport } from '../bundles/exportPreview';
import { importContainer, importJson } from '../bundles/importContainer';
import { plainExportRefusal } from '../bundles/plainExport';
import { isSealed, openSealed, sealerFor } from '../bundles/sealing';
import { addPartner, makeFolderKey, openingIdentities, removePartner, sharingKeys } from '../bundles/sharingKeys';
import { ServiceError } from '../errors';
import type { DomainHandlers } from './compose';
import type { Folder } from './folder';

type Ops =
  | 'bundle.import'
  | 'bundle.export'
  | 'bundle.exportFile'
  | 'bundle.importFile'
  | 'bundle.exportSealed'
  | 'bundle.exportBytes'
  | 'bundle.exportPreview'
  | 'bundle.sharingKeys'
  | 'bundle.makeKey'
  | 'bundle.addPartner'
  | 'bundle.removePartner';

export function bundlesHandlers(folder: Folder): DomainHandlers<Ops> {
  return {
    'bundle.import': async ({ bundle, file, onConflict, passphrase }, { signal }) => {
      const { store } = folder.open();
      if (bundle) return importJson(store, bundle, onConflict, signal);
      let bytes: Uint8Array = Buffer.from(file!.dataBase64, 'base64');
      // A sealed bundle is opened in memory, then checked as any other: its plain bytes never touch the disk.
      if (isSealed(bytes)) bytes = await openSealed(file!.fileName, bytes, { passphrase, identities: await openingIdentities(store) });
      // A bundle with originals from the window: checked from its bytes in memory, never put in a temp file in the clear.
      if (isZip(bytes)) return importContainer(store, file!.fileName, bytes, onConflict, signal);
      return importJson(store, await readBundleFile(file!.fileName, bytes, signal), onConflict, signal);
    },
    'bundle.export': ({ ids, history }) => folder.open().store.exportBundle(ids, { history }),
    'bundle.exportFile': async ({ ids, history, files, path: target, seal, plain }) => {
      const { store } = folder.open();
      const file = absolute(target);
      const sealer = seal ? sealerFor(seal) : undefined;
      const bundle = await store.exportBundle(ids, { history });
      if (!sealer && store.encrypted && !plain) throw plainExportRefusal(previewExport(bundle, { encrypted: true, files }));
      return writeBundleFile(store.originals, bundle, file, files, sealer);
    },
    'bundle.importFile': async ({ path: given, onConflict, passphrase }, { signal }) => {
      const { store } = folder.open();
      const file = absolute(given);
      const name = path.basename(file);
      const head = await firstBytes(file);
      if (isSealed(head)) {
        const bytes = await openSealed(name, file, { passphrase, identities: await openingIdentities(store) });
        if (isZip(bytes)) return importContainer(store, name, bytes, onConflict, signal);
        return importJson(store, await readBundleFile(name, bytes, signal), onConflict, signal);
      }
      if (!isZip(head)) throw new ServiceError('bad_input', `"${name}" is not a ZIP container (NAME.casefile.zip); import a JSON bundle as its bytes instead. Nothing was stored.`);
      return importContainer(store, name, file, onConflict, signal);
    },
    'bundle.exportSealed': async ({ ids, history, seal }) => {
      const { store } = folder.open();
      const sealer = sealerFor(seal);
      const sealed = await sealer.bytes(`${JSON.stringify(await store.exportBundle(ids, { history }), null, 2)}\n`);
      return { dataBase64: sealed.toString('base64'), bytes: sealed.length, sealed: sealer.kind };
    },
    'bundle.exportBytes': async ({ ids, history, files, seal, plain }, { signal, onProgress }) => {
      const { store } = folder.open();
      const sealer = seal ? sealerFor(seal) : undefined;
      const bundle = await store.exportBundle(ids, { history });
      if (!sealer && store.encrypted && !plain) throw plainExportRefusal(previewExport(bundle, { encrypted: true, files }));
      const made = await bundleBytes(store.originals, bundle, files, sealer, { signal, onProgress });
      return { dataBase64: made.data.toString('base64'), bytes: made.data.length, format: made.format, originals: made.originals, ...(made.sealed ? { sealed: made.sealed } : {}) };
    },
    'bundle.exportPreview': async ({ ids, history, files }) => {
      const { store } = folder.open();
      return previewExport(await store.exportBundle(ids, { history }), { encrypted: store.encrypted, files });
    },
    'bundle.sharingKeys': () => sharingKeys(folder.open().store),
    'bundle.makeKey': () => makeFolderKey(folder.open().store),
    'bundle.addPartner': (partner) => addPartner(folder.open().store, partner),
    'bundle.removePartner': ({ key }) => removePartner(folder.open().store, key),
  };
}

function absolute(file: string): string {
  if (file.includes('\0')) throw new ServiceError('bad_input', 'A file path cannot hold a NUL character.');
  if (!path.isAbsolute(file)) throw new ServiceError('bad_input', `"${file}" is not an absolute path; give the bundle's full path.`);
  return path.normalize(file);
}

/** Enough of the file to tell a ZIP (4 bytes) from a sealed bundle (age's 22-byte first line). */
async function firstBytes(file: string): Promise<Buffer> {
  try {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(32);
      const { bytesRead } = await handle.read(buf, 0, 32, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new ServiceError('not_found', `Cannot read "${file}": ${(err as Error).message}. Nothing was stored.`);
  }
}
