import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../../i18n';
import { useFormat } from '../../i18n/format';
import type { SettingsSection } from '../../lib/router';
import { BackupsSection } from '../backups/BackupsSection';
import { SharingKeysSection } from '../bundles/SharingKeysSection';
import { useExportHistory } from '../bundles/exportBundle';
import { EncryptionSection } from '../lock/EncryptionSection';
import { useVault } from '../lock/vault';
import type { Info } from './AboutDialog';
import { OrganizationSection } from './OrganizationSection';
import { TeamSection } from '../team/TeamSection';
import { CalendarSection } from '../calendar/CalendarSection';

type Props = {
  onAbout: () => void;
  /** Where a link asked to go (#/settings/encryption): scrolled to, its heading focused. */
  section?: SettingsSection;
  info: Info | null;
  onInfoChanged: () => void;
  onChanged: () => void;
};

export function SettingsView({ onAbout, section, info, onInfoChanged, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  // The example of a date is now as the settings opened: a render must not read the clock.
  const [shownAt] = useState(() => new Date().toISOString());
  const { status } = useVault();
  const encryptionRef = useRef<HTMLHeadingElement>(null);
  const backupsRef = useRef<HTMLHeadingElement>(null);
  const teamRef = useRef<HTMLHeadingElement>(null);
  const [withHistory, setWithHistory] = useExportHistory();
  const historyId = useId();

  useEffect(() => {
    const heading = section === 'encryption' ? encryptionRef.current : section === 'backups' ? backupsRef.current : section === 'team' ? teamRef.current : null;
    if (!heading) return;
    heading.scrollIntoView({ block: 'start' });
    heading.focus({ preventScroll: true });
  }, [section]);
  const shortcuts: [string, string][] = [
    ['Ctrl/⌘ + N', t('settings.keyNew')],
    ['Ctrl/⌘ + F', t('settings.keyFilter')],
    ['Ctrl/⌘ + S', t('settings.keySave')],
    ...(status.encrypted ? ([['Ctrl/⌘ + L', t('lock.keyLock')]] as [string, string][]) : []),
    ['↑ ↓ Home End', t('settings.keyMove')],
    ['Enter', t('settings.keyOpen')],
    [t('settings.keySpaceName'), t('settings.keySelect')],
    ['Shift + ← →, Enter', t('keyboardAnnotate.keyHelp')],
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
        <p className="muted">{t('settings.dateExample', { date: format.dateTime(shownAt) })}</p>
      </section>
      <OrganizationSection />
      <EncryptionSection headingRef={encryptionRef} />
      <SharingKeysSection />
      <BackupsSection info={info} onInfoChanged={onInfoChanged} onChanged={onChanged} headingRef={backupsRef} />
      <TeamSection headingRef={teamRef} />
      <CalendarSection />
      <section className="card" aria-labelledby={`${historyId}-title`}>
        <h2 className="card-title" id={`${historyId}-title`}>
          {t('history.exportTitle')}
        </h2>
        <label className="checkbox" htmlFor={historyId}>
          <input id={historyId} type="checkbox" checked={withHistory} onChange={(e) => setWithHistory(e.target.checked)} aria-describedby={`${historyId}-hint`} />
          <span>{t('history.exportOption')}</span>
        </label>
        <p className="field-hint" id={`${historyId}-hint`}>
          {t('history.exportHint')}
        </p>
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
