import { z } from 'zod';
import { DateTime, Id } from '../model/scalars';
import { SourceFile } from '../model/parts';
import { PageLayout } from '../model/pageLayout';

// The contract's words for sources: a file's text read, its original kept and exported.

export const ExtractedSource = z.strictObject({
  text: z.string(),
  title: z.string().optional(),
  format: z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'image']),
  warnings: z.array(z.string()),
  /** The file declared one character set (an HTML meta tag) but its bytes only fit another, which was used; also in `warnings`, as charsetWarning words it. */
  charset: z.strictObject({ declared: z.string(), used: z.string() }).optional(),
});
export type ExtractedSource = z.infer<typeof ExtractedSource>;

/** The warning for ExtractedSource.charset, in English (the window says it in the user's language instead). */
export function charsetWarning({ declared, used }: { declared: string; used: string }): string {
  return `The file declares the "${declared}" character set, but its bytes are ${used} text, so it was read as ${used}. Check that the text looks right.`;
}

/** A file's bytes travel as base64 (JSON over IPC and HTTP); 64 MiB of file at most. */
export const FileUpload = z.strictObject({
  fileName: z.string().min(1).max(255),
  dataBase64: z.base64().max(Math.ceil((64 * 1024 * 1024) / 3) * 4, { error: 'the file is larger than 64 MiB' }),
});

/** The languages OCR reads (tesseract's kaz, rus and eng data, shipped in assets/tessdata). */
export const OcrLang = z.enum(['kk', 'ru', 'en']);
export type OcrLang = z.infer<typeof OcrLang>;

/**
 * A file added as a source's original (issue 17): kept unchanged in the data folder
 * by its SHA-256, its text read (embedded, or by OCR in `ocrLangs`, all three by
 * default). `capturedFrom`/`capturedAt` say where and when it was obtained.
 */
export const SourceIntake = FileUpload.extend({
  ocrLangs: z.array(OcrLang).min(1).max(3).optional(),
  capturedFrom: z.string().trim().min(1).max(2000).optional(),
  capturedAt: DateTime.optional(),
});
export type SourceIntake = z.infer<typeof SourceIntake>;

/** What a photo's own metadata says (EXIF), shown at intake; `gps` set means the photo tells where it was taken. */
export const OriginalMetadata = z.strictObject({
  camera: z.string().optional(),
  takenAt: DateTime.optional(),
  gps: z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
});
export type OriginalMetadata = z.infer<typeof OriginalMetadata>;

/** An added original: the intake record for Source.file, and its text (pages joined by form feeds, shared/text/pages). */
export const SourceIntakeResult = ExtractedSource.extend({
  format: z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'image']),
  file: SourceFile,
  metadata: OriginalMetadata.optional(),
});
export type SourceIntakeResult = z.infer<typeof SourceIntakeResult>;

/** A case's source, by ids. */
export const SourceRef = z.strictObject({ caseId: Id, sourceId: Id });

/** An original's bytes, for the window's viewer (up to 64 MiB; a larger one is saved out instead). */
export const OriginalBytes = z.strictObject({ name: z.string(), mediaType: z.string(), size: z.int().min(0), dataBase64: z.base64() });
export type OriginalBytes = z.infer<typeof OriginalBytes>;

/** Where the words of a source's original lie on its pages; `stale` when the text has been edited since (no layout then). */
export const SourceLayout = z.strictObject({ layout: PageLayout.nullable(), stale: z.boolean() });
export type SourceLayout = z.infer<typeof SourceLayout>;

/**
 * Takes a source's original out of the app, recorded in the case's history (custody):
 * to `to` (an absolute path: the desktop's Save dialog, the command line), streamed and
 * written durably, refused when a file is there unless `overwrite`; without `to`, its
 * bytes for the browser to download (up to 64 MiB).
 */
export const SourceExportOriginal = SourceRef.extend({
  to: z
    .string()
    .min(1)
    .max(4096)
    .regex(/^(?:\/|[A-Za-z]:[\\/]|\\\\)/, { error: 'expected an absolute path (/… or C:\\…)' })
    .optional(),
  overwrite: z.boolean().optional(),
});
export const ExportedOriginal = z.union([z.strictObject({ path: z.string() }), OriginalBytes]);
export type ExportedOriginal = z.infer<typeof ExportedOriginal>;

/** Reads a stored original's text again (OCR in `ocrLangs` for a scan or photo); the caller saves the text in the case. */
export const SourceReread = SourceRef.extend({ ocrLangs: z.array(OcrLang).min(1).max(3).optional() });
