import type { CaseFile } from '../../shared/model';

/** "a, b ,, c" → ["a", "b", "c"]: trimmed, empty ones dropped, each once. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const tag = part.trim();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}

/** Every tag used on an annotation of the case, sorted. */
export function caseAnnotationTags(c: Pick<CaseFile, 'annotations'>): string[] {
  return [...new Set(c.annotations.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b));
}

/** The quote shortened for a list (whole words where possible). */
export function shorten(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
