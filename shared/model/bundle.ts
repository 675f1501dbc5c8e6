import { z } from 'zod';
import { NewCaseDraft } from './case';
import { DateTime } from './scalars';
import { ImportedBundleHistory } from './audit';
import { caseFromV1 } from './fromV1';
import { isJsonObject } from '../jsonValue';

export const BUNDLE_FORMAT = 'casefile-bundle';
/** The version this build writes; it reads this one and version 1 (MODEL.md, From version 1). */
export const BUNDLE_VERSION = 2;
export const READABLE_BUNDLE_VERSIONS = [1, 2] as const;

/** Everything of a bundle but its cases and history, as read after a version-1 bundle is brought to version 2. */
export const BundleTop = z.strictObject({
  format: z.literal(BUNDLE_FORMAT, { error: `expected "${BUNDLE_FORMAT}"` }),
  // A custom check, so the message can name every version this build reads (version 1 was brought to 2 before this).
  version: z.custom<typeof BUNDLE_VERSION>((v) => v === BUNDLE_VERSION, {
    error: `expected ${READABLE_BUNDLE_VERSIONS.join(' or ')} (a newer Casefile wrote this bundle if it is higher)`,
  }),
  /** Absent in a bundle written by hand. */
  exportedAt: DateTime.optional(),
});

const BundleV2 = BundleTop.extend({
  cases: z.array(NewCaseDraft),
  /** The app's own addition: each case's change history, present when the export asked for it. */
  history: ImportedBundleHistory.optional(),
});

/**
 * A version-1 bundle's cases, each brought to version 2, with the faults of its
 * version-1-only fields reported by their paths. Anything else is left as it is.
 */
export function upgradeBundle(value: unknown, report: (path: (string | number)[], message: string) => void): unknown {
  if (!isJsonObject(value) || value.version !== 1) return value;
  const cases = Array.isArray(value.cases)
    ? value.cases.map((c, i) => {
        const read = caseFromV1(c);
        for (const f of read.faults) report(['cases', i, ...f.path], f.message);
        return read.value;
      })
    : value.cases;
  return { ...value, version: BUNDLE_VERSION, cases };
}

export const Bundle = z.preprocess(
  (value, ctx) => upgradeBundle(value, (path, message) => ctx.addIssue({ code: 'custom', path, message })),
  BundleV2,
);
export type Bundle = z.infer<typeof Bundle>;
export type BundleInput = z.input<typeof BundleV2>;
