import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toastLifetime } from './toastRules';

export type ToastInput = {
  message: string;
  kind?: 'info' | 'success' | 'error';
  action?: { label: string; run: () => void };
  /** How long it stays; an action makes it stay longer. An error stays until dismissed, whatever this says. */
  timeoutMs?: number;
};

type Toast = ToastInput & { id: number };

// Where Escape already means something: closing a dialog or popover, a menu or list, an open combobox.
const CLAIMS_ESCAPE = 'dialog[open], [role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [aria-expanded="true"]';

/** Whether Escape pressed on `target` is free for the toasts: no dialog is open and nothing around the focus uses the key. */
function escapeIsFree(target: EventTarget | null, doc: Document): boolean {
  if (doc.querySelector('dialog[open]')) return false;
  const el = target instanceof Element ? target : null;
  return !el?.closest(CLAIMS_ESCAPE);
}

const ToastContext = createContext<(toast: ToastInput) => void>(() => undefined);

export function useToast(): (toast: ToastInput) => void {
  return useContext(ToastContext);
}

/** One toast: its clock stops while the pointer or the keyboard focus is on it, so nobody loses a message mid-read. */
function ToastItem({ toast, dismiss }: { toast: Toast; dismiss: (id: number) => void }) {
  const { t } = useTranslation();
  const [held, setHeld] = useState(false);
  const lifetime = toastLifetime(toast);

  useEffect(() => {
    if (lifetime === null || held) return;
    const timer = setTimeout(() => dismiss(toast.id), lifetime);
    return () => clearTimeout(timer);
  }, [lifetime, held, dismiss, toast.id]);

  return (
    <div
      className={`toast toast-${toast.kind ?? 'info'}`}
      data-toast-id={toast.id}
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setHeld(false);
      }}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            dismiss(toast.id);
            toast.action!.run();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="btn btn-icon btn-small" onClick={() => dismiss(toast.id)} aria-label={t('common.dismiss')} title={t('toasts15.dismissHint')}>
        ×
      </button>
    </div>
  );
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const region = useRef<HTMLDivElement>(null);

  const dismiss = useCallback((id: number) => {
    // Focus on a toast that goes would fall to <body>: hand it to the page's main region instead.
    const el = region.current?.querySelector(`[data-toast-id="${id}"]`);
    if (el?.contains(document.activeElement)) document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
    setToasts((list) => list.filter((x) => x.id !== id));
  }, []);

  const push = useCallback((toast: ToastInput) => {
    const id = nextId.current++;
    setToasts((list) => [...list.slice(-3), { ...toast, id }]);
  }, []);

  // Escape dismisses the toast in focus, else the newest — unless a dialog, menu or field claims the key.
  useEffect(() => {
    if (toasts.length === 0) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const focused = (e.target instanceof Element ? e.target : null)?.closest('[data-toast-id]');
      if (!focused && !escapeIsFree(e.target, document)) return;
      const id = focused ? Number(focused.getAttribute('data-toast-id')) : toasts[toasts.length - 1]!.id;
      e.preventDefault();
      dismiss(id);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toasts, dismiss]);

  const value = useMemo(() => push, [push]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite" ref={region}>
        {toasts.map((toast) => (
          <ToastItem key={toast.id} toast={toast} dismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  );
}
