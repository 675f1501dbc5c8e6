import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clampRect, rectBetween, stepRect, type Rect } from './geometry';

type Props = {
  page: number;
  /** Called with the finished rectangle and where it is on screen. */
  onDone: (region: Rect, anchor: { left: number; bottom: number }) => void;
  /** Take the keyboard at once (the first page when the mode is switched on). */
  autoFocus: boolean;
  /** Esc: no area after all. */
  onCancel: () => void;
};

const START: Rect = { x: 0.35, y: 0.4, w: 0.3, h: 0.2 };

/**
 * Marking an area of a page: drag with the mouse, or from the keyboard move the
 * rectangle with the arrows, resize it with Shift and an arrow, and confirm with Enter.
 */
export function RegionLayer({ page, onDone, autoFocus, onCancel }: Props) {
  const { t } = useTranslation();
  const layerRef = useRef<HTMLDivElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [rect, setRect] = useState<Rect>(START);
  const drag = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    if (autoFocus) boxRef.current?.focus({ preventScroll: false });
  }, [autoFocus]);

  const at = (e: PointerEvent) => {
    const r = layerRef.current!.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
  };
  const finish = (r: Rect) => {
    // The box's own place on screen, once React has drawn it there.
    requestAnimationFrame(() => {
      const box = boxRef.current;
      if (box) onDone(r, box.getBoundingClientRect());
    });
  };
  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    e.preventDefault();
    layerRef.current!.setPointerCapture(e.pointerId);
    drag.current = at(e);
    setRect({ ...drag.current, w: 0, h: 0 });
  };
  const onPointerMove = (e: PointerEvent) => {
    if (drag.current) setRect(rectBetween(drag.current, at(e)));
  };
  const onPointerUp = (e: PointerEvent) => {
    if (!drag.current) return;
    const r = clampRect(rectBetween(drag.current, at(e)));
    drag.current = null;
    setRect(r);
    boxRef.current?.focus({ preventScroll: true });
    finish(r);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const next = stepRect(rect, e.key, e.shiftKey);
    if (next) {
      e.preventDefault();
      setRect(next);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      finish(clampRect(rect));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };
  const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
  return (
    <div ref={layerRef} className="region-layer" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp}>
      <div
        ref={boxRef}
        className="region-draft"
        role="group"
        tabIndex={0}
        aria-roledescription={t('original.region.role')}
        aria-label={t('original.region.label', { page, x: Math.round(rect.x * 100), y: Math.round(rect.y * 100), w: Math.round(rect.w * 100), h: Math.round(rect.h * 100) })}
        style={{ left: pct(rect.x), top: pct(rect.y), width: pct(rect.w), height: pct(rect.h) }}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
