import { describe, expect, it } from 'vitest';
import { Bundle, CaseDraft } from '../../../shared/model';
import { keepReachableFiles } from '../../../electron/services/bundles/containerOriginals';
import { isAnchored, markAnchored } from '../../../electron/services/cases/preanchored';
import { prisonerDraft } from '../../helpers/fixtures';

// An import's worker anchors the bundle's quotes and marks each case so the store does
// not search again on the main thread (a 3 MB source with 1,000 absent quotes took three
// minutes there). Checking which originals are reachable must keep that mark.
describe('keepReachableFiles keeps the worker-anchored mark', () => {
  const file = { sha256: 'd'.repeat(64), name: 'lost.pdf', mediaType: 'application/pdf', size: 10, addedAt: '2026-12-01T00:00:00.000Z' };

  it('on a case whose sources name no original, and on one that loses an unreachable original', async () => {
    const plain = markAnchored(CaseDraft.parse(prisonerDraft({ id: 'plain' })));
    const losing = markAnchored(CaseDraft.parse(prisonerDraft({ id: 'losing', sources: [{ id: 's1', title: 'Lost', kind: 'court_document', text: 'x', file }] })));
    const bundle = Bundle.parse({ format: 'casefile-bundle', version: 2, cases: [] });
    const { bundle: kept, notes } = await keepReachableFiles({ ...bundle, cases: [plain, losing] }, new Set(), { has: async () => false });
    expect(kept.cases[0]).toBe(plain);
    expect(kept.cases[1]!.sources[0]!.file).toBeUndefined();
    expect(kept.cases.every((c) => isAnchored(c))).toBe(true);
    expect(notes.get(1)?.[0]).toMatch(/without its original file "lost\.pdf"/);
  });
});
