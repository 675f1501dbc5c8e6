import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Money } from '../../../shared/model';
import { AmountField, CheckboxField, ShowErrorsContext, TextField, useScratchState } from '../../components/fields';
import { ConfidentialBadge } from '../../components/ConfidentialBadge';
import { MoveButtons, onMoveKeys, type OrderControls } from './order';
import { useCurrentSession } from '../../lib/caseSession';

// Building blocks the case sections share: an item card with a remove button, the
// "add an item" form, and the Money fields (the titled section is components/Section).

export function FieldGrid({ children }: { children: ReactNode }) {
  return <div className="field-grid">{children}</div>;
}

type ItemCardProps = {
  heading: ReactNode;
  onRemove: () => void;
  removeLabel: string;
  confidential?: boolean;
  /** When given, the item carries its own confidential toggle. */
  onConfidentialChange?: (value: boolean) => void;
  /** When given, the item moves up and down (buttons, Alt+↑/Alt+↓ within the card). */
  order?: OrderControls;
  children: ReactNode;
};

export function ItemCard({ heading, onRemove, removeLabel, confidential, onConfidentialChange, order, children }: ItemCardProps) {
  const { t } = useTranslation();
  return (
    <li className={`item-card${confidential ? ' is-confidential' : ''}`} onKeyDown={order ? onMoveKeys(order.onMove) : undefined}>
      <div className="item-card-header">
        <span className="item-card-heading">{heading}</span>
        {confidential && <ConfidentialBadge />}
        <span className="spacer" />
        {onConfidentialChange && (
          <CheckboxField className="confidential-toggle" label={t('confidential.toggle')} checked={confidential ?? false} onChange={onConfidentialChange} />
        )}
        {order && <MoveButtons {...order} />}
        <button type="button" className="btn btn-small btn-danger-quiet" onClick={onRemove}>
          {removeLabel}
        </button>
      </div>
      <div className="field-grid">{children}</div>
    </li>
  );
}

type AddFormProps<T> = {
  /** Unique within the case: keys the half-typed entry in the session. */
  name: string;
  initial: T;
  openLabel: string;
  title: string;
  isComplete: (value: T) => boolean;
  onAdd: (value: T) => void;
  children: (value: T, set: (patch: Partial<T>) => void, pathPrefix: string) => ReactNode;
};

/**
 * "Add …": a small form whose entry joins the case only when its required fields are
 * filled and valid, so a half-made item is never sent. What is typed meanwhile is
 * kept in the session (it counts as unsaved).
 */
export function AddForm<T>({ name, initial, openLabel, title, isComplete, onAdd, children }: AddFormProps<T>) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const [value, setValue, clear] = useScratchState<T>(`add:${name}`, initial);
  const [open, setOpen] = useState(value !== initial);
  const [message, setMessage] = useState<string | null>(null);
  const [attempted, setAttempted] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const prefix = `add.${name}`;

  const close = () => {
    clear();
    session?.clearScratch(`field:${prefix}.`);
    setMessage(null);
    setAttempted(false);
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };

  if (!open) {
    return (
      <button ref={opener} type="button" className="btn btn-add" onClick={() => setOpen(true)}>
        + {openLabel}
      </button>
    );
  }
  const submit = () => {
    const invalid = session ? [...session.getState().scratch.entries()].some(([k, s]) => s.invalid && k.startsWith(`field:${prefix}.`)) : false;
    if (invalid || !isComplete(value)) {
      setMessage(t('form.completeRequired'));
      setAttempted(true);
      return;
    }
    onAdd(value);
    close();
  };
  return (
    <div
      className="add-form"
      role="group"
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          submit();
        }
      }}
    >
      <div className="add-form-title">{title}</div>
      <ShowErrorsContext.Provider value={attempted}>
        <div className="field-grid">{children(value, (patch) => setValue({ ...value, ...patch }), prefix)}</div>
      </ShowErrorsContext.Provider>
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
      <div className="add-form-actions">
        <button type="button" className="btn btn-primary" onClick={submit}>
          {t('common.add')}
        </button>
        <button type="button" className="btn" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

type MoneyFieldsProps = {
  label: string;
  path: string;
  value: Money | undefined;
  onChange: (value: Money | undefined) => void;
  /** Whole phrases for the buttons ("Add a fine"): a label glued into "Add {{label}}" does not read in Russian or Kazakh. */
  addLabel: string;
  removeLabel: string;
};

/** A fine: amount, ISO 4217 currency, an optional rough USD value. Absent until added. */
export function MoneyFields({ label, path, value, onChange, addLabel, removeLabel }: MoneyFieldsProps) {
  const { t } = useTranslation();
  if (!value) {
    return (
      <div className="field field-wide">
        <button type="button" className="btn btn-add" onClick={() => onChange({ amount: 0, currency: 'KZT' })}>
          <span aria-hidden="true">+ </span>
          {addLabel}
        </button>
      </div>
    );
  }
  return (
    <fieldset className="field-wide money">
      <legend className="field-label">{label}</legend>
      <div className="field-grid">
        <AmountField label={t('money.amount')} path={`${path}.amount`} value={value.amount} required onChange={(amount) => onChange({ ...value, amount: amount ?? 0 })} />
        <TextField
          label={t('money.currency')}
          path={`${path}.currency`}
          value={value.currency}
          required
          hint={t('money.currencyHint')}
          validate={(text) => (/^[A-Za-z]{3}$/.test(text.trim()) ? null : t('validation.currency'))}
          transform={(text) => text.trim().toUpperCase()}
          onChange={(currency) => onChange({ ...value, currency })}
          inputClassName="input-code"
        />
        <AmountField label={t('money.usdApprox')} path={`${path}.usdApprox`} value={value.usdApprox} onChange={(usdApprox) => onChange({ ...value, usdApprox })} />
        <div className="field field-actions">
          <button type="button" className="btn btn-small btn-danger-quiet" onClick={() => onChange(undefined)}>
            {removeLabel}
          </button>
        </div>
      </div>
    </fieldset>
  );
}

/** Replaces the item at `index` with `patch` applied. */
export function patchAt<T>(list: readonly T[], index: number, patch: Partial<T>): T[] {
  return list.map((item, i) => (i === index ? { ...item, ...patch } : item));
}
