import type { Result } from '../../shared/errors';
import type { SaveKind } from '../../shared/shellCommands';

/** Offers data as a file download through a Blob link (no server round trip): browser mode's way to hand over a file. */
export function downloadBlob(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Where a file the app made went. */
export type Delivery =
  | { kind: 'saved'; path: string } // the desktop app's Save dialog: written where the user chose
  | { kind: 'downloaded'; name: string } // browser mode: handed to the browser's downloads
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: string };

const MIME: Record<SaveKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  bundle: 'application/json',
  briefZip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  sealedBundle: 'application/octet-stream',
  png: 'image/png',
  svg: 'image/svg+xml',
  ics: 'text/calendar',
  bundleZip: 'application/zip',
};

/**
 * Hands a file to the user: in the desktop app through a native Save dialog, in
 * browser mode as a download. Either way the caller learns what happened, so it
 * never reports a file saved that the user cancelled.
 */
export async function deliverFile(name: string, data: Uint8Array | string, kind: SaveKind): Promise<Delivery> {
  const shell = window.casefileShell;
  if (!shell) {
    downloadBlob(name, data as BlobPart, MIME[kind]);
    return { kind: 'downloaded', name };
  }
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  try {
    const outcome = await shell.saveFile(name, bytes, kind);
    if (outcome.saved) return { kind: 'saved', path: outcome.path };
    return outcome.cancelled ? { kind: 'cancelled' } : { kind: 'failed', error: outcome.error };
  } catch (err) {
    return { kind: 'failed', error: (err as Error).message };
  }
}

/** A delivery as an export's answer: null when the user cancelled the Save dialog, an io error when saving failed, else where the file went. */
export function deliveredTo(delivery: Delivery): Result<string | null> {
  if (delivery.kind === 'cancelled') return { ok: true, value: null };
  if (delivery.kind === 'failed') return { ok: false, error: { code: 'io', message: delivery.error } };
  return { ok: true, value: delivery.kind === 'saved' ? delivery.path : delivery.name };
}
