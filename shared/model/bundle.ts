import { z } from 'zod';
import { NewCaseDraft } from './case';
import { DateTime } from './scalars';
import { ImportedBundleHistory } from './audit';

export const BUNDLE_FORMAT = 'casefile-bundle';
export const BUNDLE_VERSION = 1;

export const Bundle = z.strictObject({
  format: z.literal(BUNDLE_FORMAT, { error: `expected "${BUNDLE_FORMAT}"` }),
  version: z.literal(BUNDLE_VERSION, { error: `expected ${BUNDLE_VERSION}` }),
  exportedAt: DateTime,
  cases: z.array(NewCaseDraft),
  /** The app's own addition: each case's change history, present when the export asked for it. */
  history: ImportedBundleHistory.optional(),
});
export type Bundle = z.infer<typeof Bundle>;
export type BundleInput = z.input<typeof Bundle>;
