import type { Organization } from '../../../../../shared/organization';
import { join } from '../../format';
import type { Run } from '../../doc/model';
import { THEME } from '../../doc/theme';
import { toBeCompleted, type Ctx } from '../../sections';

// The organisation that issues or submits the brief, as the mode may print it (ctx.org is
// already cut to the name outside submission and internal modes).

export type IssuerWords = { phone: string; email: string; responsible: string; missing: string };

/** "Issued by: <name>", then the contact lines the mode allows; nothing when no profile is set (an internal brief says so). */
export function issuer(ctx: Ctx, title: string, words: IssuerWords): void {
  const { w } = ctx;
  const org: Organization = ctx.org;
  if (!org.name) {
    if (ctx.mode === 'internal') toBeCompleted(ctx, words.missing);
    return;
  }
  const contact = [
    org.address?.replace(/\n/g, ', '),
    org.phone && `${words.phone}: ${org.phone}`,
    org.email && `${words.email}: ${org.email}`,
    org.responsiblePerson && `${words.responsible}: ${join([org.responsiblePerson, org.responsibleRole])}`,
  ].filter((s): s is string => Boolean(s));
  w.keep(() => {
    w.block([{ text: `${title}: ${org.name!}`, style: 'bold' }], { gapAfter: contact.length > 0 ? 1 : 6 });
    const runs: Run[] = [{ text: contact.join(' · '), color: THEME.muted }];
    if (contact.length > 0) w.block(runs, { size: THEME.small });
  });
}
