import type { BriefLang, BriefMode } from '../../../../shared/model/brief';
import type { CaseFile, PathSegment } from '../../../../shared/model';
import type { AddressBook } from '../../../../shared/model/addressees';

// What a template asks for that a case may lack: each template's own list (one module
// per template beside this one), gathered by index.ts for the dialog and the CLI.
// A gap is a warning, never a refusal: the advocate may know better than the form.

/** One message in the three languages the app speaks; the caller picks the reader's. */
export type Words = Record<BriefLang, string>;

/** A gap in the three languages the app speaks; the caller picks the reader's. */
export type Gap = { code: string; path?: PathSegment[]; text: Words };

/** What a check may consult beside the cases: the data folder's address book (whom an urgent action can be sent to). */
export type GapEnv = { addressBook?: AddressBook };

/** The gaps one template finds in the cases it is about (one case, or several for `multi`), as this mode prints them. */
export type GapCheck = (cases: readonly CaseFile[], mode: BriefMode, env?: GapEnv) => Gap[];

export function gap(code: string, text: Words, path?: PathSegment[]): Gap {
  return { code, text, ...(path ? { path } : {}) };
}
