import type { CaseFile } from '../../../shared/model';

// "Update" for a row that names a stored case: what the row gives is written over the
// stored values, lists gain the row's items they lack (a charge, a decision, a spelling),
// and everything the row does not mention stays as the case had it.

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: Json, given: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(given)) {
    const was = base[k];
    if (Array.isArray(v) && Array.isArray(was)) {
      const seen = new Set(was.map(comparable));
      out[k] = [...was, ...v.filter((item) => !seen.has(comparable(item)))];
    } else if (isObject(v) && isObject(was)) out[k] = merge(was, v);
    else out[k] = v;
  }
  return out;
}

/** An item without its id, so a stored decision and the same decision from a row compare equal. */
function comparable(item: unknown): string {
  if (!isObject(item)) return JSON.stringify(item);
  const { id: _id, ...rest } = item;
  return JSON.stringify(rest);
}

export function mergeUpdate(existing: CaseFile, given: Json): Json {
  const { kind: _kind, title: _title, ...rest } = given;
  return merge(existing as unknown as Json, rest);
}
