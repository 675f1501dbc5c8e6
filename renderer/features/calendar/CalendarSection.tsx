import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefLang } from '../../../shared/model/brief';
import { api, isElectron } from '../../api';
import { deliverFile } from '../../lib/download';
import { errorText } from '../../lib/errorText';
import { useOperation } from '../../lib/useOperation';

// Settings → Calendar: the .ics of every open item, the subscription file the core
// keeps current in a folder of this machine, and (desktop app) the notifications
// switch. In the desktop app the folder comes from the system's picker only (the main
// process refuses any other); in browser mode the user types its full path.

const asLang = (code: string): BriefLang => (code === 'ru' || code === 'kk' ? code : 'en');

export function CalendarSection() {
  const { t, i18n } = useTranslation();
  const ids = { title: useId(), folder: useId(), hint: useId(), titles: useId(), notify: useId() };
  const shell = window.casefileShell;
  const lang = asLang(i18n.language);
  const { value: settings, refresh } = useOperation(() => api['calendar.settings']({}), []);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setFolder(settings?.folder ?? ''), [settings?.folder]);

  const change = async (patch: Parameters<(typeof api)['calendar.setSettings']>[0]) => {
    setBusy(true);
    setMessage(null);
    const r = await api['calendar.setSettings']({ ...patch, lang });
    setBusy(false);
    setMessage(r.ok ? t('calendar.changed') : errorText(t, i18n.language, r.error));
    await refresh();
  };

  const choose = async () => {
    const picked = await shell?.chooseFolder();
    if (picked) setFolder(picked);
  };

  const download = async () => {
    setBusy(true);
    setMessage(null);
    const r = await api['calendar.export']({ lang, withTitles: settings?.withTitles ?? false });
    if (!r.ok) {
      setBusy(false);
      setMessage(errorText(t, i18n.language, r.error));
      return;
    }
    const delivery = await deliverFile('casefile-deadlines.ics', r.value.ics, 'ics');
    setBusy(false);
    if (delivery.kind === 'saved') setMessage(t('calendar.saved', { count: r.value.events, path: delivery.path }));
    else if (delivery.kind === 'downloaded') setMessage(t('calendar.downloaded', { count: r.value.events, name: delivery.name }));
    else if (delivery.kind === 'failed') setMessage(delivery.error);
  };

  const notify = settings?.notify ?? isElectron;
  return (
    <section className="card" aria-labelledby={ids.title}>
      <h2 className="card-title" id={ids.title}>
        {t('calendar.title')}
      </h2>
      <p className="muted">{t('calendar.intro')}</p>
      <label className="checkbox" htmlFor={ids.titles}>
        <input id={ids.titles} type="checkbox" disabled={busy || !settings} checked={settings?.withTitles ?? false} aria-describedby={`${ids.titles}-hint`} onChange={(e) => void change({ withTitles: e.target.checked })} />
        <span>{t('calendar.withTitles')}</span>
      </label>
      <p id={`${ids.titles}-hint`} className="field-hint">
        {t('calendar.withTitlesHint')}
      </p>
      <p>
        <button type="button" className="btn" disabled={busy} aria-busy={busy || undefined} onClick={() => void download()}>
          {busy ? t('calendar.downloading') : t('calendar.download')}
        </button>
      </p>
      <h3>{t('calendar.subscriptionTitle')}</h3>
      <p className="muted">{t('calendar.subscriptionIntro')}</p>
      <div className="field">
        <label className="field-label" htmlFor={ids.folder}>
          {t('calendar.folder')}
        </label>
        <div className="copy-out-folder">
          <input id={ids.folder} type="text" value={folder} disabled={busy} readOnly={!!shell} spellCheck={false} aria-describedby={ids.hint} onChange={(e) => setFolder(e.target.value)} />
          {shell && (
            <button type="button" className="btn" disabled={busy} onClick={() => void choose()}>
              {t('calendar.choose')}
            </button>
          )}
        </div>
        <p id={ids.hint} className="field-hint">
          {t('calendar.folderHint')}
        </p>
      </div>
      <p>
        <button type="button" className="btn btn-primary" disabled={busy || folder.trim() === ''} onClick={() => void change({ folder: folder.trim() })}>
          {t('calendar.keep')}
        </button>{' '}
        {settings?.folder !== undefined && (
          <button type="button" className="btn" disabled={busy} onClick={() => void change({ folder: null })}>
            {t('calendar.stop')}
          </button>
        )}
      </p>
      <p className="muted">{settings?.file ? t('calendar.keeping', { file: settings.file }) : t('calendar.notKept')}</p>
      {isElectron ? (
        <>
          <label className="checkbox" htmlFor={ids.notify}>
            <input id={ids.notify} type="checkbox" disabled={busy || !settings} checked={notify} aria-describedby={`${ids.notify}-hint`} onChange={(e) => void change({ notify: e.target.checked })} />
            <span>{t('calendar.notify')}</span>
          </label>
          <p id={`${ids.notify}-hint`} className="field-hint">
            {t('calendar.notifyHint')}
          </p>
        </>
      ) : (
        <p className="muted">{t('calendar.notifyBrowser')}</p>
      )}
      <p role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
