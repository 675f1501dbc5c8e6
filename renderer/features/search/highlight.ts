// Splits a search snippet into plain and highlighted pieces. The ranges come from the
// service as [start, end) offsets in UTF-16 code units; they are clamped, sorted and
// merged here so a bad range can never throw or duplicate text. The pieces are text:
// the view renders them as React text nodes (and <mark>), never as HTML.

export type Piece = { text: string; mark: boolean };

export function highlightPieces(snippet: string, highlights: readonly (readonly [number, number])[]): Piece[] {
  const ranges = highlights
    .map(([start, end]) => [Math.max(0, Math.min(start, snippet.length)), Math.max(0, Math.min(end, snippet.length))] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  const pieces: Piece[] = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) pieces.push({ text: snippet.slice(at, start), mark: false });
    pieces.push({ text: snippet.slice(start, end), mark: true });
    at = end;
  }
  if (at < snippet.length) pieces.push({ text: snippet.slice(at), mark: false });
  return pieces;
}

/** The query as sent: trimmed, at most the 500 characters the contract allows; '' when it holds no letter or digit. */
export function searchableQuery(text: string): string {
  const q = text.trim().slice(0, 500);
  return /[\p{L}\p{N}]/u.test(q) ? q : '';
}

/** The highlighted words of a snippet, in order. */
export function highlightedWords(snippet: string, highlights: readonly (readonly [number, number])[]): string[] {
  return highlightPieces(snippet, highlights).filter((p) => p.mark).map((p) => p.text);
}
