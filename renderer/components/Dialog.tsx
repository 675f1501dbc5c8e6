import { useLatest } from '../lib/useLatest';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  className?: string;
};

/**
 * A modal on the native <dialog>: the browser traps focus and closes it on Escape;
 * focus goes back to whatever opened it.
 */
export function Dialog({ open, onClose, title, children, footer, wide, className }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();
  // The native close event arrives a task later. By then the app may have moved on
  // (Escape, then a menu command opening another dialog): only a close the app did
  // not ask for — Escape, the × button — is reported back.
  const isOpen = useLatest(open);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      // Start in the body (not on the header's close button): the marked control or the first one.
      const first =
        d.querySelector<HTMLElement>('[data-autofocus]') ??
        d.querySelector<HTMLElement>('.dialog-body :is(input, select, textarea, button):not([disabled])');
      first?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  useEffect(
    () => () => {
      // Unmounted while open: still hand focus back.
      if (ref.current?.open) opener.current?.focus();
    },
    [],
  );

  return (
    <dialog
      ref={ref}
      className={['dialog', wide ? 'dialog-wide' : '', className ?? ''].join(' ')}
      aria-labelledby={titleId}
      onClose={() => {
        if (isOpen.current) onClose();
        const back = opener.current;
        opener.current = null;
        if (back?.isConnected) back.focus();
      }}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="btn btn-icon" onClick={() => ref.current?.close()} aria-label={t('common.close')} title={t('common.close')}>
              ×
            </button>
          </header>
          <div className="dialog-body">{children}</div>
          {footer && <footer className="dialog-footer">{footer}</footer>}
        </>
      )}
    </dialog>
  );
}
