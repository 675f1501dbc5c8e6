import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './order.css';

// Moving items of an ordered list (timeline, deadlines, requests) without a mouse:
// "Move up"/"Move down" on each card and Alt+↑/Alt+↓ anywhere in it; what happened is
// said in a status line that screen readers announce, and focus stays with the item.

export type OrderControls = {
  /** The item's name for screen readers ("Move “Detained at home” up"). */
  name: string;
  index: number;
  count: number;
  onMove: (direction: -1 | 1) => void;
};

export function MoveButtons({ name, index, count, onMove }: OrderControls) {
  const { t } = useTranslation();
  const first = index === 0;
  const last = index === count - 1;
  // aria-disabled, not disabled: a button that just moved its item to the edge keeps the focus.
  return (
    <span className="move-buttons" role="group" aria-label={t('parts.order.group', { item: name })}>
      <button
        type="button"
        className="btn btn-small btn-icon"
        data-move="up"
        aria-label={t('parts.order.upNamed', { item: name })}
        aria-keyshortcuts="Alt+ArrowUp"
        aria-disabled={first ? true : undefined}
        title={t('parts.order.upHint')}
        onClick={() => onMove(-1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="btn btn-small btn-icon"
        data-move="down"
        aria-label={t('parts.order.downNamed', { item: name })}
        aria-keyshortcuts="Alt+ArrowDown"
        aria-disabled={last ? true : undefined}
        title={t('parts.order.downHint')}
        onClick={() => onMove(1)}
      >
        ↓
      </button>
    </span>
  );
}

/**
 * Alt+↑/Alt+↓ inside a card moves it. Controls that own those keys keep them: a select
 * or a date picker (Alt+↓ opens it), a combobox or popup button, a textarea; and a key
 * from a dialog opened out of the card (a React portal still bubbles to it) is not the card's.
 */
export function onMoveKeys(onMove: (direction: -1 | 1) => void) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if (e.defaultPrevented || !e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const target = e.target as HTMLElement;
    if (!e.currentTarget.contains(target)) return;
    // A one-line box that wraps (LineInput) is a textarea only for its looks: the card keeps the keys.
    if (target.tagName === 'SELECT' || (target.tagName === 'TEXTAREA' && target.getAttribute('aria-multiline') !== 'false')) return;
    if (target instanceof HTMLInputElement && target.type !== 'text' && target.type !== 'checkbox') return;
    if (target.getAttribute('role') === 'combobox' || target.hasAttribute('aria-haspopup')) return;
    e.preventDefault();
    onMove(e.key === 'ArrowUp' ? -1 : 1);
  };
}

type Held = { el: HTMLElement; start: number | null; end: number | null };

/**
 * Keeps the focused element focused across a reorder: React moves a card's DOM node
 * to its new place, and a moved node loses focus. Call the returned function just
 * before the edit that reorders; the focus (and a text caret) comes back after it.
 */
export function useKeepFocus(): () => void {
  const held = useRef<Held | null>(null);
  useLayoutEffect(() => {
    const h = held.current;
    if (!h) return;
    held.current = null;
    if (!h.el.isConnected || document.activeElement === h.el) return;
    h.el.focus();
    if (h.start !== null && (h.el instanceof HTMLInputElement || h.el instanceof HTMLTextAreaElement)) {
      try {
        h.el.setSelectionRange(h.start, h.end);
      } catch {
        // an input type without a caret
      }
    }
  });
  return () => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return;
    const text = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
    held.current = { el, start: text ? el.selectionStart : null, end: text ? el.selectionEnd : null };
  };
}

/** The list's status line: what the last move did, or why it was refused. */
export function useOrderStatus(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  // The same message twice in a row must still be announced: clear, then set.
  const say = (text: string) => {
    setMessage('');
    requestAnimationFrame(() => setMessage(text));
  };
  return [message, say];
}

export function OrderStatus({ message }: { message: string }) {
  return (
    <p className="order-status" role="status" aria-live="polite">
      {message}
    </p>
  );
}
