import { z } from 'zod';
import { SAVE_KINDS, SHELL_LANGUAGES, type ShellCallName } from './shellNames';

// The desktop shell's own channels, declared like the contract: for each method
// of `window.casefileShell`, the arguments the page sends (a tuple) and what the
// shell answers. The shell registers exactly these, checks the sender once, and
// validates every call against this table (electron/shell/shellDoor.ts).

/** How a Save dialog ended: the file written, the user's cancel, or the disk's refusal. */
export const SaveOutcome = z.union([
  z.strictObject({ saved: z.literal(true), path: z.string() }),
  z.strictObject({ saved: z.literal(false), cancelled: z.literal(true) }),
  z.strictObject({ saved: z.literal(false), cancelled: z.literal(false), error: z.string() }),
]);
export type SaveOutcome = z.infer<typeof SaveOutcome>;

/** A bundle the app was asked to open (a double-clicked `.casefile.json`). */
export const OpenedBundle = z.union([z.strictObject({ name: z.string(), text: z.string() }), z.strictObject({ name: z.string(), error: z.string() })]);
export type OpenedBundle = z.infer<typeof OpenedBundle>;

/** A file's bytes as IPC carries them (a Buffer is one too). */
const Bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected the file’s bytes (a Uint8Array)' });

export type ShellCallSpec = { input: z.ZodTuple; output: z.ZodType };

export const shellContract = {
  /** Opens an https link in the user's browser after asking; false when not opened. */
  openExternal: { input: z.tuple([z.string().max(8192)]), output: z.boolean() },
  /** A brief or a bundle the page made, saved where the user chooses: the suggested name, the bytes, the kind (its file type filter). */
  saveFile: { input: z.tuple([z.string().max(4096), Bytes, z.enum(SAVE_KINDS)]), output: SaveOutcome },
  takeOpenedBundle: { input: z.tuple([]), output: OpenedBundle.nullable() },
  /** The page may name any language; the shell speaks only its own three. */
  setLanguage: { input: z.tuple([z.string().pipe(z.enum(SHELL_LANGUAGES))]), output: z.boolean() },
  /** A folder only the user names, in the native dialog; its full path, or null when cancelled. */
  chooseFolder: { input: z.tuple([]), output: z.string().nullable() },
  /** Where to save a source's original (custody): a path only the user names in the Save dialog, given the suggested file name; null when cancelled. */
  chooseOriginalPath: { input: z.tuple([z.string().max(255)]), output: z.string().nullable() },
  /** Where to write a bundle with originals (bundle.exportFile streams it there): a path only the user names; null when cancelled. */
  chooseBundlePath: { input: z.tuple([z.string().max(255), z.enum(['bundleZip', 'sealedBundle'])]), output: z.string().nullable() },
} as const satisfies Record<ShellCallName, ShellCallSpec>;

export type ShellContract = typeof shellContract;
export type ShellArgs<K extends ShellCallName> = z.output<ShellContract[K]['input']>;
export type ShellOutput<K extends ShellCallName> = z.output<ShellContract[K]['output']>;

/** What the shell runs for each call, given arguments already validated. */
export type ShellHandlers = { [K in ShellCallName]: (...args: ShellArgs<K>) => Promise<ShellOutput<K>> | ShellOutput<K> };

/** The page's side: one method per call, taking what the schema accepts and answering its output (see SHELL_CALLS for refusals). */
export type ShellCalls = { [K in ShellCallName]: (...args: z.input<ShellContract[K]['input']>) => Promise<ShellOutput<K>> };
