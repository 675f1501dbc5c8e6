import { rm } from 'node:fs/promises';
import type { PeopleFile } from '../people';
import type { CaseFile, Issue } from '../../../shared/model';
import type { AddressBook } from '../../../shared/model/addressees';
import { ORGANIZATION_FIELDS, organizationForBrief, type Organization } from '../../../shared/organization';
import { caseInLanguage } from './caseLanguage';
import { refusalOf } from './completeness';
import { BriefOptions, ORIGINALS_TEMPLATES, QUOTING_TEMPLATES, type BriefMode, type BriefOptionsInput, type BriefTemplate } from '../../../shared/model/brief';
import { issuesFromZod } from '../../../shared/errors';
import { ServiceError, ioError, isIoError } from '../errors';
import { writeFileDurably } from '../disk/durableFile';
import { DocBuilder } from './doc/builder';
import { documentText, type BriefDocument } from './doc/model';
import { docxText } from './docx/docxText';
import { renderDocx } from './docx/renderDocx';
import { verifiedEvidence } from './evidence';
import { formatDay } from './format';
import { labelsFor, type Labels } from './labels';
import { extractPdfText } from './pdfText';
import { renderPdf } from './layout/renderPdf';
import { originalsRefusal, pdfAttachments } from './originals/options';
import { listOriginals, prepareOriginals, type OriginalReader, type PreparedOriginals } from './originals/outgoing';
import { allowedIn, caseForBrief, describeLeak, findLeaks, publicFieldsContaining, secretsOf, stringsOf, type Allowed, type Secret } from './redaction';
import type { Ctx } from './sections';
import { renderCase } from './templates/case';
import { renderMulti } from './templates/multi';
import { renderNgo } from './templates/ngo';
import { MAX_TIGHTNESS, renderUrgentAction, URGENT_PAGES } from './templates/urgentAction';
import { renderWgad } from './templates/wgad';

export { extractPdfText, type PdfText } from './pdfText';

export type RenderBriefOptions = BriefOptionsInput & {
  /** For the `ngo` template's pattern section: other cases, of which those sharing the authority or a tag are shown. */
  related?: CaseFile[];
  /** The date printed in the header and stored as the PDF's creation date; now when absent. */
  generatedAt?: Date;
  /** Called as the brief renders (for `multi`, after each case's profile). */
  onProgress?: (done: number, total: number) => void;
  /** Who prepared the brief: printed under the title as "Prepared by …" and stored as the PDF's Author (else "Casefile"). */
  preparedBy?: string;
  /** The submitting organisation (Settings → Organisation): its name in every mode, its contact details in submission and internal modes. */
  organization?: Organization;
  /** The bodies to write to, per country (the data folder's address book). */
  addressBook?: AddressBook;
  /** Reads a stored original (the folder's `store.originals.read`): needed when `originals` is attach or zip. */
  readOriginal?: OriginalReader;
  /** Stops reading originals when the caller gives up. */
  signal?: AbortSignal;
  /** The folder's corrections to the people index (people.json): which names are one body. */
  people?: PeopleFile;
};

/**
 * `pdf` is the brief itself; `file` is where it was written, or null when it was rendered to memory only.
 * `annotationsLeftOut`: annotations the brief would have printed but did not, their passage changed or gone
 * (see verifiedEvidence); 0 for a template that prints no annotations.
 */
export type RenderedBrief = {
  file: string | null;
  pages: number;
  bytes: number;
  /** The written file's bytes: a PDF, or a DOCX when `format` is docx. */
  data: Buffer;
  /** The document both writers laid out. */
  document: BriefDocument;
  annotationsLeftOut: number;
  /** The originals the annex lists, with the bytes that leave when the brief carries them, and warnings about them. */
  originals: PreparedOriginals;
};


function documentTitle(template: BriefTemplate, cases: readonly CaseFile[], l: Labels): { title: string; header: string } {
  if (template === 'multi') {
    return { title: `${l.templateTitle.multi} (${cases.length})`, header: l.templateTitle.multi };
  }
  const c = cases[0]!;
  return { title: `${l.templateTitle[template]}: ${c.title}`, header: c.title };
}

/**
 * Renders a brief to `outFile` (null: to memory only, for an encrypted data
 * folder where no plain PDF may touch the disk). A public brief is proven clean before it is
 * written: its text is taken the way any reader would read it (writtenText), and if a
 * confidential string shows up anywhere the export is refused and no file is left.
 */
export async function renderBrief<F extends string | null>(cases: CaseFile[], outFile: F, options: RenderBriefOptions): Promise<RenderedBrief & { file: F }> {
  const { related = [], generatedAt = new Date(), onProgress, preparedBy: by, organization, addressBook, readOriginal, signal, people, ...rest } = options;
  const preparedBy = by?.replace(/\s+/g, ' ').trim() || undefined;
  const parsed = BriefOptions.safeParse(rest);
  if (!parsed.success) throw new ServiceError('bad_input', 'The brief options are not valid.', issuesFromZod(parsed.error));
  const opts = parsed.data;
  const refused = refusalOf(opts.template, cases, 'en');
  if (refused) throw new ServiceError('bad_input', refused);
  const originalsRefused = originalsRefusal(opts);
  if (originalsRefused) throw originalsRefused;

  const l = labelsFor(opts.lang);
  const scope = { mode: opts.mode, annotationTags: opts.annotationTags };
  const views = cases.map((c) => caseInLanguage(caseForBrief(c, scope), opts.lang));
  const relatedViews = related.map((c) => caseInLanguage(caseForBrief(c, scope), opts.lang));
  const org = organizationForBrief(organization, opts.mode);
  const { title, header } = documentTitle(opts.template, cases, l);

  const single = views[0]!;
  const internal = opts.mode === 'internal';
  // The files behind the sources this mode shows (a confidential source is gone from the view, and its file with it).
  const originals = await prepareOriginals(ORIGINALS_TEMPLATES.includes(opts.template) ? listOriginals([single]) : [], opts.originals, opts.mode, readOriginal, signal);
  const attachments = opts.originals === 'attach' ? pdfAttachments(originals.list) : [];
  /** The brief as a document; `tightness` asks an urgent action for a shorter text. */
  const compose = async (tightness: number): Promise<BriefDocument> => {
    const w = new DocBuilder();
    const today = { year: generatedAt.getFullYear(), month: generatedAt.getMonth() + 1, day: generatedAt.getDate() };
    const ctx: Ctx = {
      w, l, lang: opts.lang, mode: opts.mode, date: formatDay(generatedAt, l), today, org: org.printed,
      ...(addressBook ? { addressBook } : {}), ...(preparedBy ? { preparedBy } : {}), originals, ...(people ? { people } : {}),
      ...(opts.template === 'multi' && opts.charts !== false ? { charts: { png: opts.format === 'docx' } } : {}),
    };
    switch (opts.template) {
      case 'case':
        renderCase(ctx, single);
        break;
      case 'wgad':
        if (single.kind === 'political_prisoner') renderWgad(ctx, single);
        break;
      case 'urgent-action':
        renderUrgentAction(ctx, single, tightness);
        break;
      case 'ngo':
        if (single.kind === 'ngo_suspension') renderNgo(ctx, single, relatedViews);
        break;
      case 'multi':
        await renderMulti(ctx, views, onProgress);
        break;
    }
    return {
      meta: {
        title,
        subject: opts.template === 'multi' ? l.templateTitle.multi : `${l.templateTitle[opts.template]} · ${l.kind[cases[0]!.kind]}`,
        // Tags are the team's working labels: a brief to send carries none, not even in its metadata.
        keywords: internal ? ['Casefile', opts.template, ...new Set(cases.flatMap((c) => [c.kind, ...c.tags]))] : [l.templateTitle[opts.template]],
        lang: opts.lang,
        mode: opts.mode,
        generatedAt,
        author: preparedBy ?? (internal ? 'Casefile' : ''),
      },
      furniture: {
        title: header,
        right: internal ? l.generated(formatDay(generatedAt, l)) : '',
        pageLabel: l.pageOf,
        ...(internal ? { stamp: opts.lang === 'en' ? [l.confidentialStamp] : [labelsFor('en').confidentialStamp, l.confidentialStamp] } : {}),
      },
      nodes: w.nodes,
      footnotes: w.footnotes,
    };
  };

  if (opts.template !== 'multi') onProgress?.(0, 1);
  let document = await compose(0);
  let { buffer, pages, readerText } = await renderPdf(document, attachments);
  // An urgent action is read only if it is short: laid out again, shorter, until it fits on two pages.
  for (let tightness = 1; opts.template === 'urgent-action' && pages > URGENT_PAGES && tightness <= MAX_TIGHTNESS; tightness++) {
    document = await compose(tightness);
    ({ buffer, pages, readerText } = await renderPdf(document));
  }
  // A Word brief is the same document; the PDF above still counts its pages and fits the urgent action to two.
  const data = opts.format === 'docx' ? await renderDocx(document) : buffer;
  if (opts.template !== 'multi') onProgress?.(1, 1);

  if (!internal) {
    const secrets: Secret[] = [
      ...cases.flatMap((c, i) => secretsOf(c, opts.mode, cases.length > 1 ? ['cases', i] : [])),
      ...(opts.template === 'ngo' ? related.flatMap((c, i) => secretsOf(c, opts.mode, ['related', i])) : []),
      // The profile's contact details, each under its own name. The role ("Director") is a common word, looked for whole
      // only; the office's address names a city and a street any brief may name, so it is looked for as text, not word by word.
      ...org.withheld.map((text, i): Secret => {
        const field = ORGANIZATION_FIELDS.find((f) => organization?.[f] === text);
        return { path: ['organization', field ?? i], text, kind: field === 'responsibleRole' ? 'exact' : field === 'address' ? 'text' : 'name' };
      }),
    ];
    // Names the brief may print although a secret holds them too: the cases' public names, the bodies written to, the organisation's.
    const allowed = allowedIn([...views, ...relatedViews], [...stringsOf(addressBook), ...stringsOf(org.printed), preparedBy ?? '']);
    // The model first (a leak named before any file exists), then the written file as any reader would read it.
    const shown = { cases: views, related: relatedViews, stored: { cases, related }, mode: opts.mode };
    await refuseLeaks(documentText(document), secrets, allowed, outFile, shown);
    await refuseLeaks(await writtenText(data, opts.format, readerText), secrets, allowed, outFile, shown);
  }

  if (outFile !== null) await writeOut(outFile, data);
  const annotationsLeftOut = QUOTING_TEMPLATES.includes(opts.template) ? verifiedEvidence(single).leftOut : 0;
  return { file: outFile, pages, bytes: data.length, data, document, annotationsLeftOut, originals };
}

/**
 * The text of the file about to be written as any reader would read it (properties included). A PDF's
 * is known from its writing (`readerText`, the glyphs drawn read through the file's own ToUnicode maps:
 * layout/readerText) and parsed back with pdf.js only when that could not follow every run.
 */
async function writtenText(data: Buffer, format: 'pdf' | 'docx', readerText: string | null): Promise<string> {
  if (format === 'pdf') {
    if (readerText !== null) return readerText;
    const extracted = await extractPdfText(data);
    return [extracted.text, ...Object.values(extracted.info)].join('\n');
  }
  try {
    return await docxText(data);
  } catch (err) {
    // Our own writer's output failing to read back is a bug, not the user's input.
    if (err instanceof ServiceError) throw new ServiceError('internal', `The Word brief just written cannot be read back (${err.message}); nothing was written.`);
    throw err;
  }
}

async function refuseLeaks(text: string, secrets: readonly Secret[], allowed: Allowed, outFile: string | null, shown: { cases: CaseFile[]; related: CaseFile[]; stored: { cases: CaseFile[]; related: CaseFile[] }; mode: BriefMode }): Promise<void> {
  if (secrets.length === 0) return;
  const leaks = findLeaks(text, secrets, allowed);
  if (leaks.length === 0) return;
  // A file left at the target from an earlier export would pass for this one.
  if (outFile !== null) await rm(outFile, { force: true });
  const several = shown.cases.length > 1;
  const scope = several ? { cases: shown.cases } : shown.cases[0];
  const stored = several ? { cases: shown.stored.cases } : shown.stored.cases[0];
  const issues: Issue[] = leaks.map((leak) => {
    const where = [...publicFieldsContaining(scope, leak, [], stored), ...publicFieldsContaining({ related: shown.related }, leak, [], { related: shown.stored.related })];
    // With several cases a bare index means little to the user; the title says which case.
    const [list, index] = leak.path;
    const owner = typeof index === 'number' ? (list === 'cases' ? shown.cases[index] : list === 'related' ? shown.related[index] : undefined) : undefined;
    return { path: leak.path, message: describeLeak(leak, where, owner?.title) };
  });
  throw new ServiceError(
    'bad_input',
    `The ${shown.mode} brief was not written: ${issues.map((i) => i.message).join('; ')}. Remove the confidential text from the fields it is repeated in, or export an internal brief.`,
    issues,
  );
}

async function writeOut(outFile: string, buffer: Buffer): Promise<void> {
  try {
    await writeFileDurably(outFile, buffer);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ServiceError('bad_input', `Cannot write the brief to ${outFile}: the folder does not exist.`);
    }
    if (isIoError(err)) throw ioError(err, `write the brief to ${outFile}`);
    throw err;
  }
}
