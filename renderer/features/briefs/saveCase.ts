import type { ApiError } from '../../../shared/errors';
import type { CaseFile } from '../../../shared/model';

// How the dialog writes into the case it briefs (requests, urgent-action fields,
// summaries): through the case view's editing session, which saves with `cases.update`
// and the revision the edit was based on. The view shows the change at once and its
// own later saves keep the right revision; a newer version on disk becomes the view's
// conflict, never a silent overwrite.

/** Applies an update to the case and saves it: an error when the store did not take it. */
export type SaveCase = (update: (c: CaseFile) => CaseFile) => Promise<{ ok: true } | { ok: false; error?: ApiError }>;

type Session = {
  edit(update: (draft: CaseFile) => CaseFile): void;
  flush(): Promise<void>;
  getState(): { status: string; error?: ApiError };
};

export function saveThroughSession(session: Session): SaveCase {
  return async (update) => {
    session.edit(update);
    await session.flush();
    const state = session.getState();
    return state.status === 'saved' ? { ok: true } : { ok: false, ...(state.error ? { error: state.error } : {}) };
  };
}
