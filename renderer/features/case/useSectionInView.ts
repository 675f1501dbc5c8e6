import { useEffect, useState, type RefObject } from 'react';

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

export function currentSection(ids: readonly string[], scroller: HTMLElement, header: HTMLElement | null): string | undefined {
  const box = scroller.getBoundingClientRect();
  const line = Math.max(box.top, header ? header.getBoundingClientRect().bottom : box.top) + SLACK;
  const tops = ids.map((id) => [id, document.getElementById(`section-${id}-title`)?.getBoundingClientRect().top] as const).filter((e): e is readonly [string, number] => e[1] !== undefined);
  if (tops.length === 0) return undefined;
  const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - SLACK;
  if (atEnd) {
    const onScreen = tops.filter(([, top]) => top < box.bottom);
    return onScreen.at(-1)?.[0] ?? tops[0]![0];
  }
  let current = tops[0]![0];
  for (const [id, top] of tops) if (top <= line) current = id;
  return current;
}

export function useSectionInView(ids: readonly string[], viewRef: RefObject<HTMLElement | null>, headerRef: RefObject<HTMLElement | null>): string | undefined {
  const [current, setCurrent] = useState<string | undefined>(ids[0]);
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
      frame = requestAnimationFrame(() => setCurrent(currentSection(key.split(' '), scroller, headerRef.current)));
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    // Sections grow and shrink as the case is edited: the answer can change without a scroll.
    const resize = new ResizeObserver(update);
    resize.observe(view);
    if (headerRef.current) resize.observe(headerRef.current);
    return () => {
      cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [key, viewRef, headerRef]);
  return current;
}
