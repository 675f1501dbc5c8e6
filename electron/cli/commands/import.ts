import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OnConflict } from '../../../shared/contract';
import { defineCommand, exactlyOne, JSON_OPTION, pick, printJson, reportError } from '../command';
import { oneLine } from '../format';
import { EXIT } from '../io';
import { isZip } from '../../services/bundles/containerRules';
import { isSealed, sealedWith } from '../../services/bundles/sealing';
import { ServiceError } from '../../services/errors';
import { bundlePassphrase } from '../bundlePassphrase';

export default defineCommand({
  name: 'import',
  usage: 'import FILE [--on-conflict fail|newer|keep-both] [--passphrase-file F] [--json]',
  summary: 'import a bundle (validated whole first)',
  details: 'FILE is a JSON bundle or NAME.casefile.zip with originals: every entry is checked (names, links, sizes,\nSHA-256, compression) before anything is stored.\nA sealed bundle (NAME….age) is opened with its passphrase (--passphrase-file F, else asked for) or with\nthis folder’s own key, then checked the same way.',
  options: {
    'on-conflict': { type: 'string', value: 'fail|newer|keep-both', feeds: 'bundle.import.onConflict', about: 'a case whose id is stored already: store nothing (fail, the default), replace it by a newer version, or keep both' },
    'passphrase-file': { type: 'string', value: 'F', feeds: 'bundle.importFile.passphrase', about: 'a sealed bundle’s passphrase, on the first line of F (else asked for on the terminal)' },
    json: JSON_OPTION,
  },
  plan(args, values, io) {
    const file = path.resolve(io.cwd, exactlyOne('import', args, 'bundle file'));
    const onConflict = pick(values['on-conflict'], OnConflict.options, '--on-conflict') ?? 'fail';
    return async (dispatch) => {
      let bytes: Buffer;
      try {
        bytes = await readStart(file);
      } catch (err) {
        io.stderr(`casefile: cannot read ${file}: ${(err as Error).message}`);
        return EXIT.badInput;
      }
      // The bytes go as they are: decoding, parsing and checking happen in a worker, with limits.
      // A bundle with originals (NAME.casefile.zip) is streamed from its path instead: it may be gigabytes.
      let passphrase: string | undefined;
      if (isSealed(bytes) && sealedWith(bytes) === 'passphrase') {
        try {
          passphrase = await bundlePassphrase(io, values['passphrase-file'], false);
        } catch (err) {
          if (err instanceof ServiceError) return reportError(io, err.toApiError());
          throw err;
        }
      }
      // A sealed bundle goes by its path too: it is opened in memory by the service, never written out unsealed.
      const result = isZip(bytes) || isSealed(bytes)
        ? await dispatch('bundle.importFile', { path: file, onConflict, ...(passphrase !== undefined ? { passphrase } : {}) })
        : await dispatch('bundle.import', { file: { fileName: path.basename(file), dataBase64: bytes.toString('base64') }, onConflict });
      if (!result.ok) {
        // A passphrase refused is said in its own words; faults of the bundle are listed by JSON path.
        const faults = result.error.issues?.filter((i) => i.path[0] !== 'passphrase') ?? [];
        const headline = result.error.code === 'bad_input' && faults.length > 0 ? `${path.basename(file)} was refused; nothing was stored. Faults by JSON path:` : undefined;
        return reportError(io, result.error, 'bundle', headline);
      }
      if (values.json) printJson(io, result.value);
      else {
        for (const r of result.value.results) io.stdout(`${r.action.padEnd(8)} ${r.id}  ${oneLine(r.title)}${r.note ? `  (${oneLine(r.note)})` : ''}`);
        const stored = result.value.results.filter((r) => r.action !== 'skipped').length;
        io.stdout(`Imported ${stored} of ${result.value.results.length} case(s) from ${path.basename(file)}.`);
      }
      return EXIT.ok;
    };
  },
});

/** A ZIP's or a sealed bundle's first bytes only (it is read from its path later); a JSON bundle whole, as before. */
async function readStart(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(128);
    const { bytesRead } = await handle.read(head, 0, 128, 0);
    const start = head.subarray(0, bytesRead);
    if (isZip(start) || isSealed(start)) return start;
  } finally {
    await handle.close();
  }
  return readFile(file);
}
