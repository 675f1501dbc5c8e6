import { statSync } from 'node:fs';
import path from 'node:path';
import { OcrLang } from '../../../shared/contract';
import { SourceKind } from '../../../shared/model';
import { defineCommand, JSON_OPTION, outputFile, pick, UsageError, type ValuesOf } from '../command';
import { addSource, listSources, originalOut, rereadSource, INTAKE_MAX_BYTES } from './sourceWork';

// `casefile source add|original|ocr|list`: one command with four actions, so the
// line is parsed against the union of their flags (util.parseArgs, strict), then each
// action refuses the flags that are not its own — exit 2, before the folder is opened.

const USAGE = 'source add CASE FILE [--title T] [--kind K] [--from URL] [--captured-at ISO] [--ocr-lang kk,ru,en] | original CASE SOURCE --out PATH [--force] | ocr CASE SOURCE [--ocr-lang kk,ru,en] | list CASE [--json]';

const options = {
  title: { type: 'string', value: 'T', about: 'add: the source’s title (else the document’s own, else the file name)' },
  kind: { type: 'string', value: 'K', about: `add: ${SourceKind.options.join(', ')} (other when absent)` },
  from: { type: 'string', value: 'URL', feeds: 'sources.intake.capturedFrom', about: 'add: where the file was obtained (a URL or a place)' },
  'captured-at': { type: 'string', value: 'ISO', feeds: 'sources.intake.capturedAt', about: 'add: when it was obtained (2024-05-01T10:00:00Z)' },
  'ocr-lang': { type: 'string', value: 'kk,ru,en', feeds: 'sources.intake.ocrLangs', about: 'add, ocr: the languages OCR reads a scan or photo in (all three when absent)' },
  out: { type: 'string', short: 'o', value: 'PATH', feeds: 'sources.exportOriginal.to', about: 'original: where to save the original (its folder must exist)' },
  force: { type: 'boolean', feeds: 'sources.exportOriginal.overwrite', about: 'original: replace a file already at --out' },
  json: { ...JSON_OPTION, about: 'list: print the sources as JSON' },
} as const;

type Values = ValuesOf<typeof options>;
type Flag = keyof typeof options;

const ACTIONS = {
  add: { args: ['CASE', 'FILE'], flags: ['title', 'kind', 'from', 'captured-at', 'ocr-lang'] },
  original: { args: ['CASE', 'SOURCE'], flags: ['out', 'force'] },
  ocr: { args: ['CASE', 'SOURCE'], flags: ['ocr-lang'] },
  list: { args: ['CASE'], flags: ['json'] },
} as const satisfies Record<string, { args: readonly string[]; flags: readonly Flag[] }>;
type Action = keyof typeof ACTIONS;

const usageOf = (action: Action) =>
  `Usage: casefile [--data-dir DIR] source ${USAGE.split(' | ').find((u) => u.replace(/^source /, '').startsWith(`${action} `))!.replace(/^source /, '')}`;

function ocrLangs(value: string | undefined): OcrLang[] | undefined {
  if (value === undefined) return undefined;
  const langs = value.split(',').map((l) => l.trim());
  const bad = langs.filter((l) => !OcrLang.safeParse(l).success);
  if (bad.length > 0 || langs.length > 3) throw new UsageError(`--ocr-lang takes up to three of ${OcrLang.options.join(', ')}, separated by commas (got "${value}")`);
  return [...new Set(langs)] as OcrLang[];
}

function checkLine(action: Action, args: string[], values: Values): void {
  const spec = ACTIONS[action];
  const stray = (Object.keys(values) as Flag[]).filter((f) => Object.hasOwn(options, f) && values[f] !== undefined && !(spec.flags as readonly Flag[]).includes(f));
  const faults = stray.map((f) => {
    const owners = (Object.keys(ACTIONS) as Action[]).filter((a) => (ACTIONS[a].flags as readonly Flag[]).includes(f));
    return `source ${action} has no option --${f}: it is an option of ${owners.map((a) => `source ${a}`).join(', ')}`;
  });
  if (args.length !== spec.args.length) faults.push(`source ${action} takes ${spec.args.join(' and ')} (got ${args.length === 0 ? 'nothing' : `"${args.join(' ')}"`})`);
  if (faults.length > 0) throw new UsageError(`${faults.join('\ncasefile: ')}\n\n${usageOf(action)}`);
}

export default defineCommand({
  name: 'source',
  usage: USAGE,
  summary: 'add a file as a source (its original kept), save an original out, read it again, list them',
  details: [
    'add reads FILE (up to 64 MiB), keeps it unchanged by its SHA-256 and saves the source in the case.',
    'original saves the original, byte for byte, and records who took it where in the case’s history (custody);',
    'the name is Settings → prepared by, else the system user. ocr reads the original’s text again and saves it.',
  ].join('\n'),
  options,
  plan(args, values, io) {
    const [first, ...rest] = args;
    const action = first !== undefined && Object.hasOwn(ACTIONS, first) ? (first as Action) : undefined;
    if (!action) throw new UsageError(`source needs an action: add, original, ocr or list (got ${first === undefined ? 'nothing' : `"${first}"`})\n\nUsage: casefile [--data-dir DIR] ${USAGE}`);
    checkLine(action, rest, values);
    const [caseId, second] = rest as [string, string];
    switch (action) {
      case 'add': {
        const file = path.resolve(io.cwd, second);
        let size: number;
        try {
          const st = statSync(file);
          if (!st.isFile()) throw new UsageError(`${file} is not a file`);
          size = st.size;
        } catch (err) {
          if (err instanceof UsageError) throw err;
          throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
        }
        if (size > INTAKE_MAX_BYTES) {
          throw new UsageError(
            `${file} is ${(size / 1024 / 1024).toFixed(1)} MiB; a source's original can be added up to 64 MiB (the contract carries the file's bytes whole). Nothing was added. Split a long PDF into parts, or keep a large recording outside Casefile and add a text source that names it and its SHA-256 (sha256sum).`,
          );
        }
        const kind = pick(values.kind, SourceKind.options, '--kind');
        const langs = ocrLangs(values['ocr-lang']);
        return (dispatch) => addSource(dispatch, io, { caseId, file, ...(values.title !== undefined ? { title: values.title } : {}), ...(kind ? { kind } : {}), ...(values.from !== undefined ? { from: values.from } : {}), ...(values['captured-at'] !== undefined ? { capturedAt: values['captured-at'] } : {}), ...(langs ? { ocrLangs: langs } : {}) });
      }
      case 'original': {
        if (values.out === undefined) throw new UsageError(`source original needs --out PATH: where to save the original\n\n${usageOf('original')}`);
        const to = outputFile(io.cwd, values.out);
        let there = false;
        try {
          statSync(to);
          there = true;
        } catch {
          // nothing there: the usual case
        }
        if (there && !values.force) throw new UsageError(`${to} exists already; nothing was written. Give another --out, or --force to replace it.`);
        return (dispatch) => originalOut(dispatch, io, { caseId, sourceId: second, to, overwrite: values.force === true });
      }
      case 'ocr': {
        const langs = ocrLangs(values['ocr-lang']);
        return (dispatch) => rereadSource(dispatch, io, { caseId, sourceId: second, ...(langs ? { ocrLangs: langs } : {}) });
      }
      case 'list':
        return (dispatch) => listSources(dispatch, io, caseId, values.json === true);
    }
  },
});
