import { createRequire } from 'node:module';
import path from 'node:path';

// pdf.js for the main process, loaded once and without its side effects on the process.
//
// The legacy build (the one that runs on Node 20) installs core-js polyfills when
// it is imported, and some replace built-ins that already work: JSON.stringify and
// JSON.parse (for a JSON.rawJSON proposal), Array.prototype.push, TextEncoder and
// more. Measured here, JSON.stringify became seven times slower and a snapshot of a
// 10,000-case folder three times slower after the first PDF was read — every save,
// read and index of the rest of the session paid for it. So every built-in that
// existed before the import is put back afterwards; what the import added (methods
// Node 20 lacks, which pdf.js needs) stays.

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

/** The objects whose own properties pdf.js's polyfills have been seen to replace, and their kin. */
const guarded = (): object[] =>
  [globalThis, JSON, Object, Object.prototype, Array, Array.prototype, Function.prototype, String, String.prototype, Number, Math, Reflect, Promise, Promise.prototype,
    Map, Map.prototype, Set, Set.prototype, WeakMap.prototype, Symbol, RegExp.prototype, Uint8Array, Uint8Array.prototype, ArrayBuffer.prototype, Error, Date.prototype];

function snapshot(): Array<{ target: object; key: PropertyKey; descriptor: PropertyDescriptor }> {
  const saved: Array<{ target: object; key: PropertyKey; descriptor: PropertyDescriptor }> = [];
  for (const target of guarded()) {
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) saved.push({ target, key, descriptor });
    }
  }
  return saved;
}

function changed(a: PropertyDescriptor, b: PropertyDescriptor | undefined): boolean {
  if (!b) return true;
  // NaN is the one value not equal to itself.
  return !Object.is(a.value, b.value) || a.get !== b.get || a.set !== b.set;
}

/** What was replaced, restored (or removed again when it had been deleted — not seen so far). */
function restore(saved: ReturnType<typeof snapshot>): string[] {
  const restored: string[] = [];
  for (const { target, key, descriptor } of saved) {
    if (!changed(descriptor, Object.getOwnPropertyDescriptor(target, key))) continue;
    try {
      Object.defineProperty(target, key, descriptor);
      restored.push(String(key));
    } catch {
      // A property made non-configurable meanwhile cannot be put back; pdf.js's version stays.
    }
  }
  return restored;
}

/** pdf.js, imported on first use (it is large, and most sessions never read a PDF). */
export function loadPdfJs(): Promise<PdfJs> {
  return (loading ??= (async () => {
    const saved = snapshot();
    try {
      const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // The "fake worker" pdf.js runs in this thread would import its worker module at the first
      // document — with a second set of polyfills, after this guard. Imported here, it registers
      // itself as globalThis.pdfjsWorker, which the fake worker then uses as it is.
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return lib;
    } finally {
      restore(saved);
    }
  })());
}


/** pdf.js's bundled resource folders, as directory paths with the trailing slash it wants. */
function resourceDirs(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: path.join(root, 'cmaps') + path.sep, standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep };
  } catch {
    return {}; // without them only PDFs with unembedded CJK fonts lose text
  }
}

/**
 * getDocument's options for an untrusted PDF: a copy of its bytes (pdf.js may detach
 * the buffer it is given), no font faces, no eval, nothing fetched, no XFA; the only
 * files read are pdf.js's own CMaps and standard fonts.
 */
export function untrustedPdf(bytes: Uint8Array) {
  return {
    data: new Uint8Array(bytes),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    verbosity: 0,
    ...resourceDirs(),
  };
}
