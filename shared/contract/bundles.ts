import { z } from 'zod';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '../model/bundle';
import { CaseFile } from '../model/case';
import { DateTime, Id } from '../model/scalars';
import { BundleHistory } from '../model/audit';

// The contract's words for bundles: what an import did, what an export wrote or would hold.

/** A bundle file as its bytes: up to 256 MiB (a bundle carries its sources' full text). */
export const BundleUpload = z.strictObject({
  fileName: z.string().min(1).max(255),
  dataBase64: z.base64().max(Math.ceil((256 * 1024 * 1024) / 3) * 4, { error: 'the bundle is larger than 256 MiB' }),
});

export const ImportAction = z.enum(['created', 'replaced', 'skipped', 'copied']);
export const ImportReport = z.strictObject({
  results: z.array(
    z.strictObject({
      index: z.int(), // position in the bundle
      id: Id, // the id it is stored under
      title: z.string(),
      action: ImportAction,
      note: z.string().optional(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ExportedBundle = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: DateTime,
  cases: z.array(CaseFile),
  history: BundleHistory.optional(),
});
export type ExportedBundle = z.infer<typeof ExportedBundle>;

/** Where `bundle.exportFile` wrote, and what: a ZIP container (with `originals`) or JSON. */
export const WrittenBundle = z.strictObject({
  path: z.string(),
  format: z.enum(['json', 'zip']),
  cases: z.int(),
  originals: z.int(),
  bytes: z.int(),
  /** Set when the file is sealed (age, NAME….age): with a passphrase, or for recipients' keys. */
  sealed: z.enum(['passphrase', 'recipients']).optional(),
});
export type WrittenBundle = z.infer<typeof WrittenBundle>;

/** What a plain export of the given cases would put in clear: counted, so a warning can say it. */
export const ExportPreview = z.strictObject({
  encrypted: z.boolean(),
  cases: z.int(),
  /** The people and organisations the cases name (their titles' subjects). */
  names: z.array(z.string()),
  /** Items marked confidential, and always-confidential fields (contact, address, health, consent…), counted. */
  confidential: z.int(),
  originals: z.strictObject({ count: z.int(), bytes: z.number() }),
  history: z.boolean(),
});
export type ExportPreview = z.infer<typeof ExportPreview>;
