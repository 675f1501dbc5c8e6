import type { CaseFile } from '../../../shared/model';
import type { FileState } from '../disk/statFiles';

// The store's change feed: what a save, an import, a trash or a file changed behind the
// app's back tells those who keep data derived from the cases (the search index, the events).

/** What changed, for those who keep derived data (the search index). */
export type StoreChange =
  | {
      type: 'upsert';
      case: CaseFile;
      /** The version it replaced, when there was one. */
      previous?: CaseFile;
      /** `external`: the file was changed behind the app's back and `get` read the new version. */
      cause: 'create' | 'update' | 'import' | 'restore' | 'recover' | 'external';
      /** The state of the file this version was read from or written to, for caches kept on disk. */
      file: FileState;
    }
  | { type: 'remove'; id: string; cause: 'trash' | 'quarantine' | 'external' };
