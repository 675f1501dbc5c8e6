import { OPERATION_NAMES, type OperationName, type OpOutput, type OpParsedInput } from '../../../shared/contract';
import type { CallContext } from '../callContext';

/** One service function per contract operation; each receives input the dispatcher has already validated. */
export type Handlers = { [K in OperationName]: (input: OpParsedInput<K>, context: CallContext) => Promise<OpOutput<K>> | OpOutput<K> };

/** What a domain module serves: the handlers of its own operations, and no others (the literal is checked for extra keys). */
export type DomainHandlers<K extends OperationName> = Pick<Handlers, K>;

type Part = Partial<Handlers>;
type KeysOf<P extends readonly Part[]> = P extends readonly [infer H, ...infer R extends readonly Part[]] ? keyof H | KeysOf<R> : never;
type Repeated<P extends readonly Part[]> = P extends readonly [infer H, ...infer R extends readonly Part[]] ? (keyof H & KeysOf<R>) | Repeated<R> : never;

/**
 * The compiler's proof that the parts cover every operation exactly once: a missing
 * operation or one served twice turns the argument's type into a message naming it.
 */
export type ExactlyOnce<P extends readonly Part[]> = [Exclude<OperationName, KeysOf<P>>] extends [never]
  ? [Repeated<P>] extends [never]
    ? unknown
    : { 'served by two modules': Repeated<P> }
  : { 'served by no module': Exclude<OperationName, KeysOf<P>> };

function isComplete(table: Part): table is Handlers {
  return OPERATION_NAMES.every((op) => typeof table[op] === 'function');
}

/**
 * Joins the per-domain modules into the one table the dispatcher serves. The types
 * prove completeness at compile time; the same is checked once at run time, so a
 * module built from a wider type (a spread, a loop) cannot slip a gap or a double past.
 */
export function composeHandlers<const P extends readonly Part[]>(...parts: P & ExactlyOnce<P>): Handlers {
  const table: Part = {};
  for (const part of parts) {
    const twice = Object.keys(part).filter((op) => Object.hasOwn(table, op));
    if (twice.length > 0) throw new Error(`Two handler modules serve ${twice.join(', ')}; each operation has exactly one.`);
    Object.assign(table, part);
  }
  if (!isComplete(table)) throw new Error(`No handler module serves ${OPERATION_NAMES.filter((op) => typeof table[op] !== 'function').join(', ')}.`);
  return table;
}
