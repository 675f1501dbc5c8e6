import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation, CaseFile, Event, Source } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toasts';
import type { Edit } from '../../lib/edit';

type Props = { c: CaseFile; edit: Edit; source: Source; onClose: () => void; onRemoved: () => void };

/**
 * Removing a source never drops annotations silently: while annotations point into
 * it, the removal needs an explicit "delete them too". Timeline events stop citing it
 * (a citation of a missing source would make the case invalid). Undo puts it all back.
 */
export function RemoveSourceDialog({ c, edit, source, onClose, onRemoved }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const [alsoAnnotations, setAlsoAnnotations] = useState(false);
  const annotations = c.annotations.filter((a) => a.sourceId === source.id);
  const citing = c.events.filter((e) => e.sourceIds?.includes(source.id));
  const blocked = annotations.length > 0 && !alsoAnnotations;

  const remove = () => {
    if (blocked) return;
    const index = c.sources.findIndex((s) => s.id === source.id);
    const removedAnnotations: { index: number; a: Annotation }[] = [];
    c.annotations.forEach((a, i) => {
      if (a.sourceId === source.id) removedAnnotations.push({ index: i, a });
    });
    const citingIds = new Set(citing.map((e) => e.id));
    edit((d) => ({
      ...d,
      sources: d.sources.filter((s) => s.id !== source.id),
      annotations: d.annotations.filter((a) => a.sourceId !== source.id),
      events: d.events.map((e): Event => {
        if (!e.sourceIds?.includes(source.id)) return e;
        const rest = e.sourceIds.filter((x) => x !== source.id);
        return { ...e, sourceIds: rest.length > 0 ? rest : undefined };
      }),
    }));
    onRemoved();
    toast({
      message: t('sources.remove.done', { title: source.title }),
      action: {
        label: t('common.undo'),
        run: () =>
          edit((d) => {
            if (d.sources.some((s) => s.id === source.id)) return d;
            const sources = [...d.sources];
            sources.splice(Math.min(index, sources.length), 0, source);
            const annotations = [...d.annotations];
            for (const { index: i, a } of removedAnnotations) if (!annotations.some((x) => x.id === a.id)) annotations.splice(Math.min(i, annotations.length), 0, a);
            const events = d.events.map((e) => (citingIds.has(e.id) && !e.sourceIds?.includes(source.id) ? { ...e, sourceIds: [...(e.sourceIds ?? []), source.id] } : e));
            return { ...d, sources, annotations, events };
          }),
      },
    });
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={t('sources.remove.title', { title: source.title })}
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="btn btn-danger" onClick={remove} disabled={blocked}>
            {annotations.length > 0 ? t('sources.remove.withAnnotations', { n: annotations.length }) : t('sources.remove.confirm')}
          </button>
        </>
      }
    >
      <p>{t('sources.remove.intro')}</p>
      {annotations.length > 0 ? (
        <div className="remove-warning" role="note">
          <p>
            <strong>{t('sources.remove.annotationsPoint', { n: annotations.length })}</strong>
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={alsoAnnotations} onChange={(e) => setAlsoAnnotations(e.target.checked)} />
            <span>{t('sources.remove.alsoAnnotations', { n: annotations.length })}</span>
          </label>
        </div>
      ) : (
        <p className="muted">{t('sources.remove.noAnnotations')}</p>
      )}
      {citing.length > 0 && <p>{t('sources.remove.citedBy', { n: citing.length })}</p>}
    </Dialog>
  );
}
