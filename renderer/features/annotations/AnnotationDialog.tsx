import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, AnnotationState, CaseFile } from '../../../shared/model';
import { ConfidentialBadge } from '../../components/ConfidentialBadge';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import { newId } from '../../lib/ids';
import type { Edit } from '../../lib/edit';
import { AnnotationFields, type AnnotationForm } from './AnnotationFields';
import { ChangedWords } from './ChangedWords';
import { orphanReason } from './orphanReason';
import { caseAnnotationTags, formatTags, parseTags, shorten } from '../../lib/annotationTags';

/** Sets or drops `publicComment`, so an annotation never stored with it keeps no `false` either. */
function withPublicComment(a: Annotation, on: boolean | undefined): Annotation {
  const { publicComment: _was, ...rest } = a;
  return on ? { ...rest, publicComment: true } : rest;
}

type Props = {
  c: CaseFile;
  edit: Edit;
  /** The annotation to edit, or null for a new note on the case. */
  annotation: Annotation | null;
  state?: AnnotationState;
  /** Other highlights covering the spot that was clicked: the user can switch to them. */
  alsoHere?: readonly AnnotationState[];
  onSwitch?: (id: string) => void;
  onReattach?: (id: string) => void;
  onAccept?: (id: string) => void;
  onClose: () => void;
};

/** Opens one annotation (a highlight or a note): its comment, tags and mark; delete with confirmation. */
export function AnnotationDialog({ c, edit, annotation, state, alsoHere = [], onSwitch, onReattach, onAccept, onClose }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [form, setForm] = useState<AnnotationForm>(() => ({
    body: annotation?.body ?? '',
    tags: formatTags(annotation?.tags ?? []),
    confidential: annotation?.confidential ?? false,
    // Off by default: a comment is a working note until the advocate says it may be printed.
    publicComment: annotation?.publicComment === true,
  }));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const isNote = annotation === null || !annotation.target;
  const source = annotation?.sourceId ? c.sources.find((s) => s.id === annotation.sourceId) : undefined;

  const save = () => {
    const tags = parseTags(form.tags);
    const now = new Date().toISOString();
    if (annotation === null) {
      if (form.body.trim() === '') {
        setMessage(t('sources.note.bodyRequired'));
        return;
      }
      const note: Annotation = { id: newId(), body: form.body, tags, confidential: form.confidential, publicComment: form.publicComment || undefined, createdAt: now, updatedAt: now };
      edit((d) => ({ ...d, annotations: [...d.annotations, note] }));
      toast({ kind: 'success', message: t('sources.note.added') });
    } else {
      edit((d) => ({
        ...d,
        annotations: d.annotations.map((a) => (a.id === annotation.id ? withPublicComment({ ...a, body: form.body, tags, confidential: form.confidential, updatedAt: now }, form.publicComment) : a)),
      }));
    }
    onClose();
  };

  const remove = () => {
    if (!annotation) return;
    const index = c.annotations.findIndex((a) => a.id === annotation.id);
    edit((d) => ({ ...d, annotations: d.annotations.filter((a) => a.id !== annotation.id) }));
    onClose();
    toast({
      message: isNote ? t('sources.note.deleted') : t('sources.annotation.deleted'),
      action: {
        label: t('common.undo'),
        run: () =>
          edit((d) => {
            if (d.annotations.some((a) => a.id === annotation.id)) return d;
            if (annotation.sourceId && !d.sources.some((s) => s.id === annotation.sourceId)) return d;
            const list = [...d.annotations];
            list.splice(Math.min(Math.max(index, 0), list.length), 0, annotation);
            return { ...d, annotations: list };
          }),
      },
    });
  };

  const title = annotation === null ? t('sources.note.new') : isNote ? t('sources.note.edit') : t('sources.annotation.edit');
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      className="ann-dialog"
      footer={
        confirmDelete ? (
          <div className="confirm-row" role="group" aria-label={t('sources.annotation.confirmDeleteLabel')}>
            <span className="confirm-text">{isNote ? t('sources.note.confirmDelete') : t('sources.annotation.confirmDelete')}</span>
            <button type="button" className="btn btn-danger" onClick={remove}>
              {isNote ? t('sources.note.delete') : t('sources.annotation.delete')}
            </button>
            <button type="button" className="btn" onClick={() => setConfirmDelete(false)} autoFocus>
              {t('sources.annotation.keep')}
            </button>
          </div>
        ) : (
          <>
            {annotation !== null && (
              <button type="button" className="btn btn-danger-quiet" onClick={() => setConfirmDelete(true)}>
                {t('common.remove')}…
              </button>
            )}
            <span className="spacer" />
            <button type="button" className="btn" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="button" className="btn btn-primary" onClick={save}>
              {t('sources.save')}
            </button>
          </>
        )
      }
    >
      {annotation?.target && (
        <figure className={`ann-dialog-quote${state?.status === 'orphaned' ? ' is-orphaned' : state?.status === 'changed' ? ' is-changed' : ''}`}>
          {state?.status === 'changed' ? (
            <ChangedWords was={annotation.target.quote.exact} now={state.currentText ?? ''} />
          ) : (
            <blockquote dir="auto">{annotation.target.quote.exact}</blockquote>
          )}
          <figcaption className="muted">
            {source ? t('sources.annotation.inSource', { title: source.title }) : null}
            {source?.confidential && <ConfidentialBadge />}
          </figcaption>
          {state?.status === 'changed' && (
            <div className="changed-review">
              <p>
                <strong>{t('sources.panel.changedOne')}:</strong> {t('sources.changed.explain')}
              </p>
              <div className="ann-item-actions">
                {onAccept && (
                  <button type="button" className="btn btn-small btn-primary" onClick={() => onAccept(annotation.id)}>
                    {t('sources.panel.accept')}
                  </button>
                )}
                {onReattach && (
                  <button type="button" className="btn btn-small" onClick={() => onReattach(annotation.id)}>
                    {t('sources.panel.reselect')}
                  </button>
                )}
              </div>
            </div>
          )}
          {state?.status === 'orphaned' && (
            <p className="orphan-reason">
              <strong>{t('sources.panel.orphanedOne')}:</strong> {orphanReason(t, state)}
              {onReattach && (
                <>
                  {' '}
                  <button type="button" className="btn btn-small" onClick={() => onReattach(annotation.id)}>
                    {t('sources.panel.reattach')}
                  </button>
                </>
              )}
            </p>
          )}
        </figure>
      )}
      {annotation && !annotation.target && source && <p className="muted">{t('sources.note.onSource', { title: source.title })}</p>}
      {alsoHere.length > 0 && onSwitch && (
        <div className="also-here">
          <p className="field-label">{t('sources.annotation.alsoHere')}</p>
          <ul>
            {alsoHere.map((s) => (
              <li key={s.id}>
                <button type="button" className="btn-link" onClick={() => onSwitch(s.id)}>
                  “{shorten(s.quote ?? '', 60)}”{s.body ? ` — ${shorten(s.body, 60)}` : ''}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <AnnotationFields
        value={form}
        onChange={(v) => {
          setForm(v);
          setMessage(null);
        }}
        knownTags={caseAnnotationTags(c)}
        bodyLabel={isNote ? t('sources.note.body') : t('sources.annotation.body')}
        autoFocus
      />
      {message && (
        <p className="field-error" role="alert">
          {message}
        </p>
      )}
    </Dialog>
  );
}
