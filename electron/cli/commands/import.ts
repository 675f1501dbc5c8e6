import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OnConflict } from '../../../shared/contract';
import { defineCommand, exactlyOne, JSON_OPTION, pick, printJson, reportError } from '../command';
import { oneLine } from '../format';
import { EXIT } from '../io';
import { isZip } from '../../services/bundles/containerRules';

export default defineCommand({
  name: 'import',
  usage: 'import FILE [--on-conflict fail|newer|keep-both] [--json]',
  summary: 'import a bundle (validated whole first)',
  details: 'FILE is a JSON bundle or NAME.casefile.zip with originals: every entry is checked (names, links, sizes,\nSHA-256, compression) before anything is stored.',
  options: {
    'on-conflict': { type: 'string', value: 'fail|newer|keep-both', feeds: 'bundle.import.onConflict', about: 'a case whose id is stored already: store nothing (fail, the default), replace it by a newer version, or keep both' },
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
      const result = isZip(bytes)
        ? await dispatch('bundle.importFile', { path: file, onConflict })
        : await dispatch('bundle.import', { file: { fileName: path.basename(file), dataBase64: bytes.toString('base64') }, onConflict });
      if (!result.ok) {
        const headline = result.error.code === 'bad_input' && result.error.issues?.length ? `${path.basename(file)} was refused; nothing was stored. Faults by JSON path:` : undefined;
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

/** A ZIP's first bytes only (it is read from its path later, streamed); a JSON bundle whole, as before. */
async function readStart(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (isZip(head.subarray(0, bytesRead))) return head;
  } finally {
    await handle.close();
  }
  return readFile(file);
}
