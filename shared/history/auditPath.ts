import { isJsonObject } from '../jsonValue';
// The paths the audit log writes (electron/services/audit/diff): `title`,
// `person.aliases`, `events[id=…].date`. Read here as segments, and used to walk a
// case's JSON back from one revision to the one before it.

export type Segment = { key: string; id?: string };
type Obj = Record<string, unknown>;

const SEGMENT = /^([^.[\]]+)(?:\[id=([A-Za-z0-9_-]+)\])?$/;

/** The path's segments, or null for a path this module does not know how to read. */
export function parseAuditPath(path: string): Segment[] | null {
  const out: Segment[] = [];
  for (const part of path.split('.')) {
    const m = SEGMENT.exec(part);
    if (!m) return null;
    out.push(m[2] === undefined ? { key: m[1]! } : { key: m[1]!, id: m[2] });
  }
  return out.length > 0 ? out : null;
}


function itemIn(list: unknown, id: string): Obj | undefined {
  return Array.isArray(list) ? (list.find((v) => isJsonObject(v) && v.id === id) as Obj | undefined) : undefined;
}

/** The value at `segs` under `root`, undefined when any step is missing. */
export function valueAt(root: unknown, segs: readonly Segment[]): unknown {
  let at: unknown = root;
  for (const s of segs) {
    if (!isJsonObject(at)) return undefined;
    at = s.id === undefined ? at[s.key] : itemIn(at[s.key], s.id);
  }
  return at;
}

/**
 * Sets (or, with undefined, removes) the value at `segs`. A step that is missing is
 * made when there is something to set; an item of a list by id is replaced, put back
 * at the end, or taken out. A path that runs into a value of the wrong shape is left
 * alone: the history may hold lines from before a change of the model.
 */
export function setAt(root: Obj, segs: readonly Segment[], value: unknown): void {
  let at: Obj = root;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const last = i === segs.length - 1;
    if (s.id === undefined) {
      if (last) {
        if (value === undefined) delete at[s.key];
        else at[s.key] = value;
        return;
      }
      if (at[s.key] === undefined) {
        if (value === undefined) return;
        at[s.key] = {};
      }
      const next = at[s.key];
      if (!isJsonObject(next)) return;
      at = next;
      continue;
    }
    if (at[s.key] === undefined && value !== undefined) at[s.key] = [];
    const list = at[s.key];
    if (!Array.isArray(list)) return;
    const index = list.findIndex((v) => isJsonObject(v) && v.id === s.id);
    if (last) {
      if (value === undefined) {
        if (index >= 0) list.splice(index, 1);
      } else if (index >= 0) list[index] = value;
      else list.push(value);
      return;
    }
    if (index < 0) return;
    at = list[index] as Obj;
  }
}
