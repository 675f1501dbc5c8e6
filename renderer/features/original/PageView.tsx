import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LayoutPage } from '../../../shared/model/pageLayout';
import { drawPage } from './pdfDocument';
import { RegionLayer } from './RegionLayer';
import type { Rect } from './geometry';
import type { PageMark, PagePick } from './types';

type Props = {
  n: number;
  count: number;
  size: { width: number; height: number };
  cssWidth: number;
  doc: PDFDocumentProxy | null;
  imageUrl: string | null;
  words: LayoutPage | null;
  text: string;
  marks: PageMark[];
  pending: Rect[];
  activeId: string | null;
  drawing: boolean;
  firstToDraw: boolean;
  onPick: (pick: PagePick) => void;
  onOpen: (ids: string[]) => void;
  onStopDrawing: () => void;
};

const pct = (v: number) => `${(v * 100).toFixed(3)}%`;
const place = (r: Rect) => ({ left: pct(r.x), top: pct(r.y), width: pct(r.w), height: pct(r.h) });

/** One page of the original: the picture, its words as a transparent selectable layer, the highlights over them. */
export function PageView(p: Props) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const height = (p.cssWidth * p.size.height) / p.size.width;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!p.doc || !canvas) return;
    // A new zoom redraws the page sharp, stopping the drawing still under way.
    return drawPage(p.doc, p.n, canvas, p.cssWidth);
  }, [p.doc, p.n, p.cssWidth]);

  const onKeyDown = (e: KeyboardEvent, id: string) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      p.onOpen([id]);
    }
  };
  const label = t('original.pageLabel', { n: p.n, count: p.count });
  return (
    <figure className="original-page" data-page={p.n} aria-label={label} style={{ width: `${p.cssWidth}px`, height: `${height}px` }}>
      {p.doc ? <canvas ref={canvasRef} className="page-picture" aria-hidden="true" /> : <img className="page-picture" src={p.imageUrl ?? ''} alt={label} draggable={false} />}
      {p.words && (
        // The same words as the text view, for the mouse: a screen reader reads them there, once.
        <div className="page-words" data-page={p.n} aria-hidden="true">
          {p.words.boxes.map(([s, e, x, y, w, h]) => (
            <span key={s} data-start={s} data-end={e} style={{ ...place({ x, y, w, h }), fontSize: `${Math.max(4, h * height * 0.8)}px` }}>
              {p.text.slice(s, e)}{' '}
            </span>
          ))}
        </div>
      )}
      <div className="page-marks">
        {p.pending.map((r, i) => (
          <div key={`pending-${i}`} className="page-mark is-pending" style={place(r)} aria-hidden="true" />
        ))}
        {p.marks.flatMap((m) =>
          m.rects.map((r, i) => (
            <div
              key={`${m.id}-${i}`}
              className={['page-mark', m.region ? 'is-region' : '', m.confidential ? 'is-confidential' : '', p.activeId === m.id ? 'is-active' : ''].filter(Boolean).join(' ')}
              data-id={m.id}
              style={place(r)}
              title={m.title}
              role={i === 0 ? 'button' : undefined}
              tabIndex={i === 0 ? 0 : -1}
              aria-label={i === 0 ? t('original.markLabel', { title: m.title }) : undefined}
              aria-hidden={i === 0 ? undefined : true}
              onClick={() => p.onOpen([m.id])}
              onKeyDown={(e) => onKeyDown(e, m.id)}
            />
          )),
        )}
      </div>
      {p.drawing && <RegionLayer page={p.n} autoFocus={p.firstToDraw} onDone={(region, anchor) => p.onPick({ page: p.n, region, anchor })} onCancel={p.onStopDrawing} />}
    </figure>
  );
}
