// Whitespace folding for re-anchoring. Pure: no node:, no DOM.
//
// A source text is often re-pasted or re-extracted with its line breaks and spaces
// changed ("суд\nпостановил" ↔ "суд  постановил"), and PDF extraction adds or drops
// soft hyphens and zero-width spaces. None of that changes which words a note points
// at, so the fuzzy stage compares folded text and maps what it finds back to offsets
// in the original.

/** Folded text and, for each of its code units, the stretch of the original it stands for. */
export type FoldedText = {
  text: string;
  /** starts[i]: where folded unit i begins in the original. */
  starts: Int32Array;
  /** ends[i]: where folded unit i ends in the original (a whole whitespace run for a folded space). */
  ends: Int32Array;
};

export function isFoldableSpace(code: number): boolean {
  return (
    code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f ||
    code === 0x205f || code === 0x3000
  );
}

/**
 * Invisible characters that come and go between versions of one text. ZWJ and ZWNJ
 * (U+200C/D) are not among them: they join emoji and shape Persian words.
 */
function isIgnorable(code: number): boolean {
  return code === 0xad || code === 0x200b || code === 0x2060 || code === 0xfeff;
}

/** Runs of whitespace become one space; soft hyphens and zero-width spaces vanish. */
export function foldWhitespace(original: string): FoldedText {
  const n = original.length;
  const out: string[] = [];
  const starts = new Int32Array(n);
  const ends = new Int32Array(n);
  let len = 0;
  let i = 0;
  while (i < n) {
    const code = original.charCodeAt(i);
    if (isIgnorable(code)) {
      i++;
      continue;
    }
    if (isFoldableSpace(code)) {
      let j = i + 1;
      while (j < n) {
        const c = original.charCodeAt(j);
        if (!isFoldableSpace(c) && !isIgnorable(c)) break;
        j++;
      }
      out.push(' ');
      starts[len] = i;
      ends[len] = j;
      len++;
      i = j;
      continue;
    }
    // Copy the run of ordinary characters up to the next special one in one slice.
    let j = i + 1;
    while (j < n) {
      const c = original.charCodeAt(j);
      if (isFoldableSpace(c) || isIgnorable(c)) break;
      j++;
    }
    out.push(original.slice(i, j));
    for (let k = i; k < j; k++) {
      starts[len] = k;
      ends[len] = k + 1;
      len++;
    }
    i = j;
  }
  return { text: out.join(''), starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
}

/** The folded form alone, for patterns (quote, prefix, suffix) that need no map back. */
export function foldedForm(s: string): string {
  return foldWhitespace(s).text;
}
