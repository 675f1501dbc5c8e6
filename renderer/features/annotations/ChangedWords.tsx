import { useTranslation } from 'react-i18next';
import { shorten } from '../../lib/annotationTags';

/** The words a changed annotation was made on, and the words now in its passage, one above the other. */
export function ChangedWords({ was, now, limit }: { was: string; now: string; limit?: number }) {
  const { t } = useTranslation();
  const cut = (s: string) => (limit === undefined ? s : shorten(s, limit));
  return (
    <dl className="changed-words">
      <dt>{t('sources.changed.was')}</dt>
      <dd>
        <q className="ann-quote changed-was" dir="auto">
          {cut(was)}
        </q>
      </dd>
      <dt>{t('sources.changed.now')}</dt>
      <dd>
        <q className="ann-quote changed-now" dir="auto">
          {cut(now)}
        </q>
      </dd>
    </dl>
  );
}
