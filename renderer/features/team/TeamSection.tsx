import { useEffect, useId, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/team';
import { api } from '../../api';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../lib/errors';
import { useOperation } from '../../lib/useOperation';
import { syncStateText } from './syncText';
import { useSyncStatus } from './useSyncStatus';
import './team.css';

// Settings → Team: this machine's name in the history, how to set up Syncthing step by
// step (with a button that adds the folder through Syncthing's REST API), what Syncthing
// says now and which devices it has seen, and where Syncthing is when it was not found.

function DeviceName() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const device = useOperation(() => api['team.device']({}), []);
  const [name, setName] = useState<string | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const shown = name ?? device.value?.name ?? '';
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api['team.setDeviceName']({ name: shown });
    setNote(r.ok ? { ok: true, text: t('team.nameSaved') } : { ok: false, text: errorText(r.error) });
    if (r.ok) {
      setName(null);
      await device.refresh();
    }
  };
  return (
    <form onSubmit={(e) => void save(e)} className="team-device">
      <label htmlFor={id} className="field-label">
        {t('team.deviceName')}
      </label>
      <input id={id} value={shown} maxLength={64} onChange={(e) => setName(e.target.value)} aria-describedby={`${id}-hint`} disabled={!device.value} />
      <p className="field-hint" id={`${id}-hint`}>
        {t('team.deviceNameHint')} {device.value && t('team.deviceId', { id: device.value.id })}
      </p>
      <button type="submit" className="btn" disabled={!device.value}>
        {t('team.saveName')}
      </button>
      {note && (
        <p className={note.ok ? 'muted' : 'field-error'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
      {device.error && (
        <p className="field-error" role="alert">
          {errorText(device.error)}
        </p>
      )}
    </form>
  );
}

function Peers({ status }: { status: SyncStatus }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (status.peers.length === 0) return <p className="empty-note">{t('team.noPeers')}</p>;
  return (
    <table className="data-table team-peers" aria-label={t('team.peersTitle')}>
      <thead>
        <tr>
          <th scope="col">{t('team.peerName')}</th>
          <th scope="col">{t('team.peerState')}</th>
          <th scope="col">{t('team.peerLastSeen')}</th>
        </tr>
      </thead>
      <tbody>
        {status.peers.map((p) => (
          <tr key={p.id}>
            <th scope="row" title={p.id}>
              {p.name}
            </th>
            <td>
              {p.connected ? t('team.connected') : t('team.disconnected')}
              {p.connected && p.completion !== undefined && p.completion < 100 ? ` · ${Math.floor(p.completion)}%` : ''}
              {p.encrypted ? ` · ${t('team.encryptedPeer')}` : ''}
            </td>
            <td>{p.lastSeen ? format.dateTime(p.lastSeen) : t('team.never')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ShareForm({ onShared }: { onShared: (s: SyncStatus) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [peer, setPeer] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const share = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api['team.shareFolder']({ devices: peer.trim() ? [{ id: peer.trim() }] : [] });
    setBusy(false);
    // On success this form goes (the folder is shared now): the section says so instead.
    if (r.ok) onShared(r.value);
    else setNote({ ok: false, text: errorText(r.error) });
  };
  return (
    <form onSubmit={(e) => void share(e)} className="team-share">
      <label htmlFor={id} className="field-label">
        {t('team.shareWith')}
      </label>
      <input id={id} value={peer} onChange={(e) => setPeer(e.target.value)} aria-describedby={`${id}-hint`} spellCheck={false} autoComplete="off" />
      <p className="field-hint" id={`${id}-hint`}>
        {t('team.shareWithHint')}
      </p>
      <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('team.sharing') : t('team.share')}
      </button>
      {note && (
        <p className={note.ok ? 'muted' : 'field-error'} role={note.ok ? 'status' : 'alert'}>
          {note.text}
        </p>
      )}
    </form>
  );
}

function WhereForm({ onSaved }: { onSaved: (s: SyncStatus) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [fields, setFields] = useState({ configPath: '', address: '', apiKey: '' });
  const [error, setError] = useState<string | null>(null);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    const r = await api['team.setSyncthing'](given);
    setError(r.ok ? null : errorText(r.error));
    if (r.ok) onSaved(r.value);
  };
  const field = (key: keyof typeof fields, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`} className="field-label">
        {t(`team.${key}`)}
      </label>
      <input
        id={`${id}-${key}`}
        type={key === 'apiKey' ? 'password' : 'text'}
        value={fields[key]}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setFields((f) => ({ ...f, [key]: e.target.value }))}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
      />
      {hint && (
        <p className="field-hint" id={`${id}-${key}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
  return (
    <details className="team-where">
      <summary>{t('team.advancedTitle')}</summary>
      <form onSubmit={(e) => void save(e)}>
        {field('configPath')}
        {field('address', t('team.addressHint'))}
        {field('apiKey', t('team.apiKeyHint'))}
        <button type="submit" className="btn">
          {t('team.saveWhere')}
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </details>
  );
}

export function TeamSection({ headingRef }: { headingRef?: Ref<HTMLHeadingElement> }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const sync = useSyncStatus();
  const [fresh, setFresh] = useState<SyncStatus | null>(null);
  const [justShared, setJustShared] = useState(false);
  useEffect(() => setFresh(null), [sync.value]);
  const status = fresh ?? sync.value;
  return (
    <section className="card team-card" id="settings-team" aria-labelledby="settings-team-title">
      <h2 className="card-title" id="settings-team-title" ref={headingRef} tabIndex={-1}>
        {t('team.title')}
      </h2>
      <p className="muted">{t('team.intro')}</p>
      <DeviceName />
      <h3>{t('team.statusTitle')}</h3>
      <div role="status" aria-live="polite" data-testid="team-status">
        {status ? <p>{syncStateText(t, status, i18n.language)}</p> : sync.error ? null : <p className="muted">{t('common.loading')}</p>}
        {status?.message && status.state !== 'not_shared' && <p className="muted">{status.message}</p>}
      </div>
      {sync.error && (
        <p className="field-error" role="alert">
          {errorText(sync.error)}
        </p>
      )}
      {status?.thisDevice && <p className="muted team-id">{t('team.thisDevice', { id: status.thisDevice })}</p>}
      {status?.folderId && <p className="muted team-id">{t('team.folderId', { id: status.folderId })}</p>}
      {status?.where && <p className="muted">{t('team.where', { where: status.where })}</p>}
      <button type="button" className="btn btn-small" onClick={() => void sync.refresh()}>
        {t('team.refresh')}
      </button>
      {status && status.state !== 'not_found' && status.state !== 'not_shared' && (
        <>
          <h3>{t('team.peersTitle')}</h3>
          <Peers status={status} />
        </>
      )}
      <h3>{t('team.stepsTitle')}</h3>
      <ol className="team-steps">
        <li>{t('team.step1')}</li>
        <li>
          {t('team.step2')}
          {status?.state === 'not_shared' && (
            <ShareForm
              onShared={(s) => {
                setFresh(s);
                setJustShared(true);
              }}
            />
          )}
          {justShared && (
            <p className="muted" role="status">
              {t('team.shared')}
            </p>
          )}
        </li>
        <li>{t('team.step3')}</li>
        <li>{t('team.step4')}</li>
      </ol>
      <p className="muted">{t('team.limits')}</p>
      <WhereForm onSaved={setFresh} />
    </section>
  );
}
