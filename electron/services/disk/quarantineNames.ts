import path from 'node:path';

// The quarantine folder's file names, made and read in one place: the store gives
// them, and a restore reads them back to retire entries it makes stale.

/** A quarantined file's name: `<stamp>--<folder>--<file>`, so it says when and from where. */
export const quarantineName = (stamp: string, file: string) => `${stamp}--${path.basename(path.dirname(file))}--${path.basename(file)}`;

const QUARANTINED_CASE = /--(?:cases|trash)--([A-Za-z0-9_-]{1,64})\.json$/;

/** The case id a quarantined case file held, from its name, or null for any other file. */
export const quarantinedCaseId = (file: string) => QUARANTINED_CASE.exec(path.basename(file))?.[1] ?? null;

/** Whether a quarantined case file came from the Trash. */
export const quarantinedFromTrash = (file: string) => /--trash--[^/\\]*$/.test(path.basename(file));
