import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { SAVE_KINDS, type OpenedBundle, type SaveKind, type SaveOutcome } from '../../shared/shellCommands';
import { writeFileDurably } from '../services/disk/durableFile';
import type { ShellStrings } from './strings';

// Files the user moves in and out of the desktop app by hand: a brief or a bundle
// saved where they choose in a native Save dialog, and a bundle the app was asked
// to open. The page never names a path: only the dialog (the user) does.

/** As large as browser mode accepts: a bundle with the full text of every source. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** The file name extensions of bundles, as the installers register them. */
const BUNDLE_SUFFIX = '.casefile.json';

const FILTERS: Record<SaveKind, (text: ShellStrings) => SaveDialogOptions> = {
  pdf: (text) => ({ title: text.saveBrief, filters: [{ name: text.pdfFiles, extensions: ['pdf'] }] }),
  docx: (text) => ({ title: text.saveBrief, filters: [{ name: text.wordFiles, extensions: ['docx'] }] }),
  bundle: (text) => ({ title: text.saveBundle, filters: [{ name: text.bundleFiles, extensions: ['json'] }] }),
  briefZip: (text) => ({ title: text.saveBrief, filters: [{ name: text.briefZipFiles, extensions: ['zip'] }] }),
  xlsx: (text) => ({ title: text.saveTable, filters: [{ name: text.excelFiles, extensions: ['xlsx'] }] }),
  csv: (text) => ({ title: text.saveTable, filters: [{ name: text.csvFiles, extensions: ['csv'] }] }),
  sealedBundle: (text) => ({ title: text.saveBundle, filters: [{ name: text.sealedBundleFiles, extensions: ['age'] }] }),
  png: (text) => ({ title: text.saveChart, filters: [{ name: text.pngFiles, extensions: ['png'] }] }),
  svg: (text) => ({ title: text.saveChart, filters: [{ name: text.svgFiles, extensions: ['svg'] }] }),
  ics: (text) => ({ title: text.saveCalendar, filters: [{ name: text.calendarFiles, extensions: ['ics'] }] }),
  bundleZip: (text) => ({ title: text.saveBundle, filters: [{ name: text.bundleZipFiles, extensions: ['zip'] }] }),
};

/** What the page asks to save, checked: the page is trusted little more than a file it opened. */
export function saveRequest(name: unknown, data: unknown, kind: unknown): { name: string; data: Uint8Array; kind: SaveKind } | null {
  if (typeof name !== 'string' || !(data instanceof Uint8Array) || !(SAVE_KINDS as readonly unknown[]).includes(kind)) return null;
  if (data.byteLength > MAX_FILE_BYTES) return null;
  // Only a name is suggested: any folder part is dropped, and the dialog starts in the user's documents.
  const base = path.basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f<>:"|?*]/g, '_').slice(0, 200);
  return { name: base || (kind === 'pdf' || kind === 'docx' ? `brief.${kind}` : kind === 'briefZip' ? 'brief.zip' : kind === 'sealedBundle' ? `casefile${BUNDLE_SUFFIX}.age` : `casefile${BUNDLE_SUFFIX}`), data, kind: kind as SaveKind };
}

export type SaveDeps = {
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  documentsDir: string;
  text: ShellStrings;
  write?: (file: string, data: Uint8Array) => Promise<void>;
};

/** Asks where to save, then writes the file durably; a cancel or a refusal by the disk is reported, never thrown. */
export async function saveWithDialog(request: { name: string; data: Uint8Array; kind: SaveKind }, deps: SaveDeps): Promise<SaveOutcome> {
  const choice = await deps.showSaveDialog({ ...FILTERS[request.kind](deps.text), defaultPath: path.join(deps.documentsDir, request.name) });
  if (choice.canceled || !choice.filePath) return { saved: false, cancelled: true };
  try {
    await (deps.write ?? writeFileDurably)(choice.filePath, request.data);
    return { saved: true, path: choice.filePath };
  } catch (err) {
    return { saved: false, cancelled: false, error: (err as Error).message };
  }
}

/** The bundle among the arguments the app was started (or asked again) with, if any. */
export function bundleArgument(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(BUNDLE_SUFFIX));
}

/** Reads a bundle the app was asked to open; the import dialog checks it like any other. */
export async function readOpenedBundle(file: string): Promise<OpenedBundle> {
  const name = path.basename(file);
  try {
    const info = await stat(file);
    if (!info.isFile()) return { name, error: `${file} is not a file.` };
    if (info.size > MAX_FILE_BYTES) return { name, error: `${file} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.` };
    return { name, text: await readFile(file, 'utf8') };
  } catch (err) {
    return { name, error: (err as Error).message };
  }
}
