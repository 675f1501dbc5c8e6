import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CaseFile } from '../../../shared/model';
import { openSource } from '../sources/readerStore';
import { landingFor, type Landing } from './landingPath';
import { selectAnnotation, showPassage, takeLanding } from './landingStore';
import { announce, clearLanding, clearOnNextAction, findWords, focusable, outline, paint, reveal } from './reveal';

// Opening a search hit: once the case view is on screen, land on the match — the
// field focused with its words selected, a source's passage in the reading view, an
// annotation at its highlight and selected in the list — and say where to a screen reader.

const FRAMES = 120; // how long to wait for the reading view to show what was asked (frames, not a clock)

/** A section's name as its heading shows it, without the counts and badges beside it. */
function sectionName(section: string): string {
  const heading = document.getElementById(`section-${section}-title`);
  if (!heading) return section;
  const copy = heading.cloneNode(true) as HTMLElement;
  for (const extra of copy.querySelectorAll('.count, .badge, .visually-hidden, [aria-hidden="true"]')) extra.remove();
  return copy.textContent?.replace(/\s+/g, ' ').trim() || section;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

/** Calls `found` with the first element `find` returns within a bounded number of frames, or `missing`. */
function waitFor<T>(find: () => T | null | undefined, found: (v: T) => void, missing: () => void, frames = FRAMES): () => void {
  let frame = 0;
  let left = frames;
  const tick = () => {
    const v = find();
    if (v) found(v);
    else if (--left > 0) frame = requestAnimationFrame(tick);
    else missing();
  };
  frame = requestAnimationFrame(tick);
  return () => cancelAnimationFrame(frame);
}

const CONTROLS = 'input:not([type=checkbox]):not([type=radio]):not([type=hidden]):not([type=file]), textarea';

function controls(root: Element): (HTMLInputElement | HTMLTextAreaElement)[] {
  return [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(CONTROLS)];
}

/** Focuses a text box with [start, end) of its value selected: the selection is the highlight. */
function landOnControl(el: HTMLInputElement | HTMLTextAreaElement, start: number, end: number): void {
  reveal(el);
  el.focus({ preventScroll: true });
  try {
    el.setSelectionRange(start, end, 'forward');
  } catch {
    // A type without a selection (date, number): focus and outline say enough.
  }
  // Scroll the box itself so the selected words show in a long text.
  if (el instanceof HTMLTextAreaElement && el.scrollHeight > el.clientHeight) {
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
    const before = el.value.slice(0, start).split('\n').length - 1;
    el.scrollTop = Math.max(0, before * lineHeight - el.clientHeight / 2);
  }
  outline(el);
}

/** Paints words shown as plain text (a chip, a read-only line) and lands focus on their element. */
function landOnText(range: Range): void {
  const el = range.startContainer.parentElement!;
  const target = el.closest<HTMLElement>('button, a, [tabindex]') ?? el;
  reveal(target, () => range.getBoundingClientRect());
  paint(range);
  focusable(target);
  target.focus({ preventScroll: true });
  outline(target);
}

function landOnSection(section: string, words: string[], t: TFunction): void {
  const root = document.getElementById(`section-${section}`);
  const heading = document.getElementById(`section-${section}-title`);
  if (!root || !heading) return;
  for (const word of words) {
    const lower = word.toLocaleLowerCase();
    const box = controls(root).find((el) => el.value.toLocaleLowerCase().includes(lower));
    if (box) {
      const at = box.value.toLocaleLowerCase().indexOf(lower);
      landOnControl(box, at, at + word.length);
      announce(t('landing.matchIn', { section: sectionName(section) }));
      return;
    }
    const range = findWords(root, word);
    if (range) {
      landOnText(range);
      announce(t('landing.matchInQuote', { section: sectionName(section), text: word }));
      return;
    }
  }
  reveal(heading);
  heading.focus({ preventScroll: true });
  outline(root);
  announce(t('landing.matchIn', { section: sectionName(section) }));
}

function land(c: CaseFile, landing: Landing, t: TFunction): (() => void) | undefined {
  clearLanding();
  clearOnNextAction();
  switch (landing.kind) {
    case 'section':
      landOnSection(landing.section, landing.words, t);
      return undefined;
    case 'field': {
      const root = document.getElementById(`section-${landing.section}`);
      const words = landing.text.slice(landing.start, landing.end);
      const box = root ? (controls(root).find((el) => el.value === landing.text) ?? controls(root).find((el) => el.value.includes(landing.text))) : undefined;
      if (box) {
        const offset = box.value.indexOf(landing.text);
        landOnControl(box, offset + landing.start, offset + landing.end);
        announce(t('landing.matchIn', { section: sectionName(landing.section) }));
        return undefined;
      }
      landOnSection(landing.section, [words, ...words.split(/\s+/)], t);
      return undefined;
    }
    case 'source': {
      const card = document.querySelector<HTMLElement>(`.source-list [data-source-id="${CSS.escape(landing.sourceId)}"]`);
      if (!card) {
        landOnSection(landing.section, [], t);
        return undefined;
      }
      reveal(card);
      (card.querySelector<HTMLElement>('button') ?? card).focus({ preventScroll: true });
      outline(card);
      announce(t('landing.matchIn', { section: sectionName(landing.section) }));
      return undefined;
    }
    case 'passage':
      // The reading view lands on it (sources/landOn.ts): it alone knows where its text is drawn.
      showPassage(c.id, landing.sourceId, landing.start, landing.end);
      openSource(c.id, landing.sourceId);
      return undefined;
    case 'annotation': {
      const a = c.annotations.find((x) => x.id === landing.annotationId)!;
      selectAnnotation(c.id, a.id);
      const listed = `.ann-list [data-annotation-id="${CSS.escape(a.id)}"], [data-annotation-id="${CSS.escape(a.id)}"]`;
      const say = () => announce(t('landing.matchInQuote', { section: sectionName('annotations'), text: quote(a.target?.quote.exact ?? a.body) }));
      const inList = () => {
        const item = document.querySelector<HTMLElement>(listed);
        if (!item) return landOnSection('annotations', [], t);
        reveal(item);
        (item.querySelector<HTMLElement>('button') ?? item).focus({ preventScroll: true });
        outline(item);
        say();
      };
      if (!a.sourceId || !a.target) {
        inList();
        return undefined;
      }
      // The reading view scrolls to the highlight and focuses it; wait for it, then make sure it shows below the header.
      openSource(c.id, a.sourceId, a.id);
      return waitFor(
        () => {
          const mark = document.querySelector<HTMLElement>(`.reader-text mark[data-ids~="${CSS.escape(a.id)}"]`);
          return mark && document.activeElement === mark ? mark : null;
        },
        (mark) => {
          reveal(mark);
          outline(mark);
          say();
        },
        inList,
      );
    }
  }
}

/** Lands on the match of the search hit that opened this case, if one did. */
export function useSearchLanding(c: CaseFile): void {
  const { t } = useTranslation();
  useEffect(() => {
    let cancel: (() => void) | undefined;
    // After the view's own first focus (its heading) and first layout. Taken in the
    // frame, not before: an effect run twice (React's strict mode) still lands once.
    const frame = requestAnimationFrame(() => {
      const request = takeLanding(c.id);
      if (request) cancel = land(c, landingFor(c, request.field, request.at, request.words), t);
    });
    return () => {
      cancelAnimationFrame(frame);
      cancel?.();
    };
    // Once per opened case, with the case as it was opened.
  }, [c.id]); // eslint-disable-line react-hooks/exhaustive-deps
}
