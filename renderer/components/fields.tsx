import { useId, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentSession, type CaseSession } from '../lib/caseSession';
import { cls, describedBy, FieldFrame, useBuffered, type Parsed } from './fieldFrame';
import { LineInput } from './LineInput';

export { opt, ShowErrorsContext, type Parsed } from './fieldFrame';
export { AmountField, DateField } from './writtenFields';

type TextFieldProps = {
  label: ReactNode;
  /** Where the value lives in the case ("person.name", "events.<id>.title"); keys the unsaved text. */
  path?: string;
  value: string | undefined;
  /** Receives '' for an emptied optional field; use opt() to store it as absent. */
  onChange: (value: string) => void;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  hint?: ReactNode;
  confidential?: boolean;
  wide?: boolean;
  /** Two grid columns instead of one (ignored when wide). */
  span2?: boolean;
  maxLength?: number;
  /** Extra check on non-empty text; returns a message when the text is not acceptable. */
  validate?: (text: string) => string | null;
  /** Turns the typed text into the stored value (e.g. upper-casing a country code). */
  transform?: (text: string) => string;
  list?: string;
  autoFocus?: boolean;
  inputClassName?: string;
};

export function TextField(props: TextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const { label, path, value, onChange, required, multiline, rows, placeholder, hint, confidential, wide, span2, maxLength, validate, transform, list, autoFocus } = props;
  const parse = (raw: string): Parsed<string> => {
    if (raw.trim() === '') return required ? { ok: false, error: t('validation.required') } : { ok: true, value: '' };
    if (maxLength !== undefined && raw.length > maxLength) return { ok: false, error: t('validation.tooLong', { max: maxLength }) };
    const message = validate?.(raw) ?? null;
    if (message !== null) return { ok: false, error: message };
    return { ok: true, value: transform ? transform(raw) : raw };
  };
  const { raw, error, onInput } = useBuffered<string>(path, value ?? '', (v) => v, parse, onChange);
  const common = {
    id,
    value: raw,
    placeholder,
    'aria-invalid': error !== null ? true : undefined,
    'aria-required': required ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    autoFocus,
    className: props.inputClassName,
  } as const;
  return (
    <FieldFrame id={id} label={label} required={required} error={error} hint={hint} confidential={confidential} wide={wide || multiline} span2={span2}>
      {multiline ? (
        <textarea {...common} rows={rows ?? 4} onChange={(e) => onInput(e.target.value)} />
      ) : list !== undefined || props.inputClassName !== undefined ? (
        <input {...common} type="text" list={list} onChange={(e) => onInput(e.target.value)} />
      ) : (
        <LineInput {...common} onInput={onInput} />
      )}
    </FieldFrame>
  );
}

type NumberFieldProps = {
  label: ReactNode;
  path?: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  min?: number;
  max?: number;
  integer?: boolean;
  required?: boolean;
  hint?: ReactNode;
};

export function NumberField({ label, path, value, onChange, min, max, integer, required, hint }: NumberFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const parse = (raw: string): Parsed<number | undefined> => {
    const text = raw.trim().replace(/\s/g, '').replace(',', '.');
    if (text === '') return required ? { ok: false, error: t('validation.required') } : { ok: true, value: undefined };
    const n = Number(text);
    if (!/^-?\d*\.?\d+$|^-?\d+\.?$/.test(text) || !Number.isFinite(n)) return { ok: false, error: t('validation.number') };
    if (integer && !Number.isInteger(n)) return { ok: false, error: t('validation.integer') };
    if (min !== undefined && n < min) return { ok: false, error: max !== undefined ? t('validation.range', { min, max }) : t('validation.min', { min }) };
    if (max !== undefined && n > max) return { ok: false, error: min !== undefined ? t('validation.range', { min, max }) : t('validation.max', { max }) };
    return { ok: true, value: n };
  };
  const { raw, error, onInput } = useBuffered<number | undefined>(path, value, (v) => (v === undefined ? '' : String(v)), parse, onChange);
  return (
    <FieldFrame id={id} label={label} required={required} error={error} hint={hint}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="input-number"
        value={raw}
        aria-invalid={error !== null ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onInput(e.target.value)}
      />
    </FieldFrame>
  );
}

type Option<T extends string> = { value: T; label: string };

type SelectFieldProps<T extends string> = {
  label: ReactNode;
  value: T | undefined;
  options: readonly Option<T>[];
  onChange: (value: T | undefined) => void;
  /** When given, an empty choice with this text leads the list (the value may be absent). */
  emptyLabel?: string;
  hint?: ReactNode;
  autoFocus?: boolean;
};

export function SelectField<T extends string>({ label, value, options, onChange, emptyLabel, hint, autoFocus }: SelectFieldProps<T>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={null} hint={hint}>
      <select
        id={id}
        value={value ?? ''}
        autoFocus={autoFocus}
        aria-describedby={describedBy(id, hint, null)}
        onChange={(e) => {
          const v = e.target.value;
          onChange(v === '' ? undefined : (v as T));
        }}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({ label, checked, onChange, className }: { label: ReactNode; checked: boolean; onChange: (v: boolean) => void; className?: string }) {
  return (
    <label className={cls('checkbox', className)}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

type StringListProps = {
  label: string;
  path: string;
  values: readonly string[];
  onChange: (values: string[]) => void;
  /** The visually hidden label of one entry. */
  itemLabel: (index: number) => string;
  addLabel: string;
  placeholder?: string;
  hint?: ReactNode;
};

/** An editable list of short texts (aliases, tags, rights violated). */
export function StringListField({ label, path, values, onChange, itemLabel, addLabel, placeholder, hint }: StringListProps) {
  const { t } = useTranslation();
  const id = useId();
  const [next, setNext, clearNext] = useScratchState<string>(`add:${path}`, '');
  const add = () => {
    const text = next.trim();
    if (text === '') return;
    onChange([...values, text]);
    clearNext();
  };
  return (
    <fieldset className="field field-wide string-list">
      <legend className="field-label">{label}</legend>
      {values.length > 0 && (
        <ul className="string-list-items">
          {values.map((v, i) => (
            <li key={i}>
              <label className="visually-hidden" htmlFor={`${id}-${i}`}>
                {itemLabel(i)}
              </label>
              <input id={`${id}-${i}`} type="text" value={v} onChange={(e) => onChange(values.map((x, j) => (j === i ? e.target.value : x)))} />
              <button type="button" className="btn btn-icon" onClick={() => onChange(values.filter((_, j) => j !== i))} aria-label={t('common.removeItem', { item: v || itemLabel(i) })} title={t('common.remove')}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="string-list-add">
        <label className="visually-hidden" htmlFor={`${id}-new`}>
          {addLabel}
        </label>
        <input
          id={`${id}-new`}
          type="text"
          value={next}
          placeholder={placeholder}
          onChange={(e) => setNext(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="btn" onClick={add} disabled={next.trim() === ''}>
          {addLabel}
        </button>
      </div>
      {hint && <p className="field-hint">{hint}</p>}
    </fieldset>
  );
}

const noSession = {
  subscribe: () => () => undefined,
  get: () => undefined,
};

/**
 * State for a half-typed "add" entry. Inside a case view it lives in the session's
 * scratch (so it survives leaving the view and counts as unsaved); elsewhere it is local.
 */
export function useScratchState<T>(key: string, initial: T): [T, (v: T) => void, () => void] {
  const session: CaseSession | null = useCurrentSession();
  const [local, setLocal] = useState<T>(initial);
  const stored = useSyncExternalStore(session ? session.subscribe : noSession.subscribe, () => (session ? session.getScratch(key) : noSession.get()));
  if (!session) return [local, setLocal, () => setLocal(initial)];
  const value = stored === undefined ? initial : (stored.value as T);
  const set = (v: T) => session.setScratch(key, JSON.stringify(v) === JSON.stringify(initial) ? undefined : { value: v, invalid: false });
  const clear = () => session.clearScratch(key);
  return [value, set, clear];
}
