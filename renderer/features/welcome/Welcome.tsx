import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useToast } from '../../components/Toasts';
import { navigate } from '../../lib/router';
import { CASES_CHANGED_EVENT } from '../agenda/useAgenda';
import './welcome.css';
import { useErrorText } from '../../lib/errors';
import { useOperation } from '../../lib/useOperation';

// First run: an empty data folder (no cases, nothing in the Trash). Offers the shipped
// sample cases, or to start empty; either choice is remembered on this computer.

const WELCOME_KEY = 'casefile.welcome';

function remembered(): boolean {
  try {
    return localStorage.getItem(WELCOME_KEY) !== null;
  } catch {
    return false;
  }
}

function remember(choice: 'samples' | 'empty'): void {
  try {
    localStorage.setItem(WELCOME_KEY, choice);
  } catch {
    // not fatal: the welcome shows again next time
  }
}

export function Welcome({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const toast = useToast();
  const [dismissed, setDismissed] = useState(remembered);
  const [busy, setBusy] = useState(false);
  // Asked once, and only until a choice is remembered; a failed read just leaves the welcome out.
  const { value: info } = useOperation(() => api['app.info']({}), [], { enabled: !dismissed });
  const encrypted = info?.encrypted === true;

  if (dismissed || !info || info.caseCount !== 0 || info.trashCount !== 0) return null;

  const openSamples = async () => {
    setBusy(true);
    const bundle = await api['app.sampleBundle']({});
    const result = bundle.ok ? await api['bundle.import']({ bundle: bundle.value, onConflict: 'keep-both' }) : bundle;
    setBusy(false);
    if (!result.ok) {
      toast({ kind: 'error', message: t('agenda.welcome.failed', { message: errorOf(result.error) }) });
      return;
    }
    remember('samples');
    setDismissed(true);
    toast({ kind: 'success', message: t('agenda.welcome.opened', { n: result.value.results.length }) });
    onImported();
    window.dispatchEvent(new Event(CASES_CHANGED_EVENT));
  };

  return (
    <>
      <section className="welcome" aria-labelledby="welcome-title">
        <h2 id="welcome-title">{t('agenda.welcome.title')}</h2>
        <p>{t('agenda.welcome.text')}</p>
        <div className="empty-actions">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void openSamples()}>
            {busy ? t('agenda.welcome.opening') : t('agenda.welcome.openSamples')}
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => {
              remember('empty');
              setDismissed(true);
            }}
          >
            {t('agenda.welcome.startEmpty')}
          </button>
        </div>
      </section>
      {!encrypted && (
        <section className="welcome welcome-protect" aria-labelledby="welcome-protect-title">
          <h2 id="welcome-protect-title">{t('vault.welcome.title')}</h2>
          <p>{t('vault.welcome.text')}</p>
          <div className="empty-actions">
            <button type="button" className="btn" onClick={() => navigate({ name: 'settings', section: 'encryption' })}>
              {t('vault.welcome.action')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
