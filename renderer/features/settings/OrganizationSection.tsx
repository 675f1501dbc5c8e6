import { useLatest } from '../../lib/useLatest';
import { useCoreEvent } from '../../lib/events';
import { useEffect, useId, useReducer, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ORGANIZATION_FIELDS, SUBMISSION_ONLY_FIELDS, type OrganizationField } from '../../../shared/organization';
import { describedBy, FieldFrame } from '../../components/fieldFrame';
import { useErrorText } from '../../lib/errors';
import { useOperation } from '../../lib/useOperation';
import { changeFor, EMPTY_TEXTS, textsOf, type OrgTexts } from './organizationForm';

// Settings → Organisation: who submits communications and appeals. Kept in the data
// folder's settings.json (sealed when the folder is encrypted); each field is saved
// when the user leaves it, or all at once with Save (Enter in a field).

const INPUT: Record<OrganizationField, { inputMode: 'text' | 'email' | 'tel'; autoComplete: string; maxLength: number }> = {
  name: { inputMode: 'text', autoComplete: 'organization', maxLength: 200 },
  address: { inputMode: 'text', autoComplete: 'street-address', maxLength: 500 },
  email: { inputMode: 'email', autoComplete: 'email', maxLength: 254 },
  phone: { inputMode: 'tel', autoComplete: 'tel', maxLength: 40 },
  responsiblePerson: { inputMode: 'text', autoComplete: 'name', maxLength: 200 },
  responsibleRole: { inputMode: 'text', autoComplete: 'organization-title', maxLength: 200 },
};

type Status = { kind: 'saving' } | { kind: 'saved' } | { kind: 'saveFailed'; message: string };

export function OrganizationSection() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [texts, setTexts] = useState<OrgTexts>(EMPTY_TEXTS);
  // What the folder holds: only a field that differs is sent.
  const stored = useRef<OrgTexts>(EMPTY_TEXTS);
  const [invalid, setInvalid] = useState<ReadonlySet<OrganizationField>>(new Set());
  const [status, setStatus] = useState<Status | null>(null);
  const textsRef = useLatest(texts);

  // Read again when another device changed the settings: a field being edited here keeps what is typed.
  const [version, bump] = useReducer((n: number) => n + 1, 0);
  useCoreEvent('settings.changed', ({ file }) => {
    if (file === 'settings') bump();
  });
  const { value: settings, error: loadError, loading } = useOperation(() => api['settings.get']({}), [version]);
  const loaded = !loading;
  useEffect(() => {
    if (!settings) return;
    const was = stored.current;
    stored.current = textsOf(settings.organization);
    setTexts((typed) => Object.fromEntries(Object.entries(stored.current).map(([f, v]) => [f, typed[f as keyof OrgTexts] === was[f as keyof OrgTexts] ? v : typed[f as keyof OrgTexts]])) as OrgTexts);
  }, [settings]);

  const save = async (fields: readonly OrganizationField[]) => {
    const { patch, invalid: bad } = changeFor(fields, textsRef.current, stored.current);
    setInvalid((prev) => {
      const next = new Set(prev);
      for (const f of fields) if (bad.includes(f)) next.add(f);
      else next.delete(f);
      return next;
    });
    if (bad.length > 0) {
      if (fields.length > 1) document.getElementById(`${id}-${bad[0]}`)?.focus();
      return;
    }
    if (Object.keys(patch).length === 0) return;
    setStatus({ kind: 'saving' });
    const r = await api['settings.set']({ organization: patch });
    if (!r.ok) {
      setStatus({ kind: 'saveFailed', message: errorText(r.error) });
      return;
    }
    stored.current = textsOf(r.value.organization);
    // The saved fields show the value as stored (spaces tidied); a field being typed in meanwhile keeps its text.
    setTexts((now) => ({ ...now, ...Object.fromEntries(Object.keys(patch).map((f) => [f, stored.current[f as OrganizationField]])) }));
    setStatus({ kind: 'saved' });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(ORGANIZATION_FIELDS);
  };

  const renderField = (field: OrganizationField) => {
    const fieldId = `${id}-${field}`;
    const error = invalid.has(field) ? t(`org.invalid.${field}`) : null;
    // The contact fields share one hint, shown once above them and read with each.
    const shared = SUBMISSION_ONLY_FIELDS.includes(field) ? `${id}-submission` : undefined;
    const common = {
      id: fieldId,
      value: texts[field],
      disabled: !loaded,
      maxLength: INPUT[field].maxLength,
      autoComplete: INPUT[field].autoComplete,
      'aria-invalid': error !== null ? true : undefined,
      'aria-describedby': [shared, describedBy(fieldId, undefined, error)].filter(Boolean).join(' ') || undefined,
      onBlur: () => void save([field]),
    } as const;
    return (
      <FieldFrame key={field} id={fieldId} label={t(`org.${field}`)} error={error} wide={field === 'address' || field === 'name'}>
        {field === 'address' ? (
          <textarea {...common} rows={3} onChange={(e) => setTexts((now) => ({ ...now, address: e.target.value }))} />
        ) : (
          // type "text" keeps the app's input style; inputMode still brings the right keyboard.
          <input {...common} type="text" inputMode={INPUT[field].inputMode} onChange={(e) => setTexts((now) => ({ ...now, [field]: e.target.value }))} />
        )}
      </FieldFrame>
    );
  };

  // A failed load shows until the first save says something newer.
  const shown: Status | { kind: 'loadFailed'; message: string } | null = status ?? (loadError ? { kind: 'loadFailed', message: errorText(loadError) } : null);
  const statusText =
    shown === null ? '' : shown.kind === 'saving' ? t('org.saving') : shown.kind === 'saved' ? t('org.saved') : t(`org.${shown.kind}`, { message: shown.message });

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {t('org.title')}
      </h2>
      <p className="muted">{t('org.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="field-grid">
          {renderField('name')}
        </div>
        <p className="field-hint" id={`${id}-submission`} style={{ margin: '16px 0 8px' }}>
          {t('org.submissionOnly')}
        </p>
        <div className="field-grid">{SUBMISSION_ONLY_FIELDS.map((field) => renderField(field))}</div>
        <p className="field-hint" style={{ margin: '12px 0' }}>
          {t('org.sealed')}
        </p>
        <div className="field-actions">
          <button type="submit" className="btn btn-primary" disabled={!loaded}>
            {t('org.save')}
          </button>
        </div>
      </form>
      <p role="status" className={shown?.kind === 'saveFailed' || shown?.kind === 'loadFailed' ? 'field-error' : 'muted'}>
        {statusText}
      </p>
    </section>
  );
}
