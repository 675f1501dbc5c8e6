import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderProgress } from '../../../shared/events';
import { useCoreEvent } from '../../lib/events';
import './openProgress.css';

// The header's word on a long open (a copied archive's first): how many cases are read, then
// indexed for search. The list works meanwhile; a search waits for the index and says so
// here. Gone when the last report says the phase is done.

export function OpenProgress() {
  const { t, i18n } = useTranslation();
  const [progress, setProgress] = useState<FolderProgress | null>(null);
  useCoreEvent('folder.progress', (p) => setProgress(p.done >= p.total ? null : p));
  if (!progress) return null;
  const number = new Intl.NumberFormat(i18n.language);
  const values = { done: number.format(progress.done), total: number.format(progress.total) };
  const text = progress.phase === 'reading' ? t('openProgress.reading', values) : t('openProgress.indexing', values);
  return (
    <div className="open-progress" role="status" data-testid="open-progress">
      <progress max={progress.total} value={progress.done} aria-label={text} />
      <span>{text}</span>
      {progress.phase === 'indexing' && <span className="open-progress-note">{t('openProgress.searchWaits')}</span>}
    </div>
  );
}
