import { z } from 'zod';
import { PreparedBy } from './model/brief';
import { Organization, OrganizationPatch } from './organization';

// The data folder's own settings: what belongs with the cases (and is sealed with
// them when the folder is encrypted), not with one browser's localStorage.

export const FolderSettings = z.strictObject({
  /** Who prepares briefs from this folder: the Brief dialog's "Prepared by". */
  preparedBy: PreparedBy.optional(),
  /** The submitting organisation (shared/organization.ts); absent until the user fills it in. */
  organization: Organization.optional(),
});
export type FolderSettings = z.infer<typeof FolderSettings>;

/** A change: a field given is set, `null` clears it, a field left out is kept (inside `organization` too). */
export const FolderSettingsPatch = z.strictObject({
  preparedBy: PreparedBy.nullable().optional(),
  organization: OrganizationPatch.nullable().optional(),
});
export type FolderSettingsPatch = z.infer<typeof FolderSettingsPatch>;
