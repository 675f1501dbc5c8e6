import type { OpOutput, OpParsedInput } from '../../../shared/contract';
import type { CaseFile } from '../../../shared/model';
import { ServiceError } from '../errors';
import { throwIfCancelled, type CallContext } from '../callContext';
import type { CaseStoreBase } from '../store/caseStore';
import { readAddressBook } from '../addressees';
import { readFolderSettings } from '../settings/folderSettings';
import { bodyKeyOf, caseFactsOf, readCuration, type PeopleFile } from '../people';
import { checkBrief } from './completeness';
import { subjectName } from './sections';
import type { BriefMode, BriefOriginals } from '../../../shared/model/brief';
import { friendlyFileName } from '../../../shared/text/fileName';
import { formatCalendarDate, localToday } from '../../../shared/text/dates';
import { renderBrief } from './index';
import type { OriginalReader, OutgoingOriginal } from './originals/outgoing';
import { custodian, type Custodian } from '../sources/exportOriginal';
import { packBriefZip } from './originals/zip';

/**
 * `kenzhebek-abishev-wgad-ru-2026-12-06.pdf`, `3-cases-multi-en-…`: the subject's name as written
 * in the case (so every language's brief of one person sorts together), never the case's title.
 * A brief that may carry confidential matter says so in its name (`-internal-`, `-submission-`),
 * so that it is not mistaken for the public one when attached to an e-mail.
 */
export function briefFileName(cases: readonly CaseFile[], template: string, lang: string, mode: BriefMode, format: string, today = localToday()): string {
  const subject = template === 'multi' ? `${cases.length} ${cases.length === 1 ? 'case' : 'cases'}` : cases[0] ? subjectName(cases[0]) : '';
  const tail = [template, lang, ...(mode === 'public' ? [] : [mode]), formatCalendarDate(today)];
  return friendlyFileName({ subject, tail, ext: format, fallback: 'brief' });
}

/**
 * NGO cases that share the measure's authority or a tag: the pattern section of the `ngo` brief.
 * The authority is matched as the people index matches it — across spellings and scripts, and
 * through the team's merges — not by its exact string.
 */
async function relatedNgoCases(store: CaseStoreBase, subject: CaseFile, people: PeopleFile, mode: BriefMode, context: CallContext): Promise<CaseFile[]> {
  if (subject.kind !== 'ngo_suspension') return [];
  const bodyKey = bodyKeyOf(people);
  const authority = bodyKey(subject.measure.authority);
  // Candidates from the facts index (each case's authority as the people index read it) and the
  // summaries' tags, so that only the cases of the pattern are read — not every NGO case. Tags are
  // working labels, gone from every brief but the team's own (redaction/view): only there do they relate.
  const tags = mode === 'internal' ? subject.tags : [];
  const facts = await caseFactsOf(store).entries(context.signal ? { signal: context.signal } : {});
  const related: CaseFile[] = [];
  for (const row of store.list({ kind: 'ngo_suspension' })) {
    if (row.id === subject.id) continue;
    const sameAuthority = authority !== null && (facts.get(row.id)?.people ?? []).some((a) => a.path[0] === 'measure' && a.path[1] === 'authority' && bodyKey(a.spelling) === authority);
    if (!sameAuthority && !row.tags.some((t) => tags.includes(t))) continue;
    const c = await store.get(row.id).catch(() => null); // gone meanwhile: not part of the pattern
    if (c?.kind === 'ngo_suspension') related.push(c);
  }
  return related;
}

/** Loads the cases a brief names, refusing an unknown id by its place in the list. */
async function loadCases(store: CaseStoreBase, ids: readonly string[]): Promise<CaseFile[]> {
  const cases: CaseFile[] = [];
  // `brief A A` is one case: a second profile of it would only pad the brief.
  for (const id of new Set(ids)) {
    if (!store.has(id)) throw new ServiceError('bad_input', `No case with id "${id}"; nothing was written. (\`casefile list\` shows the ids.)`, [{ path: ['ids', ids.indexOf(id)], message: 'no such case' }]);
    cases.push(await store.get(id));
  }
  return cases;
}

/** `briefs.check`: whether the template fits the cases and what they lack for it, before anything is rendered. */
export async function checkBriefOperation(store: CaseStoreBase, input: OpParsedInput<'briefs.check'>): Promise<OpOutput<'briefs.check'>> {
  const cases = await loadCases(store, input.ids);
  const { organization } = await readFolderSettings(store);
  const { book: addressBook } = await readAddressBook(store, { seed: false });
  return checkBrief(cases, input.template ?? (cases.length === 1 ? 'case' : 'multi'), input.mode, input.lang, {
    addressBook,
    ...(organization ? { organization } : {}),
    ...(input.briefLang ? { briefLang: input.briefLang } : {}),
  });
}

/** `briefs.render`'s input; `originals` may be left out by a caller inside the core (none). */
type BriefRenderInput = Omit<OpParsedInput<'briefs.render'>, 'originals'> & { originals?: BriefOriginals };

/**
 * `briefs.render`: loads the cases, renders the brief (which refuses a public
 * brief that would show anything confidential), and returns the PDF's bytes; the
 * door decides where they go (a file, a download, a save dialog).
 */
/** One custody line per distinct original the brief carries, in the case whose source it is. */
async function recordBriefCustody(store: CaseStoreBase, cases: readonly CaseFile[], list: readonly OutgoingOriginal[], fileName: string, who: Custodian): Promise<void> {
  const seen = new Set<string>();
  for (const o of list) {
    const owner = cases.find((c) => c.sources.some((s) => s.id === o.source.id));
    const key = `${owner?.id}/${o.source.id}/${o.file.sha256}`;
    if (!o.data || !owner || seen.has(key)) continue;
    seen.add(key);
    await store.recordCustody(owner.id, { ...who, action: 'briefed', sourceId: o.source.id, title: o.source.title, name: o.name, sha256: o.file.sha256, to: fileName });
  }
}

export async function renderBriefOperation(store: CaseStoreBase, input: BriefRenderInput, context: CallContext, readOriginal?: OriginalReader): Promise<OpOutput<'briefs.render'>> {
  const cancelled = () => throwIfCancelled(context.signal, 'The brief');
  const cases = await loadCases(store, input.ids);
  const template = input.template ?? (cases.length === 1 ? 'case' : 'multi');
  await testDelay(context.signal);
  cancelled();
  // The people index's corrections (people.json), read only: rendering a brief leaves the folder as it was.
  const { curation: people } = await readCuration(store);
  const related = template === 'ngo' && cases[0] ? await relatedNgoCases(store, cases[0], people, input.mode, context) : [];
  const { organization, preparedBy } = await readFolderSettings(store);
  const { book: addressBook } = await readAddressBook(store, { seed: false });
  // Rendered to memory, never to a working file: the bytes go back to the caller, which writes them
  // where the user chose. A working copy in the folder was written durably (two fsyncs, 3–60 ms on a
  // busy disk), read back and deleted for every brief; and an encrypted folder must never hold a plain
  // PDF, not even for a moment. A ZIP is made in memory from the brief's bytes.
  const how = input.originals ?? 'none';
  const zipped = how === 'zip';
  const generatedAt = new Date();
  const rendered = await renderBrief(cases, null, {
    template,
    lang: input.lang,
    mode: input.mode,
    format: input.format,
    ...(input.annotationTags ? { annotationTags: input.annotationTags } : {}),
    ...(input.preparedBy ? { preparedBy: input.preparedBy } : {}),
    related,
    people,
    addressBook,
    ...(organization ? { organization } : {}),
    originals: how,
    ...(input.charts !== undefined ? { charts: input.charts } : {}),
    generatedAt,
    ...(readOriginal ? { readOriginal } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
    onProgress: (done, total) => {
      cancelled(); // between a multi-case brief's cases: the render stops there
      context.onProgress?.({ done, total, label: 'brief' });
    },
  });
  cancelled();
  const briefName = briefFileName(cases, template, input.lang, input.mode, input.format);
  const brief = rendered.data;
  const bytes = zipped ? await packBriefZip(briefName, brief, rendered.originals.list, generatedAt) : brief;
  const sent = how === 'none' ? 0 : new Set(rendered.originals.list.filter((o) => o.data).map((o) => o.name)).size;
  const fileName = zipped ? `${briefName.replace(/\.[^.]+$/, '')}.zip` : briefName;
  cancelled();
  // Originals that leave inside the brief leave Casefile: each is recorded in its case's history (custody).
  await recordBriefCustody(store, cases, rendered.originals.list, fileName, custodian(input.preparedBy ?? preparedBy));
  return {
    fileName,
    template,
    format: input.format,
    pages: rendered.pages,
    bytes: bytes.length,
    dataBase64: bytes.toString('base64'),
    annotationsLeftOut: rendered.annotationsLeftOut,
    ...(how !== 'none' ? { originalsSent: sent } : {}),
    ...(rendered.originals.warnings.length > 0 ? { warnings: rendered.originals.warnings } : {}),
  };
}

/**
 * End-to-end tests set CASEFILE_TEST_BRIEF_DELAY_MS to hold a render long enough to
 * press Cancel during it; without the variable this returns at once. It ends early on
 * the signal, as a slow render would at its next step.
 */
function testDelay(signal: AbortSignal | undefined): Promise<void> {
  const ms = Number(process.env.CASEFILE_TEST_BRIEF_DELAY_MS ?? 0);
  if (!(ms > 0) || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
