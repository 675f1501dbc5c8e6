import { useContext, useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Term } from '../../../../shared/model';
import { NumberField, ShowErrorsContext } from '../../../components/fields';
import { useCurrentSession } from '../../../lib/caseSession';
import { TERM_UNITS, withTermUnit } from '../../../lib/term';

type Props = {
  /** Where the term lives ("decisions.<id>.penalty.term"): keys the started-but-empty state. */
  path: string;
  value: Term | undefined;
  onChange: (value: Term | undefined) => void;
};

const noSession = { subscribe: () => () => undefined };

/**
 * A term in years, months and days: three whole-number boxes in one labelled group,
 * so "10 days" is 10 in Days. Absent until the user adds it; a term added but left
 * with no unit is held back with a message (and counts as a field not saved), because
 * the model has no empty term.
 */
export function TermField({ path, value, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const session = useCurrentSession();
  const forced = useContext(ShowErrorsContext);
  const key = `field:${path}`;
  const [localOpen, setLocalOpen] = useState(false);
  const started = useSyncExternalStore(session ? session.subscribe : noSession.subscribe, () => (session ? session.getScratch(key) !== undefined : localOpen));
  const setStarted = (on: boolean) => (session ? session.setScratch(key, on ? { value: true, invalid: true } : undefined) : setLocalOpen(on));
  const open = value !== undefined || started;

  // A term that got a unit is no longer "started but empty".
  useEffect(() => {
    if (value !== undefined && session?.getScratch(key)) session.setScratch(key, undefined);
  }, [value, session, key]);

  if (!open) {
    return (
      <div className="field field-wide">
        <button type="button" className="btn btn-add" onClick={() => setStarted(true)}>
          + {t('prisoner.term.add')}
        </button>
      </div>
    );
  }
  const empty = value === undefined;
  return (
    // tabIndex and aria-invalid let the header's "fix them" button find and focus a started, empty term.
    <fieldset
      className="field-wide term-field"
      tabIndex={empty ? -1 : undefined}
      aria-invalid={empty ? true : undefined}
      aria-describedby={`${id}-hint${empty ? ` ${id}-error` : ''}`}
    >
      <legend className="field-label">{t('prisoner.term.label')}</legend>
      <div className="term-units">
        {TERM_UNITS.map((unit) => (
          <NumberField
            key={unit}
            label={t(`prisoner.term.${unit}`)}
            path={`${path}.${unit}`}
            value={value?.[unit]}
            min={0}
            integer
            onChange={(n) => {
              const next = withTermUnit(value, unit, n);
              // Emptying the last unit keeps the group open, with its message.
              if (next === undefined) setStarted(true);
              onChange(next);
            }}
          />
        ))}
        <div className="field field-actions">
          <button
            type="button"
            className="btn btn-small btn-danger-quiet"
            onClick={() => {
              session?.clearScratch(key);
              setLocalOpen(false);
              onChange(undefined);
            }}
          >
            {t('prisoner.term.remove')}
          </button>
        </div>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {t('prisoner.term.hint')}
      </p>
      {empty && (
        <p className={forced ? 'field-error' : 'field-error term-empty'} id={`${id}-error`} role={forced ? 'alert' : undefined}>
          {t('prisoner.term.empty')}
        </p>
      )}
    </fieldset>
  );
}
