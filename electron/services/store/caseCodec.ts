import path from 'node:path';
import { formatIssue, issuesFromZod } from '../../../shared/errors';
import { CaseFile } from '../../../shared/model';
import { decryptBytes, EncryptedFileError, EncryptedJsonFile, encryptBytes } from '../crypto';
import { DurableJsonFile, type DurableFs } from '../disk/durableFile';
import { aadForFile } from '../disk/folderLayout';

// How the store's files are read and written: sealed under their own names when the
// folder has a key, plain when it has none. The one place in the store that asks
// whether there is a key, so a new kind of file cannot be written plain by mistake.

/**
 * V8 quotes the file's first characters in a JSON error: keep control characters
 * (terminal escapes, line breaks) out of reasons, and the half of a surrogate pair
 * its quote can cut off too — a reason is written to a .reason.txt as UTF-8 and must
 * read back as it was reported.
 */
const printable = (text: string) =>
  text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** A case as the store writes it: indented JSON with a final line break. */
const caseText = (c: CaseFile) => `${JSON.stringify(c, null, 2)}\n`;

export type CaseRead = { ok: true; value: CaseFile } | { ok: false; reason: string };

export class CaseCodec {
  constructor(
    private readonly dataDir: string,
    /** The folder's data key, or null for a plain folder; wiped by its owner, never copied here. */
    private readonly dataKey: Buffer | null,
    private readonly fs?: DurableFs,
  ) {}

  get sealed(): boolean {
    return this.dataKey !== null;
  }

  /** The bytes to write to `file`: sealed, bound to its name, when the folder is encrypted. */
  seal(file: string, bytes: string | Uint8Array): string | Uint8Array {
    return this.dataKey ? encryptBytes(this.dataKey, bytes, aadForFile(this.dataDir, file)) : bytes;
  }

  /** The plain bytes of what was read from `file`; throws EncryptedFileError when a sealed file will not open. */
  open(file: string, bytes: Buffer): Buffer {
    return this.dataKey ? decryptBytes(this.dataKey, bytes, aadForFile(this.dataDir, file)) : bytes;
  }

  /** A case file's bytes as the store writes them. */
  caseBytes(file: string, c: CaseFile): string | Uint8Array {
    return this.seal(file, caseText(c));
  }

  /** The file through its durable adapter, sealed or plain. */
  db(file: string): EncryptedJsonFile<unknown> | DurableJsonFile<unknown> {
    return this.dataKey ? new EncryptedJsonFile<unknown>(file, this.dataKey, aadForFile(this.dataDir, file), this.fs) : new DurableJsonFile<unknown>(file, this.fs);
  }

  /** Reads and validates one case file; says why when it cannot. */
  async readCase(file: string): Promise<CaseRead> {
    let data: unknown;
    try {
      // A falsy document (null, false, 0, "") reads as null, as it did under lowdb's Low.
      data = (await this.db(file).read()) || null;
    } catch (err) {
      const reason =
        err instanceof SyntaxError ? `not valid JSON (${printable(err.message)})`
        : err instanceof EncryptedFileError ? err.message
        : `cannot be read (${printable((err as Error).message)})`;
      return { ok: false, reason };
    }
    const parsed = CaseFile.safeParse(data);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error).slice(0, 5);
      return { ok: false, reason: `not a valid case: ${issues.map(formatIssue).join('; ')}` };
    }
    const expected = `${parsed.data.id}.json`;
    if (path.basename(file) !== expected) return { ok: false, reason: `holds case id "${parsed.data.id}" but is named ${path.basename(file)}` };
    return { ok: true, value: parsed.data };
  }
}
