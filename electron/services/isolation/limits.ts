// The bounds hostile or merely huge files are held to. Each is named in the message a
// user sees when a file hits it, with what to do instead, so a refusal is never a
// mystery and never a frozen window.

export type Limits = {
  /** A source file (PDF, HTML, text) in bytes; the contract refuses bigger uploads before they reach here. */
  sourceBytes: number;
  /** Pages of a PDF read for its text. */
  pdfPages: number;
  /** An image's width or height in pixels, and its pixels in all, read from its header before anything is decoded. */
  imageSide: number;
  imagePixels: number;
  /** A bundle file in bytes. */
  bundleBytes: number;
  /** Nesting of arrays and objects in a bundle: the model needs about a dozen. */
  bundleDepth: number;
  /** Faults listed one by one; the rest are counted. */
  listedIssues: number;
  /** Wall-clock time of one job, in milliseconds. */
  sourceMs: number;
  bundleMs: number;
  /** The worker's JavaScript heap (V8 old generation), in MiB. */
  sourceHeapMb: number;
  bundleHeapMb: number;
  /**
   * Growth of the whole process's resident memory while a job runs, in MiB: catches buffers
   * outside the heap (a decompression bomb). Reading text from a 5,000-page PDF takes a few
   * hundred; a 256 MiB bundle about 1,500.
   */
  sourceRssMb: number;
  bundleRssMb: number;
  /** One annotation's search for its quote, in milliseconds; past it the annotation is left to be re-attached by hand. */
  anchorOneMs: number;
  /** All annotations of one import together, in milliseconds; past it the rest keep their quote unplaced. */
  anchorAllMs: number;
  /** A bundle with originals (NAME.casefile.zip): its entries' bytes together, uncompressed. */
  containerBytes: number;
  /** How many times larger than its compressed form one entry may be (a zip bomb is thousands)… */
  containerRatio: number;
  /** …unless it is this small, whatever its ratio (a short text compresses well and harms nothing). */
  containerTinyBytes: number;
  /** Checking a container: every entry decompressed and hashed, in milliseconds. */
  containerMs: number;
};

const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  sourceBytes: 64 * 1024 * 1024,
  pdfPages: 5_000,
  imageSide: 30_000,
  imagePixels: 200_000_000,
  bundleBytes: 256 * 1024 * 1024,
  bundleDepth: 64,
  listedIssues: 100,
  sourceMs: 120_000,
  bundleMs: 300_000,
  sourceHeapMb: 1_024,
  bundleHeapMb: 3_072,
  sourceRssMb: 1_024,
  bundleRssMb: 2_048,
  anchorOneMs: 5_000,
  anchorAllMs: 30_000,
  containerBytes: 2 * 1024 * 1024 * 1024,
  containerRatio: 100,
  containerTinyBytes: 1024 * 1024,
  containerMs: 1_800_000,
});

let current: Limits = { ...DEFAULT_LIMITS };

/** The limits in force. */
export function limits(): Readonly<Limits> {
  return current;
}

/** Lowers (or raises) limits, for tests that must hit one quickly; `undefined` puts the defaults back. */
export function setLimits(changes?: Partial<Limits>): void {
  current = changes ? { ...current, ...changes } : { ...DEFAULT_LIMITS };
}

export function mib(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KiB`;
  const m = bytes / (1024 * 1024);
  return `${m >= 10 ? Math.round(m) : Math.round(m * 10) / 10} MiB`;
}

export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
