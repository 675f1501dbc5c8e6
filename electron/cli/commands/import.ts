import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OnConflict } from '../../../shared/contract';
import { defineCommand, exactlyOne, JSON_OPTION, pick, printJson, reportError } from '../command';
import { oneLine } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'import',
  usage: 'import FILE [--on-conflict fail|newer|keep-both] [--json]',
  summary: 'import a bundle (validated whole first)',
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
        bytes = await readFile(file);
      } catch (err) {
        io.stderr(`casefile: cannot read ${file}: ${(err as Error).message}`);
        return EXIT.badInput;
      }
      // The bytes go as they are: decoding, parsing and checking happen in a worker, with limits.
      const result = await dispatch('bundle.import', { file: { fileName: path.basename(file), dataBase64: bytes.toString('base64') }, onConflict });
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
