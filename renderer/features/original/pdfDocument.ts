import type { PDFDocumentProxy } from 'pdfjs-dist';

// pdf.js is loaded only when an original is viewed (it is large), with its worker
// started by the app, and with eval off: the window's CSP forbids it.

type PdfJs = typeof import('pdfjs-dist');
let loaded: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  return (loaded ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerPort = new Worker(new URL('./pdfWorker.ts', import.meta.url), { type: 'module' });
    return lib;
  }));
}

/** Opens a PDF's bytes for rendering; the caller destroys it when the view goes. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({ data: bytes, isEvalSupported: false, disableAutoFetch: true, disableStream: true, enableXfa: false, stopAtErrors: false }).promise;
}

/**
 * Draws page `n` (from 1) on `canvas`, `cssWidth` pixels wide on screen, sharp on dense
 * screens. The returned function stops the drawing: a canvas takes one drawing at a time,
 * so a new zoom must stop the one still under way.
 */
export function drawPage(doc: PDFDocumentProxy, n: number, canvas: HTMLCanvasElement, cssWidth: number): () => void {
  let stopped = false;
  let task: { cancel(): void } | null = null;
  void (async () => {
    const page = await doc.getPage(n);
    if (stopped) return;
    const base = page.getViewport({ scale: 1 });
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    const render = page.render({ canvas, viewport });
    task = render;
    await render.promise;
  })().catch(() => undefined); // a stopped drawing rejects; a broken page stays blank beside its text
  return () => {
    stopped = true;
    task?.cancel();
  };
}

/** Each page's size in points, for laying out the page boxes before anything is drawn. */
export async function pageSizes(doc: PDFDocumentProxy): Promise<{ width: number; height: number }[]> {
  const sizes: { width: number; height: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const v = (await doc.getPage(n)).getViewport({ scale: 1 });
    sizes.push({ width: v.width, height: v.height });
  }
  return sizes;
}
