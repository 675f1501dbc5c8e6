import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { passageDone, usePassageRequest } from '../search/landingStore';
import { announce, paint, reveal } from '../search/reveal';

// Landing on a passage of the reading view (a search hit in a source's text): the
// words painted with the CSS Custom Highlight API — the text's DOM, which the reader
// and its annotations own, is left as it is — scrolled into view inside the reader
// and the case view, focus on the text, and the words said to a screen reader.

/**
 * A DOM range over [start, end) of the source text. Every run of text in the
 * reader carries data-start/data-end (offsets into the whole text) and holds one
 * text node (see domOffsets.ts, which maps the other way).
 */
function offsetsToRange(root: Element, start: number, end: number): Range | null {
  const runs = [...root.querySelectorAll<HTMLElement>('[data-start][data-end]')].filter((el) => el.firstChild?.nodeType === Node.TEXT_NODE);
  const place = (offset: number, atEnd: boolean): [Node, number] | null => {
    for (const run of runs) {
      const s = Number(run.dataset.start);
      const e = Number(run.dataset.end);
      if (offset >= s && (atEnd ? offset <= e : offset < e)) {
        const node = run.firstChild!;
        return [node, Math.min(offset - s, node.textContent?.length ?? 0)];
      }
    }
    return null;
  };
  const a = place(start, false);
  const b = place(end, true);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  return range;
}

/** In the reader of `sourceId`: lands on a passage a search hit asked for. */
export function useLandOn(caseId: string, sourceId: string, textRef: RefObject<HTMLElement | null>, scrollRef: RefObject<HTMLElement | null>, sectionTitle: string): void {
  const { t } = useTranslation();
  const request = usePassageRequest(caseId, sourceId);
  useEffect(() => {
    if (!request) return undefined;
    // After the reader's own first focus (its heading), in the next frame.
    const frame = requestAnimationFrame(() => {
      const text = textRef.current;
      const scroller = scrollRef.current;
      if (!text || !scroller) return;
      passageDone(request);
      const range = offsetsToRange(text, request.start, request.end);
      if (!range) return;
      paint(range);
      reveal(range.startContainer.parentElement!, () => range.getBoundingClientRect());
      // The keyboard caret starts at the passage, not at the top of the text.
      window.getSelection()?.collapse(range.startContainer, range.startOffset);
      scroller.focus({ preventScroll: true });
      announce(t('landing.matchInQuote', { section: sectionTitle, text: range.toString().replace(/\s+/g, ' ') }));
    });
    return () => cancelAnimationFrame(frame);
  }, [request]); // eslint-disable-line react-hooks/exhaustive-deps
}
