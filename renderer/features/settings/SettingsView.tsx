import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';

export function SettingsView({ onAbout }: { onAbout: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const shortcuts: [string, string][] = [
    ['Ctrl/⌘ + N', t('settings.keyNew')],
    ['Ctrl/⌘ + F', t('settings.keyFilter')],
    ['Ctrl/⌘ + S', t('settings.keySave')],
    ['↑ ↓ Home End', t('settings.keyMove')],
    ['Enter', t('settings.keyOpen')],
    [t('settings.keySpaceName'), t('settings.keySelect')],
    ['Esc', t('settings.keyClose')],
  ];
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <section className="card">
        <fieldset className="radio-group">
          <legend className="card-title">{t('settings.language')}</legend>
          {LANGUAGES.map((lang) => (
            <label key={lang.code} className="radio" lang={lang.code}>
              <input type="radio" name="language" value={lang.code} checked={i18n.language === lang.code} onChange={() => setLanguage(lang.code)} />
              <span>{lang.name}</span>
            </label>
          ))}
        </fieldset>
        <p className="muted">{t('settings.dateExample', { date: format.dateTime(new Date().toISOString()) })}</p>
      </section>
      <section className="card">
        <h2 className="card-title">{t('settings.shortcuts')}</h2>
        <table className="data-table shortcuts">
          <tbody>
            {shortcuts.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2 className="card-title">{t('about.title')}</h2>
        <button type="button" className="btn" onClick={onAbout}>
          {t('nav.about')}
        </button>
      </section>
    </div>
  );
}
