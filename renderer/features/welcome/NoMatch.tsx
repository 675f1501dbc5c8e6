import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import './welcome.css';

/** The list's filters hide every case: say how many there are, and offer the way back. */
export function NoMatch({ total, onClear }: { total: number; onClear: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="no-match">
      <p className="no-match-title">{t('list.noMatch')}</p>
      <p className="muted">{t('agenda.noMatch', { total: format.number(total) })}</p>
      <button type="button" className="btn btn-small" onClick={onClear}>
        {t('list.clearFilters')}
      </button>
    </div>
  );
}
