import path from 'node:path';
import { formatPath, type ApiError } from '../../shared/errors';
import { BriefFormat, BriefLang, BriefMode, BriefTemplate, PreparedBy } from '../../shared/model';
import type { BriefCheck } from '../../shared/contract';
import type { Dispatch } from '../services/dispatch';
import { EXIT, type CliIo } from './io';

// `casefile brief`: asks the service whether the template fits and what the cases lack
// (briefs.check, the same question the Brief dialog asks), prints each gap as a warning,
// then renders. A template that does not fit is refused before anything is rendered.

export const BRIEF_OPTIONS = {
  template: { type: 'string' },
  lang: { type: 'string' },
  mode: { type: 'string' },
  format: { type: 'string' },
} as const;

export const BRIEF_USAGE = `  brief ID... --out FILE [--template T] [--lang en|ru|kk] [--mode public|submission|internal]
        [--format pdf|docx] [--tag T ...] [--prepared-by NAME]
                                                     a brief, as PDF or Word (--format, else the name of
                                                     --out: FILE.docx is Word); T: case, wgad,
                                                     urgent-action, ngo, multi; what the cases lack for
                                                     it is printed as warnings, and a template that does
                                                     not fit is refused (exit 2, nothing written)`;

type Values = {
  out?: string | undefined;
  tag?: string[] | undefined;
  'prepared-by'?: string | undefined;
} & { [K in keyof typeof BRIEF_OPTIONS]?: string | undefined };

type Doors = {
  /** run.ts's usage error: reported before the data folder is opened, exit 2. */
  usage: (message: string) => Error;
  /** run.ts's report of a refused operation, with its exit code. */
  report: (error: ApiError) => number;
  /** run.ts's check that the output's folder exists; throws a usage error when not. */
  outputFile: (given: string) => string;
  /** run.ts's durable write; false (reported) when the disk refused. */
  writeOutput: (file: string, data: Uint8Array) => Promise<boolean>;
  pick: <T extends string>(value: string | undefined, allowed: readonly T[], flag: string) => T | undefined;
};

const EXTENSION: Record<BriefFormat, string> = { pdf: '.pdf', docx: '.docx' };
const FORMAT_NAME: Record<BriefFormat, string> = { pdf: 'PDF', docx: 'Word document' };

/** The format asked for: --format, else the output's extension; a file named for one format written as the other is refused. */
function formatFor(out: string, given: BriefFormat | undefined, doors: Doors): BriefFormat {
  const ext = path.extname(out).toLowerCase();
  const named = (BriefFormat.options as readonly BriefFormat[]).find((f) => EXTENSION[f] === ext);
  if (given === undefined) return named ?? 'pdf';
  if (named !== undefined && named !== given) {
    throw doors.usage(`--out ${path.basename(out)} names a ${FORMAT_NAME[named]} but --format is ${given}: give a file name ending in ${EXTENSION[given]}, or --format ${named}`);
  }
  return given;
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

export function planBrief(args: string[], values: Values, io: CliIo, doors: Doors): (dispatch: Dispatch) => Promise<number> {
  if (args.length === 0) throw doors.usage('brief needs at least one case id');
  if (!values.out) throw doors.usage('brief needs --out FILE.pdf (or FILE.docx for Word)');
  const out = doors.outputFile(values.out);
  const template = doors.pick(values.template, BriefTemplate.options, '--template');
  const lang = doors.pick(values.lang, BriefLang.options, '--lang') ?? 'en';
  const mode = doors.pick(values.mode, BriefMode.options, '--mode') ?? 'public';
  const format = formatFor(out, doors.pick(values.format, BriefFormat.options, '--format'), doors);
  const preparedBy = values['prepared-by'];
  if (preparedBy !== undefined && !PreparedBy.safeParse(preparedBy).success) throw doors.usage('--prepared-by needs a name of 1 to 200 characters');

  return async (dispatch) => {
    // The command line speaks English; the brief's language decides which names and summaries are in the wrong script.
    const checked = await dispatch('briefs.check', { ids: args, ...(template ? { template } : {}), mode, lang: 'en', briefLang: lang });
    if (!checked.ok) return doors.report(checked.error);
    const check = checked.value;
    if (check.refused !== undefined) {
      io.stderr(`casefile: ${check.refused} Nothing was written.`);
      return EXIT.badInput;
    }
    for (const g of check.gaps) io.stderr(`casefile: warning: ${g.message}${g.path && g.path.length > 0 ? ` (${formatPath(g.path)})` : ''}`);

    let shown = -1;
    const result = await dispatch(
      'briefs.render',
      { ids: args, template, lang, mode, format, ...(values.tag ? { annotationTags: values.tag } : {}), ...(preparedBy !== undefined ? { preparedBy } : {}) },
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
    if (!result.ok) return doors.report(result.error);
    if (!(await doors.writeOutput(out, Buffer.from(result.value.dataBase64, 'base64')))) return EXIT.failure;
    const size = result.value.format === 'docx' ? `Word, about ${result.value.pages} page(s)` : `${result.value.pages} page(s)`;
    io.stdout(`Wrote ${out} (${result.value.template}, ${size}; ${modeNote(mode, check)}).`);
    const leftOut = result.value.annotationsLeftOut;
    if (leftOut > 0) {
      const review = args.length === 1 ? `casefile annotations ${args[0]}` : 'casefile annotations ID';
      io.stderr(`casefile: ${leftOut} annotation(s) left out: their passage changed or is gone from the source — review them with \`${review}\`.`);
    }
    return EXIT.ok;
  };
}
