// A bundle file from its bytes to a validated Bundle, in the worker: strict UTF-8 (a UTF-8
// byte-order mark is allowed; a bad byte is refused with its offset and line, never
// turned into U+FFFD), nesting bounded before JSON.parse builds anything, and the
// schema checked part by part so five million bad values cost a count, not five
// million error objects.

import { isJsonObject } from '../../../shared/jsonValue';
import { z } from 'zod';
import { issuesFromZod } from '../../../shared/errors';
import { Bundle, BundleTop, CaseDraft, upgradeBundle, type Issue, type PathSegment } from '../../../shared/model';
import { AuditEntry } from '../../../shared/model/audit';
import { Id } from '../../../shared/model/scalars';
import { ServiceError } from '../errors';
import { bundleIssues } from '../cases/finalize';
import { capIssues } from '../../../shared/issueCap';
import { firstInvalidUtf8, lineOfByte } from './utf8';

const ROOT: PathSegment[] = ['bundle'];

/** Line and column (both from 1) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function decodeBundleText(fileName: string, bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ServiceError('bad_input', `"${fileName}" is saved as UTF-16; a bundle must be UTF-8. Open it in a text editor and save it as UTF-8, then import it again; nothing was stored.`);
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const at = firstInvalidUtf8(body) + (body === bytes ? 0 : 3);
    throw new ServiceError(
      'bad_input',
      `"${fileName}" is not valid UTF-8: byte ${at} (line ${lineOfByte(bytes, at)}) is 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'}, which UTF-8 does not allow. The file was damaged or saved in another encoding; export it again, or save it as UTF-8 in a text editor. Nothing was stored.`,
    );
  }
}

/**
 * Refuses JSON nested deeper than `max` before it is parsed: JSON.parse would build
 * it, and a 100,000-deep value later overflows every recursive reader (the history
 * writer among them).
 */
function checkDepth(fileName: string, text: string, max: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) {
        const { line, column } = lineAndColumn(text, i);
        throw new ServiceError(
          'bad_input',
          `"${fileName}" nests values more than ${max} levels deep (at line ${line}, column ${column}); a Casefile bundle needs far fewer. It is not a bundle Casefile wrote, or it was altered; nothing was stored.`,
        );
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

function parseJson(fileName: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const where = pos ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineAndColumn(text, Number(pos[1]))) : '';
    throw new ServiceError('bad_input', `"${fileName}" is not valid JSON${where} (${message}); nothing was stored.`);
  }
}

const Top = BundleTop;

/** Counts faults past the listed ones without keeping them. */
class Faults {
  readonly listed: Issue[] = [];
  more = 0;
  constructor(private readonly cap: number) {}
  get full(): boolean {
    return this.listed.length >= this.cap;
  }
  add(issues: readonly Issue[]): void {
    for (const issue of issues) {
      if (this.listed.length < this.cap) this.listed.push(issue);
      else this.more++;
    }
  }
  zod(error: z.ZodError, base: PathSegment[]): void {
    this.add(issuesFromZod(error).map((issue) => ({ ...issue, path: [...base, ...issue.path] })));
  }
}

/** A value zod would refuse for want of an object, counted without asking zod (which would build an error object). */
function notAnObject(faults: Faults, value: unknown, path: PathSegment[]): boolean {
  if (isJsonObject(value)) return false;
  if (faults.full) faults.more++;
  else faults.add([{ path, message: `expected an object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}` }]);
  return true;
}

/**
 * The Bundle schema, applied a part at a time. Same verdict and the same issue paths
 * as `Bundle.safeParse` on the whole, but faults past the listed ones are only counted.
 */
function validateBundle(value: unknown, listed: number): { bundle: Bundle } | { issues: Issue[] } {
  const faults = new Faults(listed);
  if (notAnObject(faults, value, ROOT)) return { issues: faults.listed };
  // A version-1 bundle is read as version 2, each v1-only field's fault reported by its path (MODEL.md, From version 1).
  const v1Faults: Issue[] = [];
  const upgraded = upgradeBundle(value, (path, message) => v1Faults.push({ path: [...ROOT, ...path], message }));
  faults.add(v1Faults);
  const { cases, history, ...rest } = upgraded as Record<string, unknown>;
  const top = Top.safeParse(rest);
  if (!top.success) faults.zod(top.error, ROOT);

  const parsedCases: CaseDraft[] = [];
  if (cases === undefined) faults.add([{ path: [...ROOT, 'cases'], message: 'required' }]);
  else if (!Array.isArray(cases)) faults.add([{ path: [...ROOT, 'cases'], message: 'expected an array of cases' }]);
  else {
    const valid: Array<CaseDraft | undefined> = [];
    for (let i = 0; i < cases.length; i++) {
      const at = [...ROOT, 'cases', i];
      if (notAnObject(faults, cases[i], at)) {
        valid.push(undefined);
        continue;
      }
      const parsed = CaseDraft.safeParse(cases[i]);
      if (parsed.success) {
        valid.push(parsed.data);
        parsedCases.push(parsed.data);
      } else {
        valid.push(undefined);
        faults.zod(parsed.error, at);
      }
    }
    faults.add(bundleIssues(valid, [...ROOT, 'cases']));
  }

  let parsedHistory: Bundle['history'];
  if (history !== undefined && !notAnObject(faults, history, [...ROOT, 'history'])) {
    parsedHistory = Object.create(null) as NonNullable<Bundle['history']>;
    for (const [id, entries] of Object.entries(history as Record<string, unknown>)) {
      const at = [...ROOT, 'history', id];
      const key = Id.safeParse(id);
      if (!key.success) faults.zod(key.error, at);
      if (!Array.isArray(entries)) {
        faults.add([{ path: at, message: 'expected an array of history entries' }]);
        continue;
      }
      const good: AuditEntry[] = [];
      entries.forEach((entry, k) => {
        if (notAnObject(faults, entry, [...at, k])) return;
        const parsed = AuditEntry.safeParse(entry);
        if (parsed.success) good.push(parsed.data);
        else faults.zod(parsed.error, [...at, k]);
      });
      parsedHistory[id] = good;
    }
  }

  if (faults.listed.length > 0) return { issues: capIssues(faults.listed, listed, faults.more) };
  // Parsed piecewise; put together again and checked once more whole would double the work, so the pieces are trusted.
  const bundle = { ...(top.data as z.infer<typeof Top>), cases: parsedCases, ...(parsedHistory ? { history: parsedHistory } : {}) } as Bundle;
  return { bundle };
}

/** The whole path from bytes to a bundle (or its faults), as the worker runs it. */
export function readBundleBytes(fileName: string, bytes: Uint8Array, options: { maxDepth: number; listed: number }): { bundle: Bundle } | { issues: Issue[] } {
  const text = decodeBundleText(fileName, bytes);
  checkDepth(fileName, text, options.maxDepth);
  return validateBundle(parseJson(fileName, text), options.listed);
}
