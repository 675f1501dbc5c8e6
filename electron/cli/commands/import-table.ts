import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuplicateChoice, TableMapping } from '../../../shared/tables';
import { defineCommand, exactlyOne, JSON_OPTION, pick, printJson, reportError, UsageError } from '../command';
import { oneLine } from '../format';
import { EXIT } from '../io';

export default defineCommand({
  name: 'import-table',
  usage: 'import-table FILE [--mapping MAP.json] [--sheet NAME] [--duplicates skip|update|keep-both] [--dry-run] [--json]',
  summary: 'import cases from a spreadsheet (.xlsx or .csv), every row checked first',
  details:
    'Without --mapping, prints the mapping it would use (the one saved for these headers, or one suggested\nfrom them) as JSON: save it as MAP.json, correct it, and pass it with --mapping. Nothing is stored then.\nMAP.json: {"kind":"political_prisoner","groupBy":"ФИО","code":"Criminal Code","columns":[{"column":"ФИО","field":"name"},…]}.',
  options: {
    mapping: { type: 'string', value: 'MAP.json', feeds: 'tables.import.mapping', about: 'the columns and the field each fills (see above)' },
    sheet: { type: 'string', value: 'NAME', feeds: 'tables.import.sheet', about: 'the sheet of an .xlsx to read (the first visible one when absent)' },
    duplicates: { type: 'string', value: 'skip|update|keep-both', feeds: 'tables.import.onDuplicate', about: 'a row naming a stored person or organisation: skip it (the default), update the stored case, or keep both' },
    'dry-run': { type: 'boolean', feeds: 'tables.import.dryRun', about: 'check every row and say what would be stored; store nothing' },
    json: JSON_OPTION,
  },
  plan(args, values, io) {
    const file = path.resolve(io.cwd, exactlyOne('import-table', args, 'spreadsheet file'));
    const onDuplicate = pick(values.duplicates, DuplicateChoice.options, '--duplicates') ?? 'skip';
    const mapFile = values.mapping === undefined ? undefined : path.resolve(io.cwd, values.mapping);
    return async (dispatch) => {
      let bytes: Buffer;
      let mapping: TableMapping | undefined;
      try {
        bytes = await readFile(file);
        if (mapFile) {
          const parsed = TableMapping.safeParse(JSON.parse(await readFile(mapFile, 'utf8')));
          if (!parsed.success) throw new UsageError(`${mapFile} is not a mapping: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
          mapping = parsed.data;
        }
      } catch (err) {
        io.stderr(`casefile: cannot read ${(err as NodeJS.ErrnoException).path ?? mapFile ?? file}: ${(err as Error).message}`);
        return EXIT.badInput;
      }
      const upload = { fileName: path.basename(file), dataBase64: bytes.toString('base64') };
      const sheet = values.sheet === undefined ? {} : { sheet: values.sheet };
      if (!mapping) {
        const preview = await dispatch('tables.preview', { file: upload, ...sheet });
        if (!preview.ok) return reportError(io, preview.error);
        const p = preview.value;
        printJson(io, p.mapping);
        io.stderr(`${p.mappingFrom === 'saved' ? 'The mapping saved for these headers' : 'A mapping suggested from the headers'}: ${p.cases} case(s) from ${p.rows} row(s) of ${p.sheet}, ${p.refused.length} refused cell(s), ${p.duplicates.length} duplicate(s). Nothing was stored; save the JSON above and import with --mapping.`);
        for (const r of p.refused.slice(0, 100)) io.stderr(`  ${r.cell}${r.header ? ` «${r.header}»` : ''}: ${r.message}`);
        return EXIT.ok;
      }
      const result = await dispatch('tables.import', { file: upload, mapping, ...sheet, onDuplicate, dryRun: values['dry-run'] === true });
      if (!result.ok) return reportError(io, result.error);
      if (values.json) printJson(io, result.value);
      else {
        for (const r of result.value.results) io.stdout(`${r.action.padEnd(8)} row ${String(r.row).padEnd(6)} ${r.id ?? '(new)'}  ${oneLine(r.title)}${r.note ? `  (${oneLine(r.note)})` : ''}`);
        const stored = result.value.results.filter((r) => r.action !== 'skipped').length;
        io.stdout(result.value.dryRun ? `Dry run: ${stored} case(s) would be stored from ${upload.fileName}; nothing was stored.` : `Imported ${stored} of ${result.value.results.length} case(s) from ${upload.fileName}.`);
      }
      return EXIT.ok;
    };
  },
});
