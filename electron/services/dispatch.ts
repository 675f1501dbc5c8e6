import { ApiError, issuesFromZod, type Result } from '../../shared/errors';
import { contract, isOperationName, type OperationName, type OpOutput } from '../../shared/contract';
import { ServiceError } from './errors';
import { diagnosers } from './diagnose';
import type { CallContext, Handlers } from './handlers';
import { tooDeep } from './isolation/depth';
import { capIssues } from '../../shared/issueCap';
import { limits } from './isolation/limits';

export type Dispatch = <K extends OperationName>(op: K, input: unknown, context?: CallContext) => Promise<Result<OpOutput<K>>>;

export type DispatchOptions = {
  /** Where unexpected failures are reported (they are bugs, not user errors). */
  onInternalError?: (op: string, err: unknown) => void;
};

/**
 * The single door every transport goes through: validate the input against the
 * contract, call the service, validate what it returns, and turn every failure
 * into a typed `ApiError` — never a thrown exception across the boundary.
 */
export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async function dispatch<K extends OperationName>(op: K, input: unknown, context: CallContext = {}): Promise<Result<OpOutput<K>>> {
    if (typeof op !== 'string' || !isOperationName(op)) {
      return { ok: false, error: { code: 'unsupported', message: `Unknown operation "${String(op)}".` } };
    }
    const spec = contract[op];
    const maxDepth = limits().bundleDepth;
    const deep = tooDeep(input, maxDepth);
    if (deep) {
      return { ok: false, error: { code: 'bad_input', message: `The request for ${op} nests values more than ${maxDepth} levels deep, far more than any Casefile data needs; nothing was changed.`, issues: [{ path: deep, message: `nested more than ${maxDepth} levels deep` }] } };
    }
    const parsedInput = spec.input.safeParse(input);
    if (!parsedInput.success) {
      const extra = diagnosers[op]?.(input) ?? [];
      // Listed in the order of the request, so a user works down the file once.
      const issues = extra.length === 0 ? issuesFromZod(parsedInput.error) : [...issuesFromZod(parsedInput.error), ...extra].sort((a, b) => comparePaths(a.path, b.path));
      return { ok: false, error: { code: 'bad_input', message: `The request for ${op} is not valid; nothing was changed.`, issues: capIssues(issues, limits().listedIssues) } };
    }
    let value: unknown;
    try {
      const handler = handlers[op] as (input: unknown, context: CallContext) => unknown;
      value = await handler(parsedInput.data, context);
    } catch (err) {
      if (err instanceof ServiceError) return { ok: false, error: capped(err.toApiError()) };
      options.onInternalError?.(op, err);
      return { ok: false, error: { code: 'internal', message: `${op} failed unexpectedly: ${(err as Error)?.message ?? String(err)}` } };
    }
    const parsedOutput = spec.output.safeParse(value);
    if (!parsedOutput.success) {
      options.onInternalError?.(op, parsedOutput.error);
      return { ok: false, error: { code: 'internal', message: `${op} returned data that breaks the contract; this is a bug.`, issues: issuesFromZod(parsedOutput.error) } };
    }
    return { ok: true, value: parsedOutput.data as OpOutput<K> };
  };
}

/** However many faults a service found, the first hundred and a count travel (see issueCap.ts). */
function capped(error: ApiError): ApiError {
  return error.issues && error.issues.length > limits().listedIssues ? { ...error, issues: capIssues(error.issues, limits().listedIssues) } : error;
}

function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
