import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { amountText, parseAmountInput } from '../../shared/text/amountInput';
import { dateLanguage, formatPartialDate, parseDateInput } from '../../shared/text/dateInput';
import { useFormat } from '../i18n/format';
import { describedBy, FieldFrame, useBuffered, type Parsed } from './fieldFrame';

// Dates and amounts as people write them (see shared/text/dateInput.ts and amountInput.ts).
// Both keep the typed text while it is being edited or is invalid, and otherwise show the
// stored value in the interface language's own form.

type DateFieldProps = {
  label: ReactNode;
  path?: string;
  value: string | undefined;
  /** '' when an optional date is emptied. */
  onChange: (value: string) => void;
  required?: boolean;
  hint?: ReactNode;
  autoFocus?: boolean;
  /** Where the model has an approximate flag (person.born): its value. */
  approximate?: boolean;
  /**
   * Given where the model has an approximate flag: the field shows an "approximate" checkbox,
   * and typing "c. 1967" / "около 1967" / "шамамен 1967" sets it. Receives the date too, so a
   * change of both is stored at once; onChange then only sees date changes that keep the flag.
   */
  onApproximateChange?: (approximate: boolean, value: string) => void;
};

/**
 * A partial date typed as people write it (22.02.2021, 02.2021, 2021, 22 февраля 2021,
 * 2021 жылғы 22 ақпан…) or picked from a calendar. What is typed stays as typed while the
 * field is being edited or is invalid; otherwise the stored date is shown in the
 * interface language's own form.
 */
/**
 * What a written field shows: the text as typed while it has the focus or does not
 * parse, else the value in the interface language's own form. Focusing it keeps that
 * form as the text being edited, so the field does not jump under the caret.
 */
function useWrittenForm<T>(raw: string, parsed: Parsed<T>, show: (v: T) => string, onInput: (text: string) => void) {
  const [focused, setFocused] = useState(false);
  const shown = focused || !parsed.ok ? raw : show(parsed.value);
  return {
    shown,
    onFocus: () => {
      setFocused(true);
      if (shown !== raw) onInput(shown);
    },
    onBlur: () => setFocused(false),
  };
}

export function DateField({ label, path, value, onChange, required, hint, autoFocus, approximate, onApproximateChange }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = dateLanguage(i18n.language);
  const picker = useRef<HTMLInputElement>(null);
  const parse = (raw: string): Parsed<string> => {
    const r = parseDateInput(raw);
    if (r.ok && r.approximate && !onApproximateChange) return { ok: false, error: t('dates.error.no-approximate') };
    if (r.ok) return { ok: true, value: r.value };
    if (r.error === 'empty') return required ? { ok: false, error: t('validation.required') } : { ok: true, value: '' };
    return { ok: false, error: t(`dates.error.${r.error}`) };
  };
  const marked = onApproximateChange !== undefined && approximate === true;
  const show = (v: string) => (v === '' ? '' : formatPartialDate(v, lang, marked));
  // The typed text's approximate mark travels with the date it changes (see onApproximateChange).
  const typed = useRef('');
  const dateChanged = useRef(false);
  const changeDate = (v: string) => {
    dateChanged.current = true;
    const r = parseDateInput(typed.current);
    const flag = r.ok && r.approximate === true;
    if (onApproximateChange && flag !== marked) onApproximateChange(flag, v);
    else onChange(v);
  };
  const { raw, error, onInput: bufferedInput } = useBuffered<string>(path, value ?? '', show, parse, changeDate);
  const onInput = (text: string) => {
    typed.current = text;
    dateChanged.current = false;
    bufferedInput(text);
    if (dateChanged.current || !onApproximateChange) return;
    const r = parseDateInput(text);
    if (r.ok && (r.approximate === true) !== marked) onApproximateChange(r.approximate === true, r.value);
  };
  const written = useWrittenForm(raw, parse(raw), show, onInput);
  const shown = written.shown;
  const full = value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '';
  const openPicker = () => {
    const el = picker.current;
    if (!el) return;
    try {
      el.showPicker();
    } catch {
      // Older engines, or no user gesture: the native control still opens on focus + click.
      el.focus();
      el.click();
    }
  };
  return (
    <FieldFrame id={id} label={label} required={required} error={error} hint={hint}>
      <div className="date-input">
        <input
          id={id}
          type="text"
          className="input-date"
          placeholder={t('dates.placeholder')}
          value={shown}
          autoFocus={autoFocus}
          aria-invalid={error !== null ? true : undefined}
          aria-required={required ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          onFocus={written.onFocus}
          onBlur={written.onBlur}
          onChange={(e) => onInput(e.target.value)}
        />
        {/* Named by its content, not aria-label: a label search for "End" must not find "calendar". */}
        <button type="button" className="btn btn-icon date-pick" title={t('dates.calendar')} onClick={openPicker}>
          <span className="visually-hidden">{t('dates.calendar')}</span>
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
            <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" fill="none" />
          </svg>
        </button>
        {onApproximateChange && (
          <label className="checkbox date-approx">
            <input type="checkbox" checked={marked} onChange={(e) => onApproximateChange(e.target.checked, value ?? '')} />
            <span>{t('dates.approximate')}</span>
          </label>
        )}
        {/* The platform's own date picker, opened by the button; a full date only. Hidden from
            assistive technology and the Tab order (the button is the way in), and deliberately
            unlabelled: any label would also answer a search for the field's own name. */}
        <input
          ref={picker}
          type="date"
          className="date-picker-native"
          tabIndex={-1}
          aria-hidden="true"
          value={full}
          onChange={(e) => {
            if (e.target.value !== '') onInput(e.target.value);
          }}
        />
      </div>
    </FieldFrame>
  );
}

type AmountFieldProps = {
  label: ReactNode;
  path?: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  required?: boolean;
  hint?: ReactNode;
};

/**
 * An amount typed as people write it (2,000,000 / 2 000 000 / 2.000.000 / 1 500,50),
 * shown grouped in the interface language when not being edited.
 */
export function AmountField({ label, path, value, onChange, required, hint }: AmountFieldProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const id = useId();
  const parse = (raw: string): Parsed<number | undefined> => {
    const r = parseAmountInput(raw);
    if (r.ok) return r;
    if (r.error === 'empty') return required ? { ok: false, error: t('validation.required') } : { ok: true, value: undefined };
    return { ok: false, error: t(`dates.amount.${r.error}`) };
  };
  const show = (v: number | undefined) => (v === undefined ? '' : amountText(v, fmt.number));
  const { raw, error, onInput } = useBuffered<number | undefined>(path, value, show, parse, onChange);
  const { shown, onFocus, onBlur } = useWrittenForm(raw, parse(raw), show, onInput);
  return (
    <FieldFrame id={id} label={label} required={required} error={error} hint={hint}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="input-number"
        value={shown}
        aria-invalid={error !== null ? true : undefined}
        aria-required={required ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onFocus={onFocus}
        onBlur={onBlur}
        onChange={(e) => onInput(e.target.value)}
      />
    </FieldFrame>
  );
}
