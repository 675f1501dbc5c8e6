import './search.css';

// The DOM side of landing on a match: scroll it into the visible part of its
// scrolling region (below the sticky case header), mark it, say where it is to a
// screen reader, and take the marks away at the user's next action.

const HIGHLIGHT = 'search-landing';
const LANDED_CLASS = 'search-landed';
const ANNOUNCER_ID = 'search-landing-announcer';

function scrollerOf(el: Element): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY;
    if ((o === 'auto' || o === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/** The bottom of the sticky case header: what lies above it in `main` is hidden. */
function coveredTop(scroller: HTMLElement): number {
  const header = scroller.querySelector('.case-header');
  return header ? header.getBoundingClientRect().bottom : -Infinity;
}

/** Scrolls `scroller` (at once, no animation) so `rect` sits in the middle of its visible part, or its top at the top when taller. */
function revealIn(scroller: HTMLElement, rect: DOMRect): void {
  const box = scroller === document.scrollingElement ? new DOMRect(0, 0, window.innerWidth, window.innerHeight) : scroller.getBoundingClientRect();
  const top = Math.max(box.top, coveredTop(scroller));
  const room = box.bottom - top;
  const delta = rect.height <= room - 16 ? rect.top + rect.height / 2 - (top + room / 2) : rect.top - top - 8;
  scroller.scrollBy({ top: delta, behavior: 'instant' });
}

/** Brings `getRect()` into view through every scrolling region holding `el`, innermost first. */
export function reveal(el: Element, getRect: () => DOMRect = () => el.getBoundingClientRect()): void {
  for (let s = scrollerOf(el); ; s = scrollerOf(s)) {
    revealIn(s, getRect());
    if (s === document.scrollingElement || s === document.documentElement) return;
    if (getComputedStyle(s).overflowY !== 'auto' && getComputedStyle(s).overflowY !== 'scroll') return;
    if (s.tagName === 'MAIN') return; // the app's one scrolling region: the document never scrolls
  }
}

type Highlights = { set(name: string, h: unknown): void; delete(name: string): void };
const highlights = (): Highlights | undefined => (CSS as unknown as { highlights?: Highlights }).highlights;

/** Paints `range` with the landing highlight (the CSS Custom Highlight API: the DOM is left as it is). */
export function paint(range: Range): void {
  const Ctor = (window as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (Ctor) highlights()?.set(HIGHLIGHT, new Ctor(range));
}

let cleanups: (() => void)[] = [];

/** Takes away every mark of the last landing. */
export function clearLanding(): void {
  highlights()?.delete(HIGHLIGHT);
  for (const f of cleanups) f();
  cleanups = [];
}

/** Outlines `el` until the next action. */
export function outline(el: HTMLElement): void {
  el.classList.add(LANDED_CLASS);
  cleanups.push(() => el.classList.remove(LANDED_CLASS));
}

/** Makes a plain element focusable until the next action, so focus can land on it. */
export function focusable(el: HTMLElement): void {
  if (el.hasAttribute('tabindex')) return;
  el.setAttribute('tabindex', '-1');
  cleanups.push(() => el.removeAttribute('tabindex'));
}

// Keys that move around without acting: a screen reader user reading on keeps the mark.
const PASSIVE_KEYS = new Set(['Tab', 'Shift', 'Control', 'Alt', 'Meta', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End']);
let listening = false;

/** The marks stay until the user clicks or presses a key that does something (typing, Enter, Escape…). */
export function clearOnNextAction(): void {
  if (listening) return;
  listening = true;
  const stop = () => {
    listening = false;
    document.removeEventListener('pointerdown', onPointer, true);
    document.removeEventListener('keydown', onKey, true);
    clearLanding();
  };
  const onPointer = () => stop();
  const onKey = (e: KeyboardEvent) => {
    if (!PASSIVE_KEYS.has(e.key)) stop();
  };
  document.addEventListener('pointerdown', onPointer, true);
  document.addEventListener('keydown', onKey, true);
}

/** Says `message` to screen readers (a polite live region of its own, outside the scrolling region). */
export function announce(message: string): void {
  let region = document.getElementById(ANNOUNCER_ID);
  if (!region) {
    region = document.createElement('div');
    region.id = ANNOUNCER_ID;
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.className = 'search-landing-announcer';
    document.body.append(region);
  }
  // Emptied first so the same words said twice are said again.
  region.textContent = '';
  const r = region;
  requestAnimationFrame(() => {
    r.textContent = message;
  });
}

/** The first text node under `root` holding `words` (case-insensitively), as a range over them. */
export function findWords(root: Element, words: string): Range | null {
  const needle = words.toLocaleLowerCase();
  if (needle === '') return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n.textContent ?? '').toLocaleLowerCase().indexOf(needle);
    if (at < 0 || !n.parentElement || n.parentElement.closest('.visually-hidden, [aria-hidden="true"]')) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + words.length);
    return range;
  }
  return null;
}
