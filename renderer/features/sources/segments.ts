// The reading view's layout of a source text: paragraphs (one per line, so each can
// take its own direction with dir="auto"), and inside each the runs of text between
// every start and end of a highlight. Every run knows which highlights cover it, so
// overlapping highlights need no nesting: a run covered twice is simply drawn darker.
// Offsets are UTF-16 code units into the whole text, as in the stored targets.

export type Span = { id: string; start: number; end: number };

export type Segment = {
  start: number;
  end: number;
  /** The highlights covering this run, the shortest (innermost) first. */
  ids: string[];
};

export type Paragraph = { start: number; end: number; segments: Segment[] };

const LINE_BREAK = /\r\n|\n|\r|\u2028|\u2029/g;

export function paragraphRanges(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    out.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  out.push({ start: from, end: text.length });
  return out;
}

export function layoutText(text: string, spans: readonly Span[]): Paragraph[] {
  const usable = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.start >= 0 && s.end <= text.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const length = new Map(usable.map((s) => [s.id, s.end - s.start]));
  const byLength = (a: string, b: string) => length.get(a)! - length.get(b)! || a.localeCompare(b);
  let first = 0; // spans before this index end before the current paragraph starts
  return paragraphRanges(text).map(({ start, end }) => {
    while (first < usable.length && usable[first]!.end <= start && usable[first]!.start < start) first++;
    const here: Span[] = [];
    for (let i = first; i < usable.length && usable[i]!.start < end; i++) {
      const s = usable[i]!;
      if (s.end > start) here.push(s);
    }
    const cuts = new Set<number>([start, end]);
    for (const s of here) {
      if (s.start > start) cuts.add(s.start);
      if (s.end < end) cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i]!;
      const b = points[i + 1]!;
      if (a === b) continue;
      const ids = here.filter((s) => s.start <= a && s.end >= b).map((s) => s.id);
      segments.push({ start: a, end: b, ids: ids.sort(byLength) });
    }
    return { start, end, segments };
  });
}
