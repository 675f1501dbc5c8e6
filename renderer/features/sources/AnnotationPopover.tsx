import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnotationState, CaseFile } from '../../../shared/model';
import { caseAnnotationTags, shorten } from '../../lib/annotationTags';
import { AnnotationFields, type AnnotationForm } from '../annotations/AnnotationFields';

type Props = {
  popRef: RefObject<HTMLDivElement | null>;
  c: CaseFile;
  /** The words selected, or what stands for an area with no words in it. */
  quote: string;
  reattaching: AnnotationState | undefined;
  form: AnnotationForm;
  setForm: (f: AnnotationForm) => void;
  onCreate: () => void;
  onAttach: () => void;
  onCancel: () => void;
};

/** The small form beside a selection (in the text or on the original's page): annotate it, or re-attach an orphan there. */
export function AnnotationPopover({ popRef, c, quote, reattaching, form, setForm, onCreate, onAttach, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <div
      ref={popRef}
      className="ann-popover"
      role="dialog"
      aria-label={reattaching ? (reattaching.status === 'changed' ? t('sources.reader.reselectTitle') : t('sources.reader.reattachTitle')) : t('sources.reader.newAnnotation')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !reattaching) {
          e.preventDefault();
          onCreate();
        }
      }}
    >
      <p className="ann-popover-quote" dir="auto">
        “{shorten(quote, 120)}”
      </p>
      {reattaching ? (
        <>
          <p className="ann-popover-text">{t('sources.reader.reattachHere', { quote: shorten(reattaching.quote ?? '', 60) })}</p>
          <div className="ann-popover-actions">
            <button type="button" className="btn btn-primary" onClick={onAttach} autoFocus>
              {t('sources.reader.attach')}
            </button>
            <button type="button" className="btn" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          <AnnotationFields value={form} onChange={setForm} knownTags={caseAnnotationTags(c)} bodyLabel={t('sources.annotation.body')} autoFocus compact />
          <div className="ann-popover-actions">
            <button type="button" className="btn btn-primary" onClick={onCreate}>
              {t('sources.reader.saveAnnotation')}
            </button>
            <button type="button" className="btn" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
