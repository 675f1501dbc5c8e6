import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { Result } from '../../../shared/errors';
import type { SharingKeys } from '../../../shared/sealing';
import { useToast } from '../../components/Toasts';
import { useErrorText } from '../../lib/errors';
import { ExportDialog } from './ExportDialog';

// Settings → Sharing keys: this folder's public key, to give to partners, and the partners'
// keys by name, to seal bundles for them (bundles/sharingKeys in the services).

export function SharingKeysSection() {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const toast = useToast();
  const id = useId();
  const [keys, setKeys] = useState<SharingKeys | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [sealing, setSealing] = useState(false);

  const take = (r: Result<SharingKeys>) => {
    if (r.ok) {
      setKeys(r.value);
      setProblem(null);
      return true;
    }
    setProblem(t('sealed.keysFailed', { message: errorOf(r.error) }));
    return false;
  };

  useEffect(() => {
    let live = true;
    void api['bundle.sharingKeys']({}).then((r) => live && take(r));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once; `take` only sets state
  }, []);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (take(await api['bundle.addPartner']({ name, key: key.trim() }))) {
      setName('');
      setKey('');
    }
  };

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast({ kind: 'success', message: t('sealed.copied') });
    } catch {
      // A browser without clipboard access: the key is shown selectable beside the button.
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {t('sealed.keysTitle')}
      </h2>
      <p className="field-hint">{t('sealed.keysIntro')}</p>
      <h3>{t('sealed.ownKey')}</h3>
      {keys?.publicKey ? (
        <p>
          <code data-testid="own-public-key">{keys.publicKey}</code>{' '}
          <button type="button" className="btn" onClick={() => void copy(keys.publicKey!)}>
            {t('sealed.copyKey')}
          </button>
        </p>
      ) : keys?.canMakeKey ? (
        <p>
          {t('sealed.noOwnKey')}{' '}
          <button type="button" className="btn" onClick={() => void api['bundle.makeKey']({}).then(take)}>
            {t('sealed.makeKey')}
          </button>
        </p>
      ) : (
        keys && <p className="muted">{t('sealed.plainFolderNoKey')}</p>
      )}
      <h3>{t('sealed.partnerKeys')}</h3>
      {keys && keys.partners.length === 0 && <p className="muted">{t('sealed.noPartnerKeys')}</p>}
      <ul>
        {keys?.partners.map((p) => (
          <li key={p.key}>
            <strong>{p.name}</strong> <code>{p.key}</code>{' '}
            <button type="button" className="btn" onClick={() => void api['bundle.removePartner']({ key: p.key }).then(take)}>
              {t('sealed.removePartner', { name: p.name })}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('sealed.partnerName')}
          </label>
          <input id={`${id}-name`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-key`}>
            {t('sealed.partnerKey')}
          </label>
          <input id={`${id}-key`} value={key} spellCheck={false} autoComplete="off" onChange={(e) => setKey(e.target.value)} />
        </div>
        <button type="submit" className="btn" disabled={name.trim() === '' || key.trim() === ''}>
          {t('sealed.addPartner')}
        </button>
      </form>
      <p>
        <button type="button" className="btn" onClick={() => setSealing(true)}>
          {t('sealed.exportAllSealed')}
        </button>
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {sealing && <ExportDialog ids={undefined} initialHow="partners" onClose={() => setSealing(false)} />}
    </section>
  );
}
