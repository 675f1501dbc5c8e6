import { useTranslation } from 'react-i18next';
import { formatPath } from '../../../shared/errors';
import { useErrorText } from '../../lib/errors';
import type { CheckState } from './useBriefCheck';

/**
 * What the check found: the template's refusal (the Render button is disabled and
 * described by it, `refusalId`), or the fields the case lacks for it, as warnings.
 */
export function Completeness({ state, refusalId }: { state: CheckState; refusalId: string }) {
  const { t } = useTranslation();
  const errorOf = useErrorText();
  switch (state.kind) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <p className="field-hint brief-check-state" role="status">
          {t('briefs14.check.loading')}
        </p>
      );
    case 'failed':
      return (
        <p className="brief-warning" role="alert">
          {t('briefs14.check.failed', { message: errorOf(state.error) })}
        </p>
      );
    case 'done': {
      const { refused, gaps } = state.check;
      if (refused)
        return (
          <div className="brief-outcome brief-refused brief-not-fit" role="alert">
            <p className="brief-headline">{t('briefs14.check.refused')}</p>
            <p id={refusalId}>{refused}</p>
          </div>
        );
      if (gaps.length === 0)
        return (
          <p className="brief-check" role="status">
            <span aria-hidden="true">✓ </span>
            {t('briefs14.check.complete')}
          </p>
        );
      return (
        <section className="brief-gaps" aria-labelledby={`${refusalId}-gaps`}>
          <p id={`${refusalId}-gaps`} className="brief-headline">
            <span aria-hidden="true">⚠ </span>
            {t('briefs14.check.gaps', { n: gaps.length })}
          </p>
          <ul className="brief-issues">
            {gaps.map((g) => (
              <li key={g.code + (g.path ? formatPath(g.path) : '')} data-code={g.code} data-path={g.path ? formatPath(g.path) : undefined}>
                <span className="brief-issue-message">{g.message}</span>
              </li>
            ))}
          </ul>
          <p className="field-hint">{t('briefs14.check.gapsHint')}</p>
        </section>
      );
    }
  }
}
