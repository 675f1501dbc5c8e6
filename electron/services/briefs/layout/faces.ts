import PDFDocument from 'pdfkit';
import { fontPath, FONT_STYLES, type FontStyle } from '../fonts';

// pdfkit parses a face's TTF anew for every document (DejaVu Sans is 740 KB, and its
// shaping tables are decoded lazily, again, in each) and shapes every word afresh in each
// document. The faces never change while the app runs, so each is parsed once per process
// and every document gets a view of it: the parsed tables shared, its own glyph objects.
// Words already shaped in an earlier document are not shaped again but replayed.
//
// Why a view and not the face itself: fontkit keeps one glyph object per glyph, carrying the
// characters it was first made for, and pdfkit writes those characters into the document's
// text map (ToUnicode), the text a reader copies or extracts. Shared across documents, a glyph
// first made bare (a component of an accented letter, while an earlier document was subset)
// would lose its letter in every later brief. With a view per document its glyph objects are
// made in the same order, with the same characters, as when each document parsed its own face.
//
// Why a replay is exact: only a word whose glyphs are its characters' own glyphs, one for
// one (no ligature, no substitution, no variation selector), is remembered; shaping such a
// word makes exactly one glyph call per character, getGlyph(cmap(c), [c]), which the replay
// makes too, in the same order, and its positions depend on the glyphs alone. Any other word
// is shaped in the document as before. pdfkit asks for a word's shape at the same moments
// as before (its own per-document cache is untouched), so each document's glyphs come into
// being in the same order. The remembered words are the text of briefs written so far: they
// are dropped whole past CACHE_WORDS, and when the data folder closes or locks (forgetShapedWords).
//
// Each document's font subset copies its glyphs' outlines from the face; what it reads of a glyph
// (its bytes, the parts of a compound glyph, its metrics) is kept with the face too (copyOutline):
// the face's own data, the same for every document, not any brief's text.

/** What of a fontkit face, glyph run and subset this module touches (fontkit ships no types). */
type Glyph = { id: number; advanceWidth: number; _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null; _getMetrics(): { leftBearing: number } };
type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
type GlyphRun = { glyphs: Glyph[]; positions: Position[] };
type Fontkit = {
  // Properties, not methods: `layout` is taken off the face and called on a view (this: the view).
  layout: (this: Fontkit, text: string, ...rest: unknown[]) => GlyphRun;
  getGlyph: (this: Fontkit, id: number, codePoints?: number[]) => Glyph;
  _cmapProcessor: { lookup(codePoint: number): number };
  _glyphs: Record<number, Glyph>;
  createSubset: (this: Fontkit) => Subset;
  loca: { offsets: number[] };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
  _variationProcessor?: unknown;
};
type Subset = {
  font: Fontkit;
  _addGlyph?: (this: Subset, gid: number) => number;
  includeGlyph(gid: number): number;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
};
type PdfkitDocument = PDFKit.PDFDocument & { _font?: { font?: unknown } | null };

/** A word shaped once: its characters, its glyph ids, and its positions (4 numbers a glyph, in font units). */
type Shape = { codePoints: number[]; ids: number[]; positions: number[] };
/** A glyph as a subset copies it: its bytes in the face's glyf table, the parts of a compound glyph (where their ids sit), its metrics. */
type Outline = { bytes: Uint8Array; parts: { glyphID: number; pos: number }[] | null; advance: number; bearing: number };
type Face = { font: Fontkit; shapes: Map<string, Shape>; outlines: Map<number, Outline> };

/** Words kept shaped per face; a 100-case brief shapes some 15,000 (a few hundred bytes each). */
const CACHE_WORDS = 50_000;

const faces = new Map<FontStyle, Face>();
/** Off only in tests: each document parses and shapes on its own, as pdfkit alone does (the reference a shared render is compared with). */
let sharing = true;
let replayed = 0;

/** Parses a face the way pdfkit does (through a document that is never written), once. */
function face(style: FontStyle): Face | null {
  const known = faces.get(style);
  if (known) return known;
  const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  probe.font(fontPath(style));
  const font = (probe as PdfkitDocument)._font?.font as Fontkit | undefined;
  // Were pdfkit's internals to change shape, each document would parse its own faces, as before.
  if (!font || typeof font.layout !== 'function' || typeof font.getGlyph !== 'function' || typeof font._cmapProcessor?.lookup !== 'function') return null;
  const made = { font, shapes: new Map<string, Shape>(), outlines: new Map<number, Outline>() };
  faces.set(style, made);
  return made;
}

/** A document's own view of a parsed face: shared tables, its own glyph objects, remembered words replayed. */
function view(f: Face): Fontkit {
  const v = Object.create(f.font) as Fontkit;
  v._glyphs = {};
  const shape = f.font.layout;
  v.layout = function (this: Fontkit, text: string, ...rest: unknown[]): GlyphRun {
    if (typeof text !== 'string' || rest.some((r) => r !== undefined)) return shape.call(this, text, ...rest);
    const known = f.shapes.get(text);
    if (known) {
      replayed++;
      return replay(this, known);
    }
    const run = shape.call(this, text);
    const learnt = simpleShape(f.font, text, run);
    if (learnt) {
      if (f.shapes.size >= CACHE_WORDS) f.shapes.clear();
      f.shapes.set(text, learnt);
    }
    return run;
  };
  const subset = f.font.createSubset;
  if (typeof subset === 'function' && !f.font._variationProcessor) {
    v.createSubset = function (this: Fontkit): Subset {
      const made = subset.call(this);
      if (typeof made._addGlyph === 'function' && typeof made.includeGlyph === 'function') made._addGlyph = copyOutline(f);
      return made;
    };
  }
  return v;
}

/**
 * fontkit's TTFSubset._addGlyph, with what it reads of the face kept: the document's subset copies a
 * glyph's bytes as the subset of every earlier document did (decoding the glyph again each time was
 * a fifth of a warm brief). A compound glyph's parts are still added to this subset, in the same
 * order, and their new ids written into a copy of its bytes; so the embedded font is byte for byte
 * what fontkit writes (a test compares).
 */
function copyOutline(f: Face) {
  return function (this: Subset, gid: number): number {
    // The view's own glyph object, made as fontkit's _addGlyph makes it.
    const glyph = this.font.getGlyph(gid);
    let o = f.outlines.get(gid);
    if (!o) {
      const glyf = glyph._decode();
      const offsets = this.font.loca.offsets;
      const stream = this.font._getTableStream('glyf')!;
      stream.pos += offsets[gid]!;
      const bytes = new Uint8Array(stream.readBuffer(offsets[gid + 1]! - offsets[gid]!));
      const parts = glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : null;
      o = { bytes, parts, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
      f.outlines.set(gid, o);
    }
    let bytes = o.bytes;
    if (o.parts) {
      bytes = new Uint8Array(o.bytes);
      const view = new DataView(bytes.buffer);
      for (const part of o.parts) view.setUint16(part.pos, this.includeGlyph(part.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: o.advance, bearing: o.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
}

const isVariationSelector = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

/** The word's shape, if its glyphs are its characters' own, one for one (see the top of this file); else null. */
function simpleShape(font: Fontkit, text: string, run: GlyphRun): Shape | null {
  const codePoints: number[] = [];
  // for…of walks code points as fontkit does: a surrogate pair as one, a lone surrogate as itself.
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isVariationSelector(cp)) return null;
    codePoints.push(cp);
  }
  if (run.glyphs.length !== codePoints.length || run.positions.length !== codePoints.length) return null;
  const ids: number[] = [];
  const positions: number[] = [];
  for (let i = 0; i < codePoints.length; i++) {
    const id = run.glyphs[i]!.id;
    if (id !== font._cmapProcessor.lookup(codePoints[i]!)) return null;
    const p = run.positions[i]!;
    // pdfkit scales every own key of a position: a position with any other key is not replayed.
    if (Object.keys(p).length !== 4) return null;
    ids.push(id);
    positions.push(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset);
  }
  return { codePoints, ids, positions };
}

/** A glyph run as shaping would return it; its width is summed as fontkit's GlyphRun sums it. */
class ReplayedRun implements GlyphRun {
  constructor(
    readonly glyphs: Glyph[],
    readonly positions: Position[],
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }
}

function replay(v: Fontkit, s: Shape): GlyphRun {
  const glyphs: Glyph[] = [];
  const positions: Position[] = [];
  for (let i = 0; i < s.ids.length; i++) {
    glyphs.push(v.getGlyph(s.ids[i]!, [s.codePoints[i]!]));
    const k = 4 * i;
    positions.push({ xAdvance: s.positions[k]!, yAdvance: s.positions[k + 1]!, xOffset: s.positions[k + 2]!, yOffset: s.positions[k + 3]! });
  }
  return new ReplayedRun(glyphs, positions);
}

/** Gives a new document a view of each face, before any font is selected in it (by its file path, the name setFont uses). */
export function lendFaces(doc: PDFKit.PDFDocument): void {
  if (!sharing) return;
  for (const style of FONT_STYLES) {
    const f = face(style);
    // pdfkit takes a parsed fontkit face where it takes a file (PDFFontFactory.open); its typings do not say so.
    if (f) doc.registerFont(fontPath(style), view(f) as unknown as Buffer);
  }
}

/** Drops every remembered word (the text of the briefs written so far), keeping the parsed faces. */
export function forgetShapedWords(): void {
  for (const f of faces.values()) f.shapes.clear();
}

/** For tests: the faces parsed, the words remembered (all faces) and replayed so far. */
export function faceStats(): { parsed: number; remembered: number; replayed: number } {
  return { parsed: faces.size, remembered: [...faces.values()].reduce((n, f) => n + f.shapes.size, 0), replayed };
}

/** For tests: forget the parsed faces too (the next document starts cold), and share faces or not. */
export function resetFaces(share = true): void {
  faces.clear();
  sharing = share;
}
