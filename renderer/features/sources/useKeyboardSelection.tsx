import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { shorten } from '../../lib/annotationTags';
import { rangeToOffsets } from './domOffsets';
import { keyAction } from './keyboardKeys';
import { applyMove, caretBox, focusOffset, placeSelection, type CaretBox } from './keyboardSelection';
import './keyboardSelection.css';

export const KEY_HINT_ID = 'reader-key-hint';

type Options = {
  /** The focusable box around the text (it scrolls; the caret is drawn in it). */
  scrollRef: RefObject<HTMLDivElement | null>;
  /** The element holding the text runs with their offsets. */
  textRef: RefObject<HTMLDivElement | null>;
  text: string;
  /** Opens the annotation form on the current selection, as a mouse selection does; false when nothing usable is selected. */
  open: () => boolean;
};

/**
 * The reading view from the keyboard: Tab lands on the text with a caret, arrows move
 * it by word (↑/↓ by line, Home/End to the paragraph's edge), Shift extends the
 * selection, Enter or A opens the same annotation form a mouse selection opens, Escape
 * drops the selection. What is selected is read out through a live region.
 */
export function useKeyboardSelection({ scrollRef, textRef, text, open }: Options): {
  scrollProps: { onKeyDown: (e: KeyboardEvent) => void; onFocus: (e: FocusEvent) => void; onBlur: (e: FocusEvent) => void };
  overlay: ReactNode;
  hint: ReactNode;
} {
  const { t } = useTranslation();
  const [caret, setCaret] = useState<CaretBox | null>(null);
  const [focused, setFocused] = useState(false);
  const [live, setLive] = useState('');
  const caretRef = useRef<HTMLSpanElement>(null);
  const scrollToCaret = useRef(false);
  // Where the caret was when the text was left (for the annotation form, say), to come back to it.
  const lastOffset = useRef(0);
  // Set while the annotation form is open on a keyboard selection: coming back puts the caret where it was.
  const returning = useRef(false);

  const selectionInText = useCallback((): Selection | null => {
    const root = textRef.current;
    const sel = window.getSelection();
    if (!root || !sel || sel.rangeCount === 0 || !sel.focusNode || !root.contains(sel.focusNode)) return null;
    return sel;
  }, [textRef]);

  const redraw = useCallback(() => {
    const box = scrollRef.current;
    const sel = selectionInText();
    const next = box && sel ? caretBox(sel, box) : null;
    // Only a caret that moved re-renders the reader: a re-render that touched the
    // selection would otherwise answer itself through selectionchange.
    setCaret((prev) => (prev && next && prev.top === next.top && prev.left === next.left && prev.height === next.height) || prev === next ? prev : next);
  }, [scrollRef, selectionInText]);

  // While the text has focus, the caret follows the selection wherever it comes from (a click too).
  useEffect(() => {
    if (!focused) return;
    document.addEventListener('selectionchange', redraw);
    window.addEventListener('resize', redraw);
    return () => {
      document.removeEventListener('selectionchange', redraw);
      window.removeEventListener('resize', redraw);
    };
  }, [focused, redraw]);

  useLayoutEffect(() => {
    if (caret && scrollToCaret.current) caretRef.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    scrollToCaret.current = false;
  }, [caret]);

  // A new source or a changed text: the remembered spot may no longer exist.
  useEffect(() => {
    lastOffset.current = 0;
    setLive('');
  }, [text]);

  const onFocus = (e: FocusEvent) => {
    const box = scrollRef.current;
    const root = textRef.current;
    if (e.target !== box || !box || !root) return;
    setFocused(true);
    if (!box.matches(':focus-visible')) return; // a click places its own caret
    // In the next frame: focus that comes back from the annotation form arrives while the
    // form's highlight is still in the text, whose runs are about to be replaced.
    requestAnimationFrame(() => {
      const sel = window.getSelection();
      if (!sel || document.activeElement !== box || !textRef.current) return;
      if (returning.current || !selectionInText()) placeSelection(textRef.current, sel, Math.min(lastOffset.current, text.length));
      returning.current = false;
      redraw();
    });
  };

  const onBlur = (e: FocusEvent) => {
    if (e.target !== scrollRef.current) return;
    const root = textRef.current;
    const at = root ? focusOffset(root, window.getSelection()) : null;
    if (at !== null) lastOffset.current = at;
    setFocused(false);
    setCaret(null);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const box = scrollRef.current;
    const root = textRef.current;
    if (e.defaultPrevented || !box || !root || text === '') return;
    // Keys are ours on the text itself, or on a highlight inside it (from where arrows start a caret).
    const target = e.target as Element;
    if (target !== box && !root.contains(target)) return;
    const action = keyAction(e);
    if (!action) return;
    const sel = window.getSelection();
    if (!sel) return;
    const inText = selectionInText();

    if (action.kind === 'clear') {
      if (!inText || sel.isCollapsed) return;
      e.preventDefault();
      e.stopPropagation();
      sel.collapse(sel.focusNode, sel.focusOffset);
      setLive(t('keyboardAnnotate.cleared'));
      return;
    }
    if (action.kind === 'annotate') {
      // Enter on a highlight opens it (the reader's own handler); here only the text's own keys.
      if (target !== box && e.key === 'Enter') return;
      e.preventDefault();
      const at = focusOffset(root, sel);
      if (inText && !sel.isCollapsed && at !== null) {
        lastOffset.current = at;
        if (open()) {
          returning.current = true;
          setLive('');
          return;
        }
      }
      setLive(t('keyboardAnnotate.nothingSelected'));
      return;
    }

    e.preventDefault();
    returning.current = false;
    if (target !== box) {
      // From a highlight: the caret starts at its first letter, and the text takes focus.
      const start = Number(target.closest('[data-start]')?.getAttribute('data-start') ?? 0);
      box.focus({ preventScroll: true });
      placeSelection(root, sel, start);
    } else if (!inText) {
      placeSelection(root, sel, Math.min(lastOffset.current, text.length));
    }
    const before = focusOffset(root, sel) ?? 0;
    applyMove(root, sel, action, text.length);
    const after = focusOffset(root, sel) ?? before;
    lastOffset.current = after;
    scrollToCaret.current = true;
    redraw();

    const range = sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
    const picked = range && !range.collapsed ? rangeToOffsets(root, range, text) : null;
    if (picked) {
      setLive(t('keyboardAnnotate.selected', { words: shorten(text.slice(picked.start, picked.end), 80) }));
    } else {
      // The words the caret passed over, as a screen reader reads them in a text field.
      const passed = shorten(text.slice(Math.min(before, after), Math.max(before, after)), 80);
      setLive(passed || t(after >= text.length ? 'keyboardAnnotate.atEnd' : 'keyboardAnnotate.atStart'));
    }
  };

  const overlay = (
    <>
      {focused && caret && (
        <span ref={caretRef} className="kb-caret" aria-hidden="true" style={{ top: caret.top, left: caret.left, height: caret.height }} />
      )}
      <span className="visually-hidden kb-live" role="status" aria-live="polite">
        {live}
      </span>
    </>
  );

  const hint = (
    <p className="reader-hint reader-key-hint" id={KEY_HINT_ID}>
      {t('keyboardAnnotate.hint')}
    </p>
  );

  return { scrollProps: { onKeyDown, onFocus, onBlur }, overlay, hint };
}
