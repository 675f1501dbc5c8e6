import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import type { ExportPreview, Progress } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { PartnerKey, SealRequest } from '../../../shared/sealing';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { useErrorText } from '../../lib/errors';
import { useFormat } from '../../i18n/format';
import { exportWithFiles } from './containerExport';
import { exportCases, exportIncludesHistory, exportToast, type Exported } from './exportBundle';
import type { ExportScope } from './exportName';
import { exportSealed, pastedKeys } from './sealedExport';

// Export, with the choice to seal (issue 18): a plain bundle, one sealed with a passphrase,
// or one sealed for partners' public keys. From an encrypted folder a plain bundle is
// preceded by what it will put in clear, counted, and the button says "in clear".

export type How = 'plain' | 'passphrase' | 'partners';

type Props = {
  /** The cases to export; all when undefined. */
  ids: readonly string[] | undefined;
  /** The one case's person or organisation, for the file's name. */
  subject?: string | undefined;
  onClose: () => void;
  /** The choice the dialog opens with (Settings → Sharing keys opens it on sealing). */
  initialHow?: How;
};

export function ExportDialog({ ids, subject, onClose, initialHow = 'plain' }: Props) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const toast = useToast();
  const id = useId();
  const history = exportIncludesHistory();
  const [how, setHow] = useState<How>(initialHow);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [partners, setPartners] = useState<PartnerKey[]>([]);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [pasted, setPasted] = useState('');
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Originals travel by default (a .casefile.zip); unticked, the bundle is JSON only.
  const [files, setFiles] = useState(true);
  const [progress, setProgress] = useState<Progress | null>(null);
  const stopping = useRef<AbortController | null>(null);
  const format = useFormat();
  const mb = (bytes: number) => format.number(Math.max(0.1, Math.round((bytes / 1048576) * 10) / 10));

  useEffect(() => {
    let live = true;
    void api['bundle.exportPreview']({ ...(ids ? { ids: [...ids] } : {}), history, files: true }).then((r) => {
      if (!live) return;
      if (r.ok) setPreview(r.value);
      else setProblem(t('sealed.loadFailed', { message: errorOf(r.error) }));
    });
    void api['bundle.sharingKeys']({}).then((r) => live && r.ok && setPartners(r.value.partners));
    return () => {
      live = false;
    };
  }, [ids, history, t, errorOf]);

  const scope: ExportScope = !ids ? 'all' : subject !== undefined && ids.length === 1 ? { subject } : { count: ids.length };
  const count = preview?.cases ?? ids?.length ?? 0;
  const warnPlain = how === 'plain' && preview?.encrypted === true;
  const originals = preview?.originals ?? { count: 0, bytes: 0 };
  const withFiles = files && originals.count > 0;

  const seal = (): SealRequest | string => {
    if (how === 'passphrase') {
      if ([...pass.normalize('NFC')].length < 8) return t('sealed.passphraseShort');
      if (pass !== again) return t('sealed.passphraseDiffers');
      return { passphrase: pass };
    }
    const recipients = [...new Set([...partners.filter((p) => chosen.has(p.key)).map((p) => p.key), ...pastedKeys(pasted)])];
    return recipients.length === 0 ? t('sealed.noRecipient') : { recipients };
  };

  const run = async () => {
    setProblem(null);
    if (withFiles) return runWithFiles();
    let result: Result<Exported>;
    if (how === 'plain') {
      setBusy(true);
      result = await exportCases(ids, history, subject);
    } else {
      const request = seal();
      if (typeof request === 'string') return setProblem(request);
      setBusy(true);
      result = await exportSealed(scope, ids, history, request);
    }
    setBusy(false);
    if (!result.ok) return setProblem(errorOf(result.error));
    if (!result.value) return; // the Save dialog was cancelled: the choice stays open
    const n = ids?.length ?? t('bundle.allCases');
    if (how === 'plain') {
      const message = exportToast(t, errorOf, result, n);
      if (message) toast(message);
    } else toast({ kind: 'success', message: t('sealed.exportedSealed', { n, file: result.value.file }) });
    onClose();
  };

  const runWithFiles = async () => {
    const request = how === 'plain' ? undefined : seal();
    if (typeof request === 'string') return setProblem(request);
    const stop = new AbortController();
    stopping.current = stop;
    setBusy(true);
    setProgress(null);
    const result = await exportWithFiles(scope, ids, history, { ...(request ? { seal: request } : {}), plain: how === 'plain' }, { signal: stop.signal, onProgress: setProgress });
    stopping.current = null;
    setBusy(false);
    if (!result.ok && result.error.code === 'cancelled') return toast({ kind: 'info', message: t('exportFiles.stopped') });
    if (!result.ok) return setProblem(errorOf(result.error));
    if (!result.value) return;
    toast({ kind: 'success', message: t('exportFiles.exported', { n: ids?.length ?? t('bundle.allCases'), count: result.value.originals, file: result.value.file }) });
    onClose();
  };

  const option = (value: How, label: string, hint: string) => (
    <label className="radio">
      <input type="radio" name={`${id}-how`} value={value} checked={how === value} onChange={() => setHow(value)} />
      <span>
        <strong>{label}</strong> — {hint}
      </span>
    </label>
  );

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('sealed.exportTitle')}
      wide
      footer={
        <>
          <button type="button" className="btn btn-primary" disabled={busy || preview === null} onClick={() => void run()}>
            {busy ? t('sealed.exporting') : warnPlain ? t('sealed.exportPlainAnyway') : t('sealed.exportAction')}
          </button>
          <button type="button" className="btn" onClick={() => (stopping.current ? stopping.current.abort() : onClose())}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <p className="dialog-intro">{t('sealed.exportIntro', { count })}</p>
      <fieldset className="field radio-group">
        <legend className="field-label">{t('sealed.how')}</legend>
        {option('plain', t('sealed.plain'), t('sealed.plainHint'))}
        {option('passphrase', t('sealed.withPassphrase'), t('sealed.withPassphraseHint'))}
        {option('partners', t('sealed.forPartners'), t('sealed.forPartnersHint'))}
      </fieldset>
      {originals.count > 0 && (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={files} onChange={(e) => setFiles(e.target.checked)} /> {t('exportFiles.include', { count: originals.count, size: mb(originals.bytes) })}
          </label>
          <p className="field-hint">{t('exportFiles.includeHint')}</p>
        </div>
      )}
      {busy && progress && (
        <p role="status">
          <progress value={progress.done} max={Math.max(progress.total, 1)} aria-label={t('sealed.exporting')} />{' '}
          {t('exportFiles.packing', { done: mb(progress.done), total: mb(progress.total) })}
        </p>
      )}
      {warnPlain && preview && (
        <div className="import-result import-refused" role="alert" data-testid="plain-export-warning">
          <p className="import-headline">{t('sealed.warnTitle')}</p>
          <ul>
            <li>{t('sealed.warnCases', { count: preview.cases })}</li>
            {preview.names.length > 0 && <li>{t('sealed.warnNames', { names: preview.names.join(', ') })}</li>}
            <li>{t('sealed.warnConfidential', { count: preview.confidential })}</li>
            {withFiles && <li>{t('exportFiles.warnOriginals', { count: originals.count, size: mb(originals.bytes) })}</li>}
            {preview.history && <li>{t('sealed.warnHistory')}</li>}
          </ul>
          <p>{t('sealed.warnSealInstead')}</p>
        </div>
      )}
      {how === 'passphrase' && (
        <>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-pass`}>
              {t('sealed.passphrase')}
            </label>
            <input id={`${id}-pass`} type="password" autoComplete="new-password" value={pass} onChange={(e) => setPass(e.target.value)} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-again`}>
              {t('sealed.passphraseAgain')}
            </label>
            <input id={`${id}-again`} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
          </div>
        </>
      )}
      {how === 'partners' && (
        <>
          <fieldset className="field">
            <legend className="field-label">{t('sealed.partners')}</legend>
            {partners.length === 0 && <p className="field-hint">{t('sealed.noPartners')}</p>}
            {partners.map((p) => (
              <label key={p.key} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(p.key)}
                  onChange={(e) =>
                    setChosen((prev) => {
                      const next = new Set(prev);
                      if (e.target.checked) next.add(p.key);
                      else next.delete(p.key);
                      return next;
                    })
                  }
                />{' '}
                {p.name}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-keys`}>
              {t('sealed.pastedKeys')}
            </label>
            <textarea id={`${id}-keys`} rows={3} spellCheck={false} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </div>
        </>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
