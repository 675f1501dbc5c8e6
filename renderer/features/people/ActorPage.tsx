import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ActorRole, type ActorDetail, type Appearance } from '../../../shared/people';
import { ConfidentialBadge } from '../../components/ConfidentialBadge';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../lib/errors';
import { useCasesChanged } from '../../lib/events';
import { formatPartialDate } from '../../lib/partialDates';
import { navigate, routeHref } from '../../lib/router';
import { useOperation } from '../../lib/useOperation';
import { openAppearance } from './openAppearance';
import { canSplit, groupByCase, rolesOf } from './peopleModel';
import { useRoleLabel } from './roleLabel';
import { useActText } from './useActText';
import './people.css';

// One person's or body's page: its spellings and roles, and every case it appears in with
// what it did there. Confidential appearances (the lawyer, a confidential decision) are
// shown, marked, as the case view shows them: this page never leaves the machine.

export function ActorPage({ actorKey }: { actorKey: string }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const detail = useOperation(() => api['people.get']({ key: actorKey, includeConfidential: true }), [actorKey], { resetOnChange: true });
  useCasesChanged(() => void detail.refresh());
  const heading = useRef<HTMLHeadingElement>(null);
  const a = detail.value;
  // A new page (a split just moved here) starts at its heading, for the keyboard and screen readers.
  useEffect(() => {
    if (a?.key === actorKey) heading.current?.focus();
  }, [a?.key, actorKey]);

  return (
    <div className="page people-page actor-page">
      <p className="actor-back">
        <a href={routeHref({ name: 'people' })}>{t('people.back')}</a>
      </p>
      {detail.error && (
        <div className="banner banner-error" role="alert">
          {detail.error.code === 'not_found' ? t('people.gone') : t('people.loadOneFailed', { message: errorOf(detail.error) })}{' '}
          {detail.error.code !== 'not_found' && (
            <button type="button" className="btn btn-small" onClick={() => void detail.refresh()}>
              {t('save.retry')}
            </button>
          )}
        </div>
      )}
      {!a ? (
        !detail.error && <p className="page-loading">{t('common.loading')}</p>
      ) : (
        <>
          <header className="page-header">
            <h1 ref={heading} tabIndex={-1}>
              {a.name}
            </h1>
            <ActorFacts a={a} />
          </header>
          <SplitForm a={a} />
          <AppearanceList appearances={a.appearances} />
        </>
      )}
    </div>
  );
}

function ActorFacts({ a }: { a: ActorDetail }) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const roles = rolesOf(a.appearances, ActorRole.options);
  return (
    <dl className="actor-facts">
      <dt>{t('people.type')}</dt>
      <dd>{t(`people.types.${a.type}`)}</dd>
      <dt>{t('people.col.roles')}</dt>
      <dd>{(roles.length > 0 ? roles : a.roles).map((r) => roleLabel(r)).join(', ')}</dd>
      <dt>{t('people.col.cases')}</dt>
      <dd>{t('people.caseCount', { count: a.caseCount })}</dd>
      {a.curated && (
        <>
          <dt>{t('people.curated')}</dt>
          <dd>{t('people.curatedHint')}</dd>
        </>
      )}
    </dl>
  );
}

/** The spellings, each with a box: the chosen ones can become an entry of their own. */
function SplitForm({ a }: { a: ActorDetail }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  const toast = useToast();
  const legend = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => setChosen(new Set()), [a.key, a.spellings.length]);
  const single = a.spellings.length < 2;

  const split = async () => {
    setBusy(true);
    setFailure(null);
    const result = await api['people.split']({ key: a.key, spellings: a.spellings.filter((s) => chosen.has(s)) });
    setBusy(false);
    if (!result.ok) return setFailure(t('people.splitFailed', { message: errorOf(result.error) }));
    const { kept, split: moved } = result.value;
    toast({ kind: 'success', message: t('people.splitDone', { name: moved.name, from: kept.name }), action: { label: t('people.openSplit'), run: () => navigate({ name: 'actor', key: moved.key }) } });
    setChosen(new Set());
    // The entry left behind may have a new key now that it is curated by hand.
    if (kept.key !== a.key) navigate({ name: 'actor', key: kept.key });
  };

  return (
    <section className="actor-spellings" aria-labelledby={legend}>
      <h2 id={legend}>{t('people.spellings')}</h2>
      {single ? (
        <p>{a.spellings[0] ?? a.name}</p>
      ) : (
        <fieldset className="actor-split">
          <legend className="field-hint">{t('people.splitIntro')}</legend>
          <ul>
            {a.spellings.map((s) => (
              <li key={s}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(s)}
                    onChange={(e) =>
                      setChosen((c) => {
                        const next = new Set(c);
                        if (e.target.checked) next.add(s);
                        else next.delete(s);
                        return next;
                      })
                    }
                  />
                  {s}
                </label>
              </li>
            ))}
          </ul>
          <button type="button" className="btn" disabled={busy || !canSplit(a.spellings, chosen)} onClick={() => void split()}>
            {t('people.split')}
          </button>
        </fieldset>
      )}
      {failure && (
        <div className="banner banner-error" role="alert">
          {failure}
        </div>
      )}
    </section>
  );
}

function AppearanceList({ appearances }: { appearances: Appearance[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roleLabel = useRoleLabel();
  const actText = useActText();
  const groups = useMemo(() => groupByCase(appearances, format.compare), [appearances, format.compare]);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('people.casesHeading', { count: groups.length })}</h2>
      {groups.length === 0 && <p className="empty-note">{t('people.noCases')}</p>}
      <ul className="actor-cases">
        {groups.map((g) => (
          <li key={g.caseId} className={g.confidentialOnly ? 'is-confidential' : undefined}>
            <h3>
              <a
                href={routeHref({ name: 'case', id: g.caseId })}
                onClick={(e) => {
                  e.preventDefault();
                  void openAppearance(g.appearances[0]!);
                }}
              >
                {g.caseTitle}
              </a>
            </h3>
            <ul className="actor-appearances">
              {g.appearances.map((x, i) => {
                const role = roleLabel(x.role);
                return (
                  <li key={`${x.path.join('.')}-${i}`}>
                    <span className="actor-role">{role}</span>
                    {x.date && (
                      <>
                        {' · '}
                        <span className="timeline-date">{formatPartialDate(x.date, format.lang)}</span>
                      </>
                    )}
                    <span> · {actText(x.act)}</span>
                    {x.what && <span> — {x.what}</span>}
                    {x.spelling && <span className="muted"> · «{x.spelling}»</span>}
                    {x.confidential && <ConfidentialBadge />}{' '}
                    <a
                      className="actor-open"
                      href={routeHref({ name: 'case', id: x.caseId })}
                      aria-label={t('people.openAt', { title: g.caseTitle, role })}
                      onClick={(e) => {
                        e.preventDefault();
                        void openAppearance(x);
                      }}
                    >
                      {t('people.openInCase')}
                    </a>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
