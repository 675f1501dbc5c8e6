// The rules of a chip list (aliases, tags), apart from React so they are unit-tested under Node.

/**
 * Two values are the same chip when they differ only in letter case or in how a letter is
 * encoded (a precomposed "Ә" or "А" + combining mark): the search treats them as one anyway.
 */
function chipKey(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

export type AddResult = {
  /** The list with the new values appended. */
  values: string[];
  /** What was appended, trimmed and otherwise exactly as typed. */
  added: string[];
  /** Trimmed values refused because the list (or an earlier piece) already has them. */
  duplicates: string[];
};

/** Appends each non-empty piece, trimmed; a piece already in the list is refused, not added twice. */
export function addChips(current: readonly string[], pieces: readonly string[]): AddResult {
  const seen = new Set(current.map(chipKey));
  const values = [...current];
  const added: string[] = [];
  const duplicates: string[] = [];
  for (const piece of pieces) {
    const value = piece.trim();
    if (value === '') continue;
    const key = chipKey(value);
    if (seen.has(key)) {
      duplicates.push(value);
      continue;
    }
    seen.add(key);
    values.push(value);
    added.push(value);
  }
  return { values, added, duplicates };
}

/** The list without `value` (the one at `index` when it is still there, else its first occurrence). */
export function removeAt(current: readonly string[], value: string, index?: number): string[] {
  const at = index !== undefined && current[index] === value ? index : current.indexOf(value);
  return at < 0 ? [...current] : current.filter((_, j) => j !== at);
}

/** Puts a removed value back where it was (or at the end, if the list got shorter); never twice. */
export function restoreAt(current: readonly string[], index: number, value: string): string[] {
  if (current.some((v) => chipKey(v) === chipKey(value))) return [...current];
  const at = Math.min(Math.max(index, 0), current.length);
  return [...current.slice(0, at), value, ...current.slice(at)];
}
