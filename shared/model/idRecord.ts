import { z } from 'zod';

/** A JSON object (parsed, or built by the app): own enumerable keys only, nothing inherited. */
const isRecordObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * An object keyed by ids, parsed into a null-prototype object that holds every key
 * the input held. `z.record` drops a `__proto__` key without a word (it builds into a
 * plain `{}`, where assigning it would replace the prototype), and a plain object
 * answers `constructor` or `toString` with what it inherits: a case with either id
 * then lost its history, or broke the import that looked it up. Read the result with
 * `ownValue` (or Object.entries), never with a bare index on something that may be a
 * plain object.
 */
export function idRecord<V extends z.ZodType>(key: z.ZodType<string>, value: V) {
  return z
    .custom<Record<string, z.input<V>>>(isRecordObject, { error: 'expected an object keyed by id' })
    .transform((input, ctx) => {
      const out = Object.create(null) as Record<string, z.output<V>>;
      for (const k of Object.keys(input)) {
        const parsedKey = key.safeParse(k);
        if (!parsedKey.success) {
          for (const issue of parsedKey.error.issues) ctx.issues.push({ code: 'custom', message: `the key ${JSON.stringify(k)}: ${issue.message}`, path: [k], input: k });
          continue;
        }
        const parsed = value.safeParse(input[k]);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) ctx.issues.push({ code: 'custom', message: issue.message, path: [k, ...issue.path], input: input[k] });
          continue;
        }
        out[k] = parsed.data;
      }
      return out;
    });
}

/** The value an id-keyed object holds under `id` itself: never one it inherits. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, id: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, id) ? record[id] : undefined;
}

/** An empty id-keyed object to fill with `setOwn`: no prototype, so no key is special. */
export const emptyIdRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** Sets `record[id]` as an own property, whatever the id (`__proto__` included). */
export function setOwn<T>(record: Record<string, T>, id: string, value: T): void {
  Object.defineProperty(record, id, { value, enumerable: true, writable: true, configurable: true });
}
