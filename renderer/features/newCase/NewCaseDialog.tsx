import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { MeasureType, type CaseDraftInput, type CaseKind } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { SelectField, ShowErrorsContext, TextField } from '../../components/fields';
import { navigate } from '../../lib/router';
import { enumLabel, enumOptions } from '../../lib/enumLabels';
import { useErrorText } from '../../lib/errors';

type Form = {
  kind: CaseKind | null;
  title: string;
  personName: string;
  orgName: string;
  measureType: (typeof MeasureType.options)[number];
  authority: string;
};

const EMPTY: Form = { kind: null, title: '', personName: '', orgName: '', measureType: 'suspension', authority: '' };

/** New case: choose the kind, fill the few required fields, land in the case view. */
export function NewCaseDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const [form, setForm] = useState<Form>(EMPTY);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  const close = () => {
    setForm(EMPTY);
    setAttempted(false);
    setError(null);
    onClose();
  };

  const draft = (): CaseDraftInput | null => {
    const title = form.title.trim() ? form.title : '';
    if (form.kind === 'political_prisoner' && title && form.personName.trim()) {
      return { kind: 'political_prisoner', title, person: { name: form.personName } };
    }
    if (form.kind === 'ngo_suspension' && title && form.orgName.trim() && form.authority.trim()) {
      return { kind: 'ngo_suspension', title, organization: { name: form.orgName }, measure: { type: form.measureType, authority: form.authority } };
    }
    return null;
  };

  const submit = async () => {
    // A field showing an error holds text that is not in `form` (invalid text is never taken).
    const d = formRef.current?.querySelector('[aria-invalid="true"]') ? null : draft();
    if (!d) {
      setAttempted(true);
      setError(form.kind ? t('form.completeRequired') : t('newCase.chooseKind'));
      return;
    }
    setBusy(true);
    const result = await api['cases.create']({ case: d });
    setBusy(false);
    if (!result.ok) {
      setError(t('newCase.failed', { message: errorOf(result.error) }));
      return;
    }
    onCreated();
    close();
    navigate({ name: 'case', id: result.value.id });
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('newCase.title')}
      footer={
        <>
          <button type="submit" form="new-case-form" className="btn btn-primary" disabled={busy}>
            {t('newCase.create')}
          </button>
          <button type="button" className="btn" onClick={close}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <form
        id="new-case-form"
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="kind-choice">
          <legend className="field-label">{t('newCase.kind')}</legend>
          {(['political_prisoner', 'ngo_suspension'] as const).map((kind) => (
            <label key={kind} className={`kind-option${form.kind === kind ? ' is-checked' : ''}`}>
              <input type="radio" name="kind" value={kind} checked={form.kind === kind} onChange={() => set({ kind })} />
              <span className="kind-option-text">
                <strong>{enumLabel(t, 'kind', kind)}</strong>
                <span className="muted">{enumLabel(t, 'kindHint', kind)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {form.kind && (
          <ShowErrorsContext.Provider value={attempted}>
            <div className="field-grid field-grid-single">
              <TextField label={t('field.title')} value={form.title} required maxLength={300} hint={t('newCase.titleHint')} onChange={(title) => set({ title })} />
              {form.kind === 'political_prisoner' ? (
                <TextField label={t('field.personName')} value={form.personName} required onChange={(personName) => set({ personName })} />
              ) : (
                <>
                  <TextField label={t('field.orgName')} value={form.orgName} required onChange={(orgName) => set({ orgName })} />
                  <SelectField
                    label={t('field.measureType')}
                    value={form.measureType}
                    options={enumOptions(t, 'measure', MeasureType.options)}
                    onChange={(measureType) => measureType && set({ measureType })}
                  />
                  <TextField label={t('field.authority')} value={form.authority} required hint={t('field.authorityHint')} onChange={(authority) => set({ authority })} />
                </>
              )}
            </div>
          </ShowErrorsContext.Provider>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
