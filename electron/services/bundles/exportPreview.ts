import type { ExportedBundle, ExportPreview } from '../../../shared/contract';
import type { CaseFile } from '../../../shared/model';
import { namedOriginals } from './containerRules';

type Flagged = { confidential?: boolean | undefined };
const flagged = (items: readonly Flagged[] | undefined) => (items ?? []).filter((i) => i.confidential === true).length;

/** Items marked confidential, and the fields MODEL.md keeps confidential always, that are filled in. */
function confidentialCount(c: CaseFile): number {
  let n = flagged(c.events) + flagged(c.sources) + flagged(c.annotations) + flagged(c.deadlines) + flagged(c.requests) + flagged(c.advocacy as Flagged[]);
  if (c.consent) n += 1;
  if (c.kind === 'political_prisoner') {
    n += flagged(c.decisions);
    for (const field of [c.person.contact, c.person.address, c.person.idDocument, c.lawyer, c.detention?.health]) if (field !== undefined && field !== '') n += 1;
  }
  return n;
}

/** Who a case is about, as its card names them. */
const subject = (c: CaseFile) => (c.kind === 'political_prisoner' ? c.person.name : c.organization.name);

/** What an export of `bundle` puts in clear: the warning before a plain export from an encrypted folder says it in numbers. */
export function previewExport(bundle: ExportedBundle, options: { encrypted: boolean; files: boolean }): ExportPreview {
  const originals = options.files ? namedOriginals(bundle).originals : [];
  return {
    encrypted: options.encrypted,
    cases: bundle.cases.length,
    names: [...new Set(bundle.cases.map(subject))],
    confidential: bundle.cases.reduce((n, c) => n + confidentialCount(c), 0),
    originals: { count: originals.length, bytes: originals.reduce((n, o) => n + o.size, 0) },
    history: bundle.history !== undefined,
  };
}
