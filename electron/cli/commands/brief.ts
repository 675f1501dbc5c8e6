import path from 'node:path';
import { formatPath } from '../../../shared/errors';
import { BriefFormat, BriefLang, BriefMode, BriefOriginals, BriefTemplate, PreparedBy } from '../../../shared/model';
import type { BriefCheck } from '../../../shared/contract';
import { defineCommand, outputFile, pick, reportError, UsageError, writeOutput } from '../command';
import { EXIT } from '../io';

// `casefile brief`: asks the service whether the template fits and what the cases lack
// (briefs.check, the same question the Brief dialog asks), prints each gap as a warning,
// then renders. A template that does not fit is refused before anything is rendered.

const EXTENSION: Record<BriefFormat, string> = { pdf: '.pdf', docx: '.docx' };
const FORMAT_NAME: Record<BriefFormat, string> = { pdf: 'PDF', docx: 'Word document' };

/** The format asked for: --format, else the output's extension; a file named for one format written as the other is refused. */
function formatFor(out: string, given: BriefFormat | undefined): BriefFormat {
  const ext = path.extname(out).toLowerCase();
  const named = (BriefFormat.options as readonly BriefFormat[]).find((f) => EXTENSION[f] === ext);
  if (given === undefined) return named ?? 'pdf';
  if (named !== undefined && named !== given) {
    throw new UsageError(`--out ${path.basename(out)} names a ${FORMAT_NAME[named]} but --format is ${given}: give a file name ending in ${EXTENSION[given]}, or --format ${named}`);
  }
  return given;
}

/**
 * `--originals`: a ZIP is written only to a name ending in .zip, and a .zip name only as one, so that the file
 * is what its name says; a Word brief cannot hold attachments.
 */
function originalsFor(out: string, given: BriefOriginals | undefined, format: BriefFormat): BriefOriginals {
  const zipName = path.extname(out).toLowerCase() === '.zip';
  const originals = given ?? 'none';
  if (originals === 'zip' && !zipName) throw new UsageError(`--originals zip writes the brief and its originals as one ZIP: give --out a name ending in .zip, not ${path.basename(out)}`);
  if (originals !== 'zip' && zipName) throw new UsageError(`--out ${path.basename(out)} names a ZIP: add --originals zip to pack the brief with its originals, or give a name ending in ${EXTENSION[format]}`);
  if (originals === 'attach' && format === 'docx') throw new UsageError('--originals attach needs a PDF brief (a Word document cannot hold attachments): use --originals zip for Word');
  return originals;
}

/** What the success line says the mode did to the text. */
function modeNote(mode: BriefMode, check: BriefCheck): string {
  if (mode === 'public') return 'public: its text was checked and holds nothing confidential';
  if (mode === 'internal') return 'internal: every page is stamped CONFIDENTIAL';
  const submitter = check.gaps.some((g) => g.code === 'submission.organization')
    ? 'it names no submitter (Settings → Organisation has no name)'
    : "it carries the submitter's details";
  return `submission: its text was checked; ${submitter}, and nothing working or marked confidential`;
}

export default defineCommand({
  name: 'brief',
  usage: 'brief ID... --out FILE [--template T] [--lang en|ru|kk] [--mode public|submission|internal] [--format pdf|docx] [--originals none|attach|zip] [--no-charts] [--tag T ...] [--prepared-by NAME]',
  summary: 'a brief, as PDF or Word, of one case or several',
  details: [
    'The format is --format, else the name of --out: FILE.docx is Word. What the cases lack for the template is',
    'printed as warnings; a template that does not fit is refused (exit 2, nothing written).',
    'The case, wgad and ngo briefs list the original files behind their sources in an annex; --originals attach',
    'embeds them in the PDF, --originals zip writes FILE.zip holding the brief and files/<name> for each. A photo',
    'leaving a public or submission brief has its location removed from the copy; the stored original is unchanged.',
    'The multi-case brief draws the caseload as charts, each with its numbers as a table; --no-charts leaves them out.',
  ].join('\n'),
  options: {
    out: { type: 'string', short: 'o', value: 'FILE', about: 'where to write the brief (its folder must exist)' },
    template: { type: 'string', value: 'T', feeds: 'briefs.render.template', about: `${BriefTemplate.options.join(', ')} (case for one id, multi for several, when absent)` },
    lang: { type: 'string', value: 'en|ru|kk', feeds: 'briefs.render.lang', about: 'the brief’s language (en when absent)' },
    mode: { type: 'string', value: 'public|submission|internal', feeds: 'briefs.render.mode', about: 'what the brief may show (public when absent)' },
    format: { type: 'string', value: 'pdf|docx', feeds: 'briefs.render.format', about: 'PDF or Word' },
    originals: { type: 'string', value: 'none|attach|zip', feeds: 'briefs.render.originals', about: 'the original files: attached to the PDF, or in one ZIP with the brief (none when absent)' },
    'no-charts': { type: 'boolean', feeds: 'briefs.render.charts', about: 'leave the charts of the caseload out of a multi-case brief' },
    tag: { type: 'string', multiple: true, value: 'T', feeds: 'briefs.render.annotationTags', about: 'keep only annotations with this tag (repeat for more)' },
    'prepared-by': { type: 'string', value: 'NAME', feeds: 'briefs.render.preparedBy', about: 'printed under the title and made the file’s author' },
  },
  plan(args, values, io) {
    if (args.length === 0) throw new UsageError('brief needs at least one case id');
    if (!values.out) throw new UsageError('brief needs --out FILE.pdf (or FILE.docx for Word)');
    const out = outputFile(io.cwd, values.out);
    const template = pick(values.template, BriefTemplate.options, '--template');
    const lang = pick(values.lang, BriefLang.options, '--lang') ?? 'en';
    const mode = pick(values.mode, BriefMode.options, '--mode') ?? 'public';
    const format = formatFor(out, pick(values.format, BriefFormat.options, '--format'));
    const originals = originalsFor(out, pick(values.originals, BriefOriginals.options, '--originals'), format);
    const preparedBy = values['prepared-by'];
    if (preparedBy !== undefined && !PreparedBy.safeParse(preparedBy).success) throw new UsageError('--prepared-by needs a name of 1 to 200 characters');

    return async (dispatch) => {
      // The command line speaks English; the brief's language decides which names and summaries are in the wrong script.
      const checked = await dispatch('briefs.check', { ids: args, ...(template ? { template } : {}), mode, lang: 'en', briefLang: lang });
      if (!checked.ok) return reportError(io, checked.error);
      const check = checked.value;
      if (check.refused !== undefined) {
        io.stderr(`casefile: ${check.refused} Nothing was written.`);
        return EXIT.badInput;
      }
      for (const g of check.gaps) io.stderr(`casefile: warning: ${g.message}${g.path && g.path.length > 0 ? ` (${formatPath(g.path)})` : ''}`);

      let shown = -1;
      const result = await dispatch(
        'briefs.render',
        { ids: args, template, lang, mode, format, originals, ...(values['no-charts'] ? { charts: false } : {}), ...(values.tag ? { annotationTags: values.tag } : {}), ...(preparedBy !== undefined ? { preparedBy } : {}) },
        {
          onProgress: ({ done, total }) => {
            const tenth = Math.floor((done / Math.max(total, 1)) * 10);
            if (total > 1 && tenth !== shown) {
              shown = tenth;
              io.stderr(`Rendering: ${done} of ${total} cases`);
            }
          },
        },
      );
      if (!result.ok) return reportError(io, result.error);
      for (const warning of result.value.warnings ?? []) io.stderr(`casefile: warning: ${warning}`);
      if (!(await writeOutput(io, out, Buffer.from(result.value.dataBase64, 'base64')))) return EXIT.failure;
      const pages = result.value.format === 'docx' ? `Word, about ${result.value.pages} page(s)` : `${result.value.pages} page(s)`;
      const sent = result.value.originalsSent;
      const size = sent === undefined ? pages : `${pages}, ${sent} original file(s) ${originals === 'zip' ? 'beside it in the ZIP' : 'attached'}`;
      io.stdout(`Wrote ${out} (${result.value.template}, ${size}; ${modeNote(mode, check)}).`);
      const leftOut = result.value.annotationsLeftOut;
      if (leftOut > 0) {
        const review = args.length === 1 ? `casefile annotations ${args[0]}` : 'casefile annotations ID';
        io.stderr(`casefile: ${leftOut} annotation(s) left out: their passage changed or is gone from the source — review them with \`${review}\`.`);
      }
      return EXIT.ok;
    };
  },
});
