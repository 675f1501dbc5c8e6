import { useEffect, useState } from 'react';
import { api } from '../../api';
import type { BriefCheck } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import type { BriefLang, BriefMode, BriefTemplate } from '../../../shared/model/brief';

export type CheckState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; check: BriefCheck } | { kind: 'failed'; error: ApiError };

/**
 * Asks the service, on opening and whenever the choice or the saved case changes, whether
 * the template fits the cases and what they lack for it (in the reader's language, for a
 * brief in `briefLang`: the name and summary checks depend on it). An
 * answer to an earlier question is dropped.
 */
export function useBriefCheck(open: boolean, ids: readonly string[], template: BriefTemplate, mode: BriefMode, lang: BriefLang, briefLang: BriefLang, rev: number): CheckState {
  const [state, setState] = useState<CheckState>({ kind: 'idle' });
  const key = ids.join(',');
  useEffect(() => {
    if (!open || key === '') {
      setState({ kind: 'idle' });
      return;
    }
    let live = true;
    setState({ kind: 'loading' });
    void api['briefs.check']({ ids: key.split(','), template, mode, lang, briefLang }).then((result) => {
      if (!live) return;
      setState(result.ok ? { kind: 'done', check: result.value } : { kind: 'failed', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [open, key, template, mode, lang, briefLang, rev]);
  return state;
}

/** Why rendering is refused, when the check says the template does not fit. */
export const refusalOf = (state: CheckState): string | undefined => (state.kind === 'done' ? state.check.refused : undefined);
