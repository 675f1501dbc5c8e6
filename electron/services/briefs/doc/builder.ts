import { paragraphs } from '../format';
import type { BlockOptions, CalloutOptions, Cell, Column, Footnote, ImageNode, Node, Run, TableOptions } from './model';

/**
 * Collects a brief's nodes in reading order. Templates write to it as they once
 * wrote to the page (heading, block, bullets, table…), so the order of calls is
 * the order of the document; nothing here measures or breaks pages.
 */
export class DocBuilder {
  readonly nodes: Node[] = [];
  readonly footnotes: Footnote[] = [];
  private readonly numberOf = new Map<string, number>();
  /** While a `keep` group is open, nodes go to it. */
  private target: Node[] = this.nodes;

  /** The footnote number for a key: new at its first citation, the same after. */
  cite(note: Footnote): number {
    const known = this.numberOf.get(note.key);
    if (known !== undefined) return known;
    this.footnotes.push(note);
    this.numberOf.set(note.key, this.footnotes.length);
    return this.footnotes.length;
  }

  heading(text: string, level: 1 | 2 | 3 = 1): void {
    this.target.push({ type: 'heading', text, level });
  }

  block(runs: readonly Run[], opts: BlockOptions = {}): void {
    if (runs.length === 0) return;
    this.target.push({ type: 'paragraph', runs: [...runs], opts });
  }

  /** Plain text as stored: one paragraph per paragraph (separated by blank lines). */
  text(text: string | undefined, opts: BlockOptions = {}): void {
    for (const p of paragraphs(text)) this.block([{ text: p }], opts);
  }

  bullets(items: readonly (string | Run[])[], opts: BlockOptions = {}): void {
    if (items.length === 0) return;
    this.target.push({ type: 'list', items: items.map((i) => (typeof i === 'string' ? [{ text: i }] : [...i])), opts });
  }

  callout(runs: readonly Run[], opts: CalloutOptions): void {
    this.target.push({ type: 'callout', runs: [...runs], opts });
  }

  fillIn(label: string, lines = 1): void {
    this.target.push({ type: 'fillIn', label, lines });
  }

  table(columns: readonly Column[], rows: readonly Cell[][], opts: TableOptions = {}): void {
    this.target.push({ type: 'table', columns: [...columns], rows: rows.map((r) => [...r]), opts });
  }

  space(height: number): void {
    this.target.push({ type: 'space', height });
  }

  image(image: Omit<ImageNode, 'type'>): void {
    this.target.push({ type: 'image', ...image });
  }

  /** What `fill` writes stays on one page when it fits (and is followed by a rule when asked). */
  keep(fill: () => void, opts: { rule?: boolean } = {}): void {
    const outer = this.target;
    const children: Node[] = [];
    this.target = children;
    try {
      fill();
    } finally {
      this.target = outer;
    }
    if (children.length > 0) outer.push({ type: 'keep', children, ...(opts.rule ? { rule: true } : {}) });
  }
}

/** The table call the templates share with the old page writer's signature. */
export function table(w: DocBuilder, columns: readonly Column[], rows: readonly Cell[][], opts: TableOptions = {}): void {
  w.table(columns, rows, opts);
}
