import { api } from '../../api';
import type { BriefCheck } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../shared/model/brief';
import { useOperation } from '../../lib/useOperation';

export type CheckState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; check: BriefCheck } | { kind: 'failed'; error: ApiError };

/**
 * Asks the service, on opening and whenever the choice or the saved case changes, whether
 * the template fits the cases and what they lack for it (in the reader's language, for a
 * brief in `briefLang`: the name and summary checks depend on it). An
 * answer to an earlier question is dropped, and none is shown for the new one until it comes.
 */
export function useBriefCheck(open: boolean, ids: readonly string[], template: BriefTemplate, mode: BriefMode, lang: BriefLang, briefLang: BriefLang, rev: number): CheckState {
  const key = ids.join(',');
  const enabled = open && key !== '';
  const { value, error, loading } = useOperation(() => api['briefs.check']({ ids: key.split(','), template, mode, lang, briefLang }), [key, template, mode, lang, briefLang, rev], {
    enabled,
    resetOnChange: true,
  });
  if (!enabled) return { kind: 'idle' };
  if (loading) return { kind: 'loading' };
  if (error) return { kind: 'failed', error };
  return value ? { kind: 'done', check: value } : { kind: 'loading' };
}

/** Why rendering is refused, when the check says the template does not fit. */
export const refusalOf = (state: CheckState): string | undefined => (state.kind === 'done' ? state.check.refused : undefined);
