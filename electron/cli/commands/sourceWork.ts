import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OcrLang } from '../../../shared/contract';
import type { CaseFile, Source } from '../../../shared/model';
import type { Dispatch } from '../../services/dispatch';
import { printJson, reportError } from '../command';
import { custodyLine, formatBytes } from '../format';
import { EXIT, type CliIo } from '../io';

// The work of `casefile source …` (commands/source.ts checks the line): each action
// through the contract, as the window does it — intake, then the case saved on its rev.

/** What `sources.intake` carries (the file's bytes, base64, whole). */
export const INTAKE_MAX_BYTES = 64 * 1024 * 1024;

type Saved = { c: CaseFile } | { code: number };

/** Saves `change` of the case on the revision it was read at; a save elsewhere meanwhile is a conflict (exit 3). */
async function saveCase(dispatch: Dispatch, io: CliIo, c: CaseFile, change: (draft: CaseFile) => void): Promise<Saved> {
  const draft = structuredClone(c);
  change(draft);
  const saved = await dispatch('cases.update', { id: c.id, baseRev: c.rev, case: draft });
  if (!saved.ok) return { code: reportError(io, saved.error, 'case') };
  return { c: saved.value };
}

function describeFile(s: Source): string[] {
  const f = s.file;
  if (!f) return ['  no original: only the text was kept'];
  return [
    `  original: ${f.name} (${f.mediaType}, ${formatBytes(f.size)})`,
    `  sha256:   ${f.sha256}`,
    ...(f.pages ? [`  pages:    ${f.pages}`] : []),
    ...(f.textBy ? [`  text by:  ${f.textBy}`] : []),
  ];
}

export type AddRequest = { caseId: string; file: string; title?: string; kind?: Source['kind']; from?: string; capturedAt?: string; ocrLangs?: OcrLang[] };

export async function addSource(dispatch: Dispatch, io: CliIo, request: AddRequest): Promise<number> {
  // The case first: an unknown case stores no original.
  const got = await dispatch('cases.get', { id: request.caseId });
  if (!got.ok) return reportError(io, got.error);
  const bytes = await readFile(request.file);
  const fileName = path.basename(request.file);
  const intake = await dispatch('sources.intake', {
    fileName,
    dataBase64: bytes.toString('base64'),
    ...(request.ocrLangs ? { ocrLangs: request.ocrLangs } : {}),
    ...(request.from !== undefined ? { capturedFrom: request.from } : {}),
    ...(request.capturedAt !== undefined ? { capturedAt: request.capturedAt } : {}),
  });
  if (!intake.ok) return reportError(io, intake.error);
  const r = intake.value;
  const title = request.title?.trim() || r.title?.trim() || fileName.replace(/\.[^.]+$/, '') || fileName;
  const known = new Set(got.value.sources.map((s) => s.id));
  const saved = await saveCase(dispatch, io, got.value, (draft) => {
    draft.sources.push({ title, kind: request.kind ?? 'other', text: r.text, file: r.file } as Source);
  });
  if ('code' in saved) return saved.code;
  const added = saved.c.sources.find((s) => !known.has(s.id))!;
  io.stdout(`Added source ${added.id} “${added.title}” to case ${saved.c.id} (revision ${saved.c.rev}).`);
  for (const line of describeFile(added)) io.stdout(line);
  for (const w of r.warnings) io.stderr(`casefile: warning: ${w}`);
  if (r.metadata?.gps) io.stderr(`casefile: warning: the photo carries the place it was taken (${r.metadata.gps.latitude}, ${r.metadata.gps.longitude}); the original keeps it.`);
  return EXIT.ok;
}

export async function originalOut(dispatch: Dispatch, io: CliIo, request: { caseId: string; sourceId: string; to: string; overwrite: boolean }): Promise<number> {
  const r = await dispatch('sources.exportOriginal', request);
  if (!r.ok) return reportError(io, r.error);
  const history = await dispatch('cases.history', { id: request.caseId });
  const line = history.ok ? history.value.findLast((e) => e.custody?.to === ('path' in r.value ? r.value.path : undefined))?.custody : undefined;
  io.stdout(`Saved the original to ${'path' in r.value ? r.value.path : request.to}.`);
  if (line) io.stdout(`Recorded in the case’s history: ${custodyLine(line)}.`);
  return EXIT.ok;
}

export async function rereadSource(dispatch: Dispatch, io: CliIo, request: { caseId: string; sourceId: string; ocrLangs?: OcrLang[] }): Promise<number> {
  const r = await dispatch('sources.reread', request);
  if (!r.ok) return reportError(io, r.error);
  const got = await dispatch('cases.get', { id: request.caseId });
  if (!got.ok) return reportError(io, got.error);
  const before = got.value.sources.find((s) => s.id === request.sourceId);
  if (!before) return reportError(io, { code: 'not_found', message: `Case ${request.caseId} no longer has source ${request.sourceId}.` });
  const { text, file } = r.value;
  if (before.text === text && JSON.stringify(before.file) === JSON.stringify(file)) {
    io.stdout(`The text of “${before.title}” read again is the same (${file.textBy ?? 'embedded'}); nothing was saved.`);
    return EXIT.ok;
  }
  const saved = await saveCase(dispatch, io, got.value, (draft) => {
    const i = draft.sources.findIndex((s) => s.id === request.sourceId);
    // The text's own hash is the store's to compute again.
    const { sha256: _old, ...rest } = draft.sources[i]!;
    draft.sources[i] = { ...rest, text, file } as Source;
  });
  if ('code' in saved) return saved.code;
  const after = saved.c.sources.find((s) => s.id === request.sourceId)!;
  io.stdout(`Read the text of “${after.title}” again (${file.textBy ?? 'embedded'}): ${after.text.length} characters${file.pages ? ` on ${file.pages} page(s)` : ''}; saved as revision ${saved.c.rev}.`);
  for (const w of r.value.warnings) io.stderr(`casefile: warning: ${w}`);
  return EXIT.ok;
}

export async function listSources(dispatch: Dispatch, io: CliIo, caseId: string, json: boolean): Promise<number> {
  const got = await dispatch('cases.get', { id: caseId });
  if (!got.ok) return reportError(io, got.error);
  const rows = got.value.sources.map((s) => ({
    id: s.id,
    title: s.title,
    ...(s.file ? { name: s.file.name, mediaType: s.file.mediaType, size: s.file.size, sha256: s.file.sha256, ...(s.file.pages ? { pages: s.file.pages } : {}), ...(s.file.textBy ? { textBy: s.file.textBy } : {}) } : {}),
  }));
  if (json) {
    printJson(io, rows);
    return EXIT.ok;
  }
  if (rows.length === 0) {
    io.stdout(`Case ${caseId} has no sources.`);
    return EXIT.ok;
  }
  for (const s of got.value.sources) {
    io.stdout(`${s.id}  “${s.title}”`);
    for (const line of describeFile(s)) io.stdout(line);
  }
  return EXIT.ok;
}
