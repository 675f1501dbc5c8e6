import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

// The section nav follows the reading position: the current section is the last one whose
// heading has passed under the sticky case header. Once the scrolling region is at its end,
// the last heading on screen wins, since a short last section can never reach the top.
// Measured from scroll positions (not IntersectionObserver) so a jump to a section and a
// wheel scroll give the same answer.

// More than the headings' scroll-margin below the header (case.css), so a jump lands "in" its section.
const SLACK = 24;

function scrollerOf(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if (o === 'auto' || o === 'scroll') return p;
  }
  return document.documentElement;
}

/**
 * `jumped`: the section the nav last jumped to. Near the end a jump cannot bring its heading
 * to the top, so it stays current while its heading is on screen, until the user scrolls.
 */
function currentSection(ids: readonly string[], scroller: HTMLElement, header: HTMLElement | null, jumped?: string): string | undefined {
  const box = scroller.getBoundingClientRect();
  const line = Math.max(box.top, header ? header.getBoundingClientRect().bottom : box.top) + SLACK;
  const tops = ids.map((id) => [id, document.getElementById(`section-${id}-title`)?.getBoundingClientRect().top] as const).filter((e): e is readonly [string, number] => e[1] !== undefined);
  if (tops.length === 0) return undefined;
  const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - SLACK;
  const jumpedTop = tops.find(([id]) => id === jumped)?.[1];
  if (jumpedTop !== undefined && jumpedTop >= box.top && jumpedTop < box.bottom) return jumped;
  if (atEnd) {
    const onScreen = tops.filter(([, top]) => top < box.bottom);
    return onScreen.at(-1)?.[0] ?? tops[0]![0];
  }
  let current = tops[0]![0];
  for (const [id, top] of tops) if (top <= line) current = id;
  return current;
}

/** The section in view, and `jumpTo` for the nav: scrolls to a section and focuses its heading. */
export function useSectionInView(
  ids: readonly string[],
  viewRef: RefObject<HTMLElement | null>,
  headerRef: RefObject<HTMLElement | null>,
): { current: string | undefined; jumpTo: (id: string) => void } {
  const [current, setCurrent] = useState<string | undefined>(ids[0]);
  const jumped = useRef<string | undefined>(undefined);
  const refresh = useRef<() => void>(() => undefined);
  const key = ids.join(' ');
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const scroller = scrollerOf(view);
    let frame = 0;
    const update = () => {
      // The nav sticks just under the header, whose height changes with the title and the width.
      if (headerRef.current) view.style.setProperty('--case-header-h', `${headerRef.current.offsetHeight}px`);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setCurrent(currentSection(key.split(' '), scroller, headerRef.current, jumped.current)));
    };
    refresh.current = update;
    // Any scrolling the user does (wheel, keys, touch, scrollbar) ends the jump's hold, even
    // where the region cannot move further and so sends no scroll event.
    const userScroll = () => {
      jumped.current = undefined;
      update();
    };
    const USER = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    for (const type of USER) scroller.addEventListener(type, userScroll, { passive: true });
    // Sections grow and shrink as the case is edited: the answer can change without a scroll.
    const resize = new ResizeObserver(update);
    resize.observe(view);
    if (headerRef.current) resize.observe(headerRef.current);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', update);
      for (const type of USER) scroller.removeEventListener(type, userScroll);
      resize.disconnect();
    };
  }, [key, viewRef, headerRef]);
  const jumpTo = useCallback((id: string) => {
    const heading = document.getElementById(`section-${id}-title`);
    if (!heading) return;
    jumped.current = id;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
    refresh.current();
  }, []);
  return { current, jumpTo };
}
