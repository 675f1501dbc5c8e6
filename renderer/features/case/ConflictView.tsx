import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../shared/model';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../i18n/format';
import { navigate } from '../../lib/router';
import type { CaseSession } from '../../lib/caseSession';
import { useErrorText } from '../../lib/errors';

// Shown when a save was refused because the case changed on disk meanwhile. Both
// versions side by side, the differing top-level fields marked; the user picks.

const FIELD_ORDER = [
  'title', 'status', 'priority', 'country', 'region', 'tags', 'summary',
  'person', 'arrest', 'detention', 'charges', 'decisions', 'recognitions', 'lawyer',
  'organization', 'measure', 'appeal', 'impact',
  'analysis', 'events', 'deadlines', 'advocacy', 'requests', 'consent', 'sources', 'annotations',
];
const IGNORED = new Set(['id', 'kind', 'rev', 'createdAt', 'updatedAt']);

function fieldsOf(a: CaseFile, b: CaseFile): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !IGNORED.has(k)));
  const known = FIELD_ORDER.filter((k) => keys.has(k));
  return [...known, ...[...keys].filter((k) => !FIELD_ORDER.includes(k)).sort()];
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

export function ConflictView({ session, mine, theirs }: { session: CaseSession; mine: CaseFile; theirs: CaseFile }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const format = useFormat();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [onlyDiffs, setOnlyDiffs] = useState(true);
  const fields = fieldsOf(mine, theirs);
  const differs = (k: string) => JSON.stringify((mine as Record<string, unknown>)[k]) !== JSON.stringify((theirs as Record<string, unknown>)[k]);
  const diffCount = fields.filter(differs).length;
  const shown = onlyDiffs ? fields.filter(differs) : fields;
  const label = (k: string) => {
    // Fields new in model version 2 are named in the prisoner part's locale files.
    for (const key of [`conflict.fields.${k}`, `prisoner.conflictFields.${k}`]) {
      const text = (t as unknown as (key: string) => string)(key);
      if (text !== key) return text;
    }
    return k;
  };

  const keepBoth = async () => {
    setBusy(true);
    const result = await session.keepBoth(`${mine.title} ${t('conflict.copySuffix')}`);
    setBusy(false);
    if (result.ok) {
      const copy = result.value;
      toast({ kind: 'success', message: t('conflict.keptBoth', { title: copy.title }), action: { label: t('common.open'), run: () => navigate({ name: 'case', id: copy.id }) } });
    } else {
      toast({ kind: 'error', message: t('conflict.keepBothFailed', { message: errorOf(result.error) }) });
    }
  };

  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <div className="conflict-banner" role="alert">
        <h2 id="conflict-title">{t('conflict.title')}</h2>
        <p>{t('conflict.explain', { rev: theirs.rev, date: format.dateTime(theirs.updatedAt) })}</p>
      </div>
      <div className="conflict-choices">
        <div className="conflict-choice">
          <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void keepBoth()}>
            {t('conflict.keepBoth')}
          </button>
          <p>{t('conflict.keepBothHint')}</p>
        </div>
        <div className="conflict-choice">
          <button type="button" className="btn" disabled={busy} onClick={() => void session.keepMine()}>
            {t('conflict.keepMine')}
          </button>
          <p>{t('conflict.keepMineHint')}</p>
        </div>
        <div className="conflict-choice">
          <button type="button" className="btn" disabled={busy} onClick={() => session.takeTheirs()}>
            {t('conflict.takeTheirs')}
          </button>
          <p>{t('conflict.takeTheirsHint')}</p>
        </div>
      </div>
      <div className="conflict-table-header">
        <p>{t('conflict.diffCount', { n: diffCount })}</p>
        <label className="checkbox">
          <input type="checkbox" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} />
          <span>{t('conflict.onlyDiffs')}</span>
        </label>
      </div>
      <table className="conflict-table">
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.mine')}</th>
            <th scope="col">{t('conflict.theirs', { rev: theirs.rev })}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((k) => {
            const diff = differs(k);
            return (
              <tr key={k} className={diff ? 'differs' : undefined}>
                <th scope="row">
                  {label(k)}
                  {diff && <span className="diff-mark">{t('conflict.differs')}</span>}
                </th>
                <td>
                  <pre className="conflict-value">{show((mine as Record<string, unknown>)[k])}</pre>
                </td>
                <td>
                  <pre className="conflict-value">{show((theirs as Record<string, unknown>)[k])}</pre>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
