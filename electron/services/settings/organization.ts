import { isJsonObject } from '../../../shared/jsonValue';
import { Organization, ORGANIZATION_FIELDS, type OrganizationPatch } from '../../../shared/organization';

type Raw = Record<string, unknown>;

/**
 * The profile as settings.json holds it, field by field: a field someone edited by
 * hand into something invalid is left out, the others still count. Absent (a file
 * an older Casefile wrote) or empty: no profile.
 */
export function readOrganization(raw: unknown): Organization | undefined {
  if (!isJsonObject(raw)) return undefined;
  const out: Organization = {};
  for (const field of ORGANIZATION_FIELDS) {
    const parsed = Organization.shape[field].safeParse(raw[field]);
    if (parsed.success && parsed.data !== undefined) out[field] = parsed.data;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The stored profile after a change: set, clear (`null`) or keep each field; keys a
 * newer Casefile added stay as they are. `undefined` when nothing is left to store.
 */
export function mergeOrganization(stored: unknown, patch: OrganizationPatch | null): Raw | undefined {
  if (patch === null) return undefined;
  const next: Raw = isJsonObject(stored) ? { ...stored } : {};
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  return Object.keys(next).length > 0 ? next : undefined;
}
