import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { ActorSummary } from '../../../shared/people';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { useErrorText } from '../../lib/errors';
import { mergeNameChoices } from './peopleModel';

/**
 * Merging rows the matching kept apart (a court in Latin and Cyrillic letters, an agency
 * by its old and new name): the user names the entry as it is to be shown. A refusal
 * stays in the dialog, so the name typed is not lost.
 */
export function MergeDialog({ actors, onClose, onMerged }: { actors: ActorSummary[]; onClose: () => void; onMerged: (merged: ActorSummary) => void }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const toast = useToast();
  const ids = { name: useId(), choices: useId(), hint: useId() };
  const choices = mergeNameChoices(actors);
  const [name, setName] = useState(choices[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const trimmed = name.trim();

  const merge = async () => {
    if (!trimmed || busy) return;
    setBusy(true);
    setFailure(null);
    const result = await api['people.merge']({ keys: actors.map((a) => a.key), name: trimmed.slice(0, 300) });
    setBusy(false);
    if (!result.ok) return setFailure(t('people.mergeFailed', { message: errorOf(result.error) }));
    toast({ kind: 'success', message: t('people.merged', { name: result.value.name }) });
    onMerged(result.value);
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('people.mergeTitle', { count: actors.length })}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={`${ids.name}-form`} className="btn btn-primary" disabled={!trimmed || busy}>
            {t('people.mergeConfirm')}
          </button>
        </>
      }
    >
      <form
        id={`${ids.name}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          void merge();
        }}
      >
        <p>{t('people.mergeIntro')}</p>
        <ul className="people-merge-list" aria-label={t('people.mergeListLabel')}>
          {actors.map((a) => (
            <li key={a.key}>
              <strong>{a.name}</strong>
              {a.spellings.length > 1 && <span className="muted"> ({a.spellings.filter((s) => s !== a.name).join('; ')})</span>}
              <span className="muted"> · {t('people.caseCount', { count: a.caseCount })}</span>
            </li>
          ))}
        </ul>
        <div className="field">
          <label htmlFor={ids.name}>{t('people.mergeName')}</label>
          <input id={ids.name} data-autofocus type="text" list={ids.choices} value={name} maxLength={300} aria-describedby={ids.hint} onChange={(e) => setName(e.target.value)} />
          <datalist id={ids.choices}>
            {choices.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <p id={ids.hint} className="field-hint">
            {t('people.mergeNameHint')}
          </p>
        </div>
        {failure && (
          <div className="banner banner-error" role="alert">
            {failure}
          </div>
        )}
      </form>
    </Dialog>
  );
}
