import { z } from 'zod';
import { CaseFile } from './model/case';
import type { Issue, PathSegment } from './model/integrity';

/** Every way an operation can fail, as every transport reports it. */
export const ErrorCode = z.enum([
  'bad_input', // the request or file is invalid; nothing was written
  'not_found',
  'conflict', // a stale rev or an id that exists already; nothing was written
  'locked', // another process holds the data folder
  'unsupported', // data written by a newer Casefile, or an operation this build lacks
  'io', // the disk refused (full, read-only, permissions); the previous version is intact
  'internal', // a bug: the service broke its own contract
  'encrypted', // the data folder is encrypted and no passphrase was given; nothing was read
  'cancelled', // the caller cancelled long work; the folder is as it was
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const IssueSchema = z.strictObject({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

export const ApiError = z.strictObject({
  code: ErrorCode,
  message: z.string(),
  issues: z.array(IssueSchema).optional(),
  /** On a rev conflict: the version on disk, so the user can compare and choose. */
  current: CaseFile.optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** `cases[3].events[0].date` — the form the model docs use for fault locations. */
export function formatPath(path: readonly PathSegment[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`))
    .join('');
}

export function formatIssue(issue: Issue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * Turns zod's issues into ours: one issue per unknown key (named by its own path),
 * and messages that say what was expected in words a user can act on.
 */
export function issuesFromZod(error: z.ZodError): Issue[] {
  const out: Issue[] = [];
  const visit = (issue: z.core.$ZodIssue, base: PathSegment[]) => {
    const path = [...base, ...(issue.path as PathSegment[])];
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: [...path, key], message: 'unknown field (not part of the case-file model)' });
        return;
      case 'invalid_type': {
        // zod keeps the offending input out of issues by default; its message names the received type.
        const received = /received (\w+)/.exec(issue.message)?.[1];
        out.push({
          path,
          message: received === undefined || received === 'undefined' ? `required: expected ${issue.expected}` : `expected ${issue.expected}, got ${received}`,
        });
        return;
      }
      case 'invalid_value': {
        const values = issue.values.map((v) => JSON.stringify(v));
        out.push({ path, message: values.length === 1 ? `expected ${values[0]}` : `expected one of ${values.join(', ')}` });
        return;
      }
      case 'invalid_union':
        // A discriminated union reports a bad discriminator here; an ordinary
        // union lists what each branch wanted, of which the first is the most useful.
        if (issue.errors.length > 0 && issue.errors[0]!.length > 0) {
          for (const inner of issue.errors[0]!) visit(inner, path);
        } else {
          out.push({ path, message: issue.message });
        }
        return;
      default:
        out.push({ path, message: issue.message });
    }
  };
  for (const issue of error.issues) visit(issue, []);
  return out;
}
