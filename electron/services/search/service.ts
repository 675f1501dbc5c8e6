import { SearchHit, type SearchQuery } from '../../../shared/model/search';
import type { CaseStore, StoreChange } from '../store/caseStore';
import { CaseSearchIndex, type IndexHit } from './caseSearchIndex';

// A hit quoting a confidential annotation, event or source says so. The flag
// reaches callers once the contract's SearchHit carries it; until then the
// contract's strict output check would refuse it, so it is left off there.
const CONTRACT_MARKS_CONFIDENTIAL = 'confidential' in SearchHit.shape;

/**
 * Keeps the search index in step with the store. The index is built on first
 * use (or `warm()` at app start) from every case; from then on each saved change
 * updates it in place — no rebuild. Changes that arrive while it builds are
 * applied when it is done, so none is missed.
 */
export class SearchService {
  private built: CaseSearchIndex | null = null;
  private building: Promise<CaseSearchIndex> | null = null;
  private pending: StoreChange[] = [];

  constructor(private readonly store: CaseStore) {
    store.subscribe((change) => {
      if (this.built) apply(this.built, change);
      else if (this.building) this.pending.push(change);
    });
  }

  /** Starts building in the background, so the first search does not wait. */
  warm(): Promise<void> {
    return this.ensure().then(() => undefined);
  }

  get ready(): boolean {
    return this.built !== null;
  }

  private ensure(): Promise<CaseSearchIndex> {
    if (this.built) return Promise.resolve(this.built);
    // A build that failed (a disk hiccup) is forgotten, so the next search tries again.
    this.building ??= this.build().catch((err: unknown) => {
      this.building = null;
      throw err;
    });
    return this.building;
  }

  private async build(): Promise<CaseSearchIndex> {
    // Each case is indexed as it is read and let go: the index keeps short fields
    // only, and hits in long ones are completed from the store's cache.
    const index = await CaseSearchIndex.buildFrom(this.store.all(), { keepShortFieldsOnly: true });
    for (const change of this.pending) apply(index, change);
    this.pending = [];
    this.built = index;
    return index;
  }

  async query(q: SearchQuery): Promise<SearchHit[]> {
    const index = await this.ensure();
    const filtered = q.kind !== undefined || q.status !== undefined || q.priority !== undefined || q.tag !== undefined;
    // The list filters are answered from the store's summaries, the same data cases.list filters.
    const filter = (id: string) => {
      const s = this.store.summary(id);
      if (!s) return false;
      return (!q.kind || s.kind === q.kind) && (!q.status || s.status === q.status) && (!q.priority || s.priority === q.priority) && (!q.tag || s.tags.includes(q.tag));
    };
    const { hits, reached } = index.searchRaw(q.query, { limit: q.limit, ...(filtered ? { filter } : {}) });
    const complete = async (raw: (typeof hits)[number]): Promise<IndexHit | null> => {
      if (index.keepsField(raw)) return index.completeHit(raw, reached);
      const c = await this.store.get(raw.id).catch(() => null); // gone or quarantined since: no hit
      return c ? index.completeHit(raw, reached, c) : null;
    };
    const out: SearchHit[] = [];
    for (const hit of await Promise.all(hits.map(complete))) {
      if (!hit) continue;
      if (CONTRACT_MARKS_CONFIDENTIAL || !hit.confidential) out.push(hit);
      else {
        const { confidential: _marked, ...plain } = hit;
        out.push(plain);
      }
    }
    return out;
  }
}

function apply(index: CaseSearchIndex, change: StoreChange): void {
  if (change.type === 'upsert') index.upsert(change.case);
  else index.remove(change.id);
}
