import type { ReactNode } from 'react';
import { ConfidentialBadge } from './ConfidentialBadge';

// A titled section of a page (the case's parts, its sources, its history): the id
// names the anchor the side navigation and the search landing scroll to.

export function Section({ id, title, children, actions, confidential }: { id: string; title: string; children: ReactNode; actions?: ReactNode; confidential?: boolean }) {
  return (
    <section className={`case-section${confidential ? ' is-confidential' : ''}`} id={`section-${id}`} aria-labelledby={`section-${id}-title`}>
      <header className="case-section-header">
        <h2 id={`section-${id}-title`} tabIndex={-1}>
          {title}
        </h2>
        {confidential && <ConfidentialBadge always />}
        {actions && <div className="case-section-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
