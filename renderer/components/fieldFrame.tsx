import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useCurrentSession } from '../lib/caseSession';
import { ConfidentialBadge } from './ConfidentialBadge';

// Labelled form fields. Each keeps what the user typed, even when it is not valid
// yet: an invalid value is shown with its message and is NOT passed on (so it is
// never sent), while the text stays in the session's scratch until fixed, so leaving
// the view does not lose it.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function cls(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** Set by a form after a submit attempt: every field shows its message, touched or not. */
export const ShowErrorsContext = createContext(false);

/** Empty text means "absent" for an optional field. */
export function opt(text: string): string | undefined {
  return text === '' ? undefined : text;
}

export function useBuffered<T>(
  path: string | undefined,
  value: T,
  format: (v: T) => string,
  parse: (raw: string) => Parsed<T>,
  onChange: (v: T) => void,
) {
  const session = useCurrentSession();
  const key = session && path ? `field:${path}` : null;
  const forced = useContext(ShowErrorsContext);
  const [state, setState] = useState(() => {
    const s = key ? session!.getScratch(key) : undefined;
    return { raw: s && typeof s.value === 'string' ? s.value : format(value), base: value, touched: s !== undefined };
  });
  let raw = state.raw;
  if (!Object.is(state.base, value)) {
    // The value changed from outside (a save, "take theirs"): show it.
    raw = format(value);
    setState({ raw, base: value, touched: state.touched });
  }
  const parsed = parse(raw);
  // A field says nothing until it is typed in or its form is submitted (no layout shift on blur).
  const error = parsed.ok || !(state.touched || forced) ? null : parsed.error;
  useEffect(() => {
    if (key && session) session.setScratch(key, error === null ? undefined : { value: raw, invalid: true });
  }, [key, session, raw, error]);
  const onInput = (text: string) => {
    const p = parse(text);
    if (p.ok && !Object.is(p.value, value)) {
      setState({ raw: text, base: p.value, touched: true });
      onChange(p.value);
    } else {
      setState({ raw: text, base: value, touched: true });
    }
  };
  return { raw, error, onInput };
}

type FrameProps = {
  id: string;
  label: ReactNode;
  required?: boolean;
  error: string | null;
  hint?: ReactNode;
  confidential?: boolean;
  wide?: boolean;
  span2?: boolean;
  children: ReactNode;
};

export function FieldFrame({ id, label, required, error, hint, confidential, wide, span2, children }: FrameProps) {
  return (
    <div className={cls('field', error !== null && 'has-error', confidential && 'is-confidential', wide && 'field-wide', span2 && !wide && 'field-span2')}>
      <label htmlFor={id} className="field-label">
        <span>{label}</span>
        {required && (
          <span className="field-required" aria-hidden="true">
            *
          </span>
        )}
        {confidential && <ConfidentialBadge always />}
      </label>
      {children}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== null && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

export function describedBy(id: string, hint: unknown, error: string | null): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error !== null ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

// The date and amount fields live in their own module; importers keep finding them here.
