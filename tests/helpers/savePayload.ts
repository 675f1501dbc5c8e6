/**
 * The summary a case carries at a given revision: large enough that a write takes
 * a while, and derived from (id, rev) so a torn or mixed file is detectable.
 */
export function payloadFor(id: string, rev: number): string {
  const line = `${id} rev ${rev} — Қ Ө Ү Ұ Ә Ғ Ң І Һ — ${'x'.repeat(rev % 97)}\n`;
  return line.repeat(200 + (rev % 50));
}
