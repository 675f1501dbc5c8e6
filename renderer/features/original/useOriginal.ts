import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useCurrentSession } from '../../lib/caseSession';
import type { LayoutPage } from '../../../shared/model/pageLayout';
import type { Source } from '../../../shared/model';
import { api } from '../../api';
import { openPdf, pageSizes } from './pdfDocument';
import { layoutFromPdf } from './pdfTextLayout';
import { splitIntoWords } from './geometry';
import { base64ToBytes } from '../../lib/fileBase64';

/** Images a browser draws itself; a TIFF, say, is not one of them. */
const SHOWN_IMAGES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/bmp']);

export type Original =
  | { phase: 'loading' }
  /** The source's file is not on disk yet (the case is being saved). */
  | { phase: 'unsaved' }
  | { phase: 'failed'; message: string }
  | { phase: 'unshown'; mediaType: string }
  | {
      phase: 'ready';
      kind: 'pdf' | 'image';
      doc: PDFDocumentProxy | null;
      imageUrl: string | null;
      /** Each page's size (only the ratio matters). */
      sizes: { width: number; height: number }[];
      /** Where the words lie; null when there is none for this text. */
      layout: LayoutPage[] | null;
      /** The text was edited since the layout was made: the page is shown without its words. */
      stale: boolean;
    };

function imageSize(url: string): Promise<{ width: number; height: number }> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
    img.onerror = () => reject(new Error('image'));
    img.src = url;
  });
}

const noSubscription = () => () => undefined;

/**
 * The source as last saved: the services answer from the case on disk, so the original is
 * asked for once the source with its file is saved (a new source is shown a moment later).
 */
function useSavedSource(sourceId: string): Source | undefined {
  const session = useCurrentSession();
  return useSyncExternalStore(session?.subscribe ?? noSubscription, () => session?.getState().saved.sources.find((s) => s.id === sourceId));
}

/** The source's original and the layout of its words, fetched when the saved source or its text changes. */
export function useOriginal(caseId: string, draft: Source, failedText: string, attempt: number): Original {
  const [state, setState] = useState<Original>({ phase: 'loading' });
  const saved = useSavedSource(draft.id);
  // Without a session (not inside a case view) the draft is all there is.
  const source = useCurrentSession() ? saved : draft;
  const sha = source?.file?.sha256;
  const textSha = source?.sha256;
  const typed = source?.file?.textBy === 'typed';
  const text = source?.text ?? '';
  useEffect(() => {
    if (!sha) {
      setState({ phase: 'unsaved' });
      return;
    }
    let live = true;
    let doc: PDFDocumentProxy | null = null;
    let url: string | null = null;
    setState({ phase: 'loading' });
    void (async () => {
      const [original, layout] = await Promise.all([api['sources.original']({ caseId, sourceId: draft.id }), api['sources.layout']({ caseId, sourceId: draft.id })]);
      if (!live) return;
      if (!original.ok) return setState({ phase: 'failed', message: original.error.message });
      const { mediaType, dataBase64 } = original.value;
      const stale = layout.ok ? layout.value.stale || (layout.value.layout === null && typed) : false;
      const stored = layout.ok ? (layout.value.layout?.pages.map((page) => splitIntoWords(page, text)) ?? null) : null;
      try {
        if (mediaType === 'application/pdf') {
          doc = await openPdf(base64ToBytes(dataBase64));
          const sizes = await pageSizes(doc);
          const pages = stale ? null : (stored ?? (await layoutFromPdf(doc, text)));
          if (live) setState({ phase: 'ready', kind: 'pdf', doc, imageUrl: null, sizes, layout: pages, stale });
        } else if (SHOWN_IMAGES.has(mediaType)) {
          url = URL.createObjectURL(new Blob([base64ToBytes(dataBase64) as BlobPart], { type: mediaType }));
          const size = await imageSize(url);
          if (live) setState({ phase: 'ready', kind: 'image', doc: null, imageUrl: url, sizes: [size], layout: stale ? null : stored, stale });
        } else {
          setState({ phase: 'unshown', mediaType });
        }
      } catch {
        if (live) setState({ phase: 'failed', message: failedText });
      }
    })();
    return () => {
      live = false;
      void doc?.destroy();
      if (url) URL.revokeObjectURL(url);
    };
    // The original and its layout depend on the file and the text it is shown with.
  }, [caseId, draft.id, sha, textSha, attempt]); // eslint-disable-line react-hooks/exhaustive-deps
  return state;
}
