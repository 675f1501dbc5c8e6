import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SourceKind, type CaseFile, type Source } from '../../../shared/model';
import { charsetWarning, type ExtractedSource } from '../../../shared/contract';
import { CheckboxField, DateField, opt, SelectField, ShowErrorsContext, TextField } from '../../components/fields';
import { Dialog } from '../../components/Dialog';
import { useFormat } from '../../i18n/format';
import { newId } from '../../lib/ids';
import { useCurrentSession } from '../../lib/caseSession';
import { enumOptions } from '../../lib/enumLabels';
import { type Edit } from '../../lib/edit';
import { sha256Hex } from './sha256';
import { DEFAULT_CHOICES, fileAsSaved, IntakeOptions, IntakeRecord, useIntake } from '../original';

type Form = {
  title: string;
  kind: Source['kind'];
  publisher: string;
  url: string;
  publishedOn: string;
  language: string;
  confidential: boolean;
  text: string;
};

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.pdf,.docx,.jpg,.jpeg,.png,.tif,.tiff,.webp,image/*';
const SCRATCH = 'sourceDialog';

function formOf(s: Source | null): Form {
  return {
    title: s?.title ?? '',
    kind: s?.kind ?? 'article',
    publisher: s?.publisher ?? '',
    url: s?.url ?? '',
    publishedOn: s?.publishedOn ?? '',
    language: s?.language ?? '',
    confidential: s?.confidential ?? false,
    text: s?.text ?? '',
  };
}

/** The file's warnings, the charset one in the interface's language (the service words it in English). */
function shownWarnings(result: Pick<ExtractedSource, 'warnings' | 'charset'>, charsetText: string): string[] {
  const charset = result.charset ? charsetWarning(result.charset) : undefined;
  return result.warnings.map((w) => (w === charset ? charsetText : w));
}

type Props = {
  c: CaseFile;
  edit: Edit;
  /** The source to edit, or null to add one. */
  source: Source | null;
  onClose: () => void;
  /** After a new source joins the case. */
  onAdded?: (id: string) => void;
};

/** Adds a source (pasted, or read from a file) or edits one's details and text. */
export function SourceDialog({ c, edit, source, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useCurrentSession();
  const id = useId();
  const [form, setForm] = useState<Form>(() => formOf(source));
  const [choices, setChoices] = useState(DEFAULT_CHOICES);
  const [attempted, setAttempted] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const autoTitle = useRef<string | null>(null);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const annotationCount = source ? c.annotations.filter((a) => a.sourceId === source.id && a.target).length : 0;

  const close = () => {
    session?.clearScratch(`field:${SCRATCH}.`);
    onClose();
  };

  const intake = useIntake((extracted, name) => {
    const fallbackTitle = name.replace(/\.[^.]+$/, '');
    setForm((prev) => {
      // Keep a title the user typed; replace one that came from an earlier file.
      const keepTitle = prev.title.trim() !== '' && prev.title !== autoTitle.current;
      const title = keepTitle ? prev.title : (extracted.title?.trim() || fallbackTitle).slice(0, 300);
      autoTitle.current = keepTitle ? autoTitle.current : title;
      return { ...prev, title, text: extracted.text };
    });
  });
  const file = intake.state;
  // The original the saved source will point to: the file just read, else the one it had.
  const original = fileAsSaved(file.phase === 'done' ? file.result : null, source, form.text);

  const save = () => {
    const invalid = session ? [...session.getState().scratch.entries()].some(([k, s]) => s.invalid && k.startsWith(`field:${SCRATCH}.`)) : false;
    if (invalid || form.title.trim() === '') {
      setAttempted(true);
      setMessage(t('form.completeRequired'));
      return;
    }
    const fields = {
      title: form.title,
      kind: form.kind,
      url: opt(form.url.trim()),
      publisher: opt(form.publisher.trim()),
      publishedOn: opt(form.publishedOn),
      language: opt(form.language.trim()),
      text: form.text,
      sha256: sha256Hex(form.text),
      confidential: form.confidential || undefined,
      ...(original ? { file: original } : {}),
    };
    if (source) {
      edit((d) => ({ ...d, sources: d.sources.map((s) => (s.id === source.id ? { id: s.id, ...fields } : s)) }));
      close();
    } else {
      const added: Source = { id: newId(), ...fields };
      edit((d) => ({ ...d, sources: [...d.sources, added] }));
      close();
      onAdded?.(added.id);
    }
  };

  const kinds = enumOptions(t, 'source', SourceKind.options);
  const p = `${SCRATCH}.${source?.id ?? 'new'}`;
  return (
    <Dialog
      open
      wide
      onClose={close}
      title={source ? t('sources.dialog.editTitle') : t('sources.dialog.addTitle')}
      className="source-dialog"
      footer={
        <>
          {message && (
            <p className="field-error" role="alert">
              {message}
            </p>
          )}
          <span className="spacer" />
          <button type="button" className="btn" onClick={() => (file.phase === 'reading' ? intake.cancel() : close())}>
            {file.phase === 'reading' ? t('original.intake.cancel') : t('common.cancel')}
          </button>
          <button type="button" className="btn btn-primary" onClick={save} disabled={file.phase === 'reading'}>
            {source ? t('sources.save') : t('sources.dialog.add')}
          </button>
        </>
      }
    >
      <ShowErrorsContext.Provider value={attempted}>
        <div className="field-grid">
          <TextField label={t('field.sourceTitle')} path={`${p}.title`} value={form.title} required span2 maxLength={300} onChange={(title) => set({ title })} />
          <SelectField label={t('field.sourceKind')} value={form.kind} options={kinds} onChange={(kind) => kind && set({ kind })} />
          <DateField label={t('field.publishedOn')} path={`${p}.publishedOn`} value={form.publishedOn} hint={t('field.dateHint')} onChange={(publishedOn) => set({ publishedOn })} />
          <TextField label={t('sources.field.publisher')} path={`${p}.publisher`} value={form.publisher} onChange={(publisher) => set({ publisher })} />
          <TextField label={t('sources.field.url')} path={`${p}.url`} value={form.url} span2 placeholder="https://" onChange={(url) => set({ url })} />
          <TextField
            label={t('sources.field.language')}
            path={`${p}.language`}
            value={form.language}
            hint={t('sources.field.languageHint')}
            maxLength={35}
            onChange={(language) => set({ language })}
          />
          <div className="field field-wide">
            <CheckboxField className="confidential-toggle" label={t('sources.field.confidential')} checked={form.confidential} onChange={(confidential) => set({ confidential })} />
          </div>
        </div>

        <div className="source-file">
          <label className="field-label" htmlFor={`${id}-file`}>
            {t('sources.file.label')}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            aria-describedby={`${id}-file-hint`}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void intake.read(f, choices);
              e.target.value = '';
            }}
          />
          <p className="field-hint" id={`${id}-file-hint`}>
            {t('original.intake.fileHint')}
          </p>
          <IntakeOptions value={choices} onChange={setChoices} disabled={file.phase === 'reading'} />
          {file.phase === 'reading' && (
            <div className="file-status intake-progress" role="status">
              <span>{t('sources.file.reading', { name: file.name })}</span>
              {file.progress && file.progress.total > 1 && (
                <>
                  <progress value={file.progress.done} max={file.progress.total} aria-label={t('original.intake.progressLabel')} />
                  <span>{t('original.intake.progress', { done: format.number(file.progress.done), total: format.number(file.progress.total) })}</span>
                </>
              )}
              <button type="button" className="btn btn-small" onClick={intake.cancel}>
                {t('original.intake.cancel')}
              </button>
            </div>
          )}
          {file.phase === 'done' && (
            <div className="file-status" role="status">
              <p>{t('sources.file.read', { name: file.name, format: file.result.format.toUpperCase(), n: format.number(file.result.text.length) })}</p>
              {file.result.warnings.length > 0 && (
                <ul className="file-warnings" aria-label={t('sources.file.warnings')}>
                  {shownWarnings(file.result, t('sources.file.charset', { declared: file.result.charset?.declared, used: file.result.charset?.used })).map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {original && <IntakeRecord file={original} metadata={file.phase === 'done' ? file.result.metadata : undefined} />}
          {original?.textBy === 'typed' && (file.phase === 'done' ? file.result.file.textBy !== 'typed' : source?.file?.textBy !== 'typed') && (
            <p className="field-hint">{t('original.intake.typedNote')}</p>
          )}
          {file.phase === 'failed' && (
            <div className="file-error" role="alert">
              <p className="file-error-title">{t('sources.file.failed', { name: file.name })}</p>
              <p>{file.message}</p>
            </div>
          )}
        </div>

        <div className="field-grid field-grid-single">
          <TextField
            label={t('sources.field.text')}
            path={`${p}.text`}
            value={form.text}
            multiline
            rows={14}
            hint={
              source && annotationCount > 0
                ? t('sources.field.textHintAnnotated', { n: annotationCount })
                : t('sources.field.textHint')
            }
            onChange={(text) => set({ text })}
            inputClassName="source-text-input"
          />
        </div>
      </ShowErrorsContext.Provider>
    </Dialog>
  );
}
