import { z } from 'zod';
import { Bundle } from './model/bundle';
import { CaseDraft, CaseFile, NewCaseDraft } from './model/case';
import { Id } from './model/scalars';
import { CaseSummary } from './model/summary';
import { AnnotationState } from './model/annotationStatus';
import { FolderSettings, FolderSettingsPatch } from './settings';
import { PurgeInput, PurgeReport } from './purge';
import { TableExport, TableExportInput, TableImportInput, TableImportReport, TablePreview, TablePreviewInput } from './tables';
import { ConflictDetail, ConflictFile, ConflictResolution, ConflictSummary, ResolveConflictInput } from './conflicts';
import { DeviceInfo, DeviceName, ShareFolderInput, SyncStatus, SyncthingOverride } from './team';
import { SearchHit, SearchQuery } from './model/search';
import { Caseload, CaseloadQuery } from './stats/caseload';
import { ActorDetail, ActorRef, ActorSummary, MergeActorsInput, PeopleQuery, SplitActorInput, SplitResult } from './people';
import { AgendaRow } from './model/agenda';
import { CalendarExport, CalendarRequest, CalendarSettingsPatch, CalendarSettingsState, DueNotice, DueQuery } from './calendar';
import { AuditEntry } from './model/audit';
import { SnapshotInfo, VaultStatus } from './model/backup';
import type { Result } from './errors';
import { OPERATION_NAMES, type OperationName } from './operations';
import { AgeRecipient, OpeningPassphrase, PartnerKey, SealRequest, SharingKeys } from './sealing';
import { AgendaQuery, AppInfo, CopyOutReport, FolderConversion, ListQuery, OnConflict, Passphrase, RecoveredCase, RestoreReport, TrashEntry, VerifyReport } from './contract/folder';
import { BundleUpload, ExportPreview, ExportedBundle, ImportReport, WrittenBundle } from './contract/bundles';
import { ExportedOriginal, ExtractedSource, FileUpload, OriginalBytes, SourceExportOriginal, SourceIntake, SourceIntakeResult, SourceLayout, SourceRef, SourceReread } from './contract/sources';
import { BriefCheck, BriefCheckRequest, BriefRequest, RenderedBrief } from './contract/briefs';
export * from './contract/folder';
export * from './contract/bundles';
export * from './contract/sources';
export * from './contract/briefs';

export { OPERATION_NAMES, type OperationName };

type OperationSpec = { input: z.ZodType; output: z.ZodType };

// The one table of operations. Every door (Electron IPC, the browser-mode HTTP
// server, the command line) dispatches through it; adding an operation here and a
// handler in electron/services is all it takes to reach every door.

const NoInput = z.strictObject({}).default({});
const CaseRef = z.strictObject({ id: Id });

export const contract = {
  'app.info': { input: NoInput, output: AppInfo },
  'cases.list': { input: ListQuery, output: z.array(CaseSummary) },
  'cases.get': { input: CaseRef, output: CaseFile },
  'cases.create': { input: z.strictObject({ case: NewCaseDraft }), output: CaseFile },
  'cases.update': {
    input: z.strictObject({ id: Id, baseRev: z.int().min(1), case: CaseDraft }),
    output: CaseFile,
  },
  'cases.trash': { input: CaseRef, output: TrashEntry },
  'cases.restore': { input: CaseRef, output: CaseFile },
  'trash.list': { input: NoInput, output: z.array(TrashEntry) },
  'trash.purge': { input: PurgeInput, output: PurgeReport },
  'bundle.import': {
    /**
     * `file`: the bundle file's bytes, decoded, parsed and checked in a worker off the main
     * thread (what the window, browser mode and the command line send); `bundle`: an
     * already-parsed bundle (the sample cases, older callers). Exactly one of the two.
     */
    input: z
      .strictObject({ bundle: Bundle.optional(), file: BundleUpload.optional(), onConflict: OnConflict.default('fail'), passphrase: OpeningPassphrase.optional() })
      .refine((i) => (i.bundle === undefined) !== (i.file === undefined), { error: 'give either bundle or file, not both', path: ['bundle'] }),
    output: ImportReport,
  },
  'bundle.export': {
    /** `history`: include each case's change history (the app's own bundle field). */
    input: z.strictObject({ ids: z.array(Id).optional(), history: z.boolean().default(false) }).default({ history: false }),
    output: ExportedBundle,
  },
  /**
   * The command line's export to a path (never the window's: it saves with the shell's dialog):
   * `NAME.casefile.zip` with the originals when `files` and any source has one, else JSON at `path`.
   */
  'bundle.exportFile': {
    input: z.strictObject({
      ids: z.array(Id).optional(),
      history: z.boolean().default(false),
      files: z.boolean().default(true),
      path: z.string().min(1).max(4096),
      /** Seal the file for a passphrase or recipients (age); `plain`: the caller knows an encrypted folder's export will be in clear. */
      seal: SealRequest.optional(),
      plain: z.boolean().default(false),
    }),
    output: WrittenBundle,
  },
  /** The command line's import of a bundle with originals (NAME.casefile.zip) from a path, streamed and checked whole before anything is written. */
  'bundle.importFile': { input: z.strictObject({ path: z.string().min(1).max(4096), onConflict: OnConflict.default('fail'), passphrase: OpeningPassphrase.optional() }), output: ImportReport },
  /** The window's sealed export (JSON, as its plain one): the sealed bytes, for the Save dialog. */
  'bundle.exportSealed': {
    input: z.strictObject({ ids: z.array(Id).optional(), history: z.boolean().default(false), seal: SealRequest }),
    output: z.strictObject({ dataBase64: z.string(), bytes: z.int(), sealed: z.enum(['passphrase', 'recipients']) }),
  },
  /**
   * The window's export (browser mode's download, the desktop's Save dialog): the file's bytes,
   * `NAME.casefile.zip` with the originals when `files` and any source has one, else JSON;
   * sealed when `seal` is given. At most 256 MiB (what the Import dialog takes back); the command line streams any size.
   */
  'bundle.exportBytes': {
    input: z.strictObject({ ids: z.array(Id).optional(), history: z.boolean().default(false), files: z.boolean().default(true), seal: SealRequest.optional(), plain: z.boolean().default(false) }),
    output: z.strictObject({ dataBase64: z.string(), bytes: z.int(), format: z.enum(['json', 'zip']), originals: z.int(), sealed: z.enum(['passphrase', 'recipients']).optional() }),
  },
  /** What a plain export would hold, for the warning an encrypted folder shows before it. */
  'bundle.exportPreview': { input: z.strictObject({ ids: z.array(Id).optional(), history: z.boolean().default(false), files: z.boolean().default(false) }), output: ExportPreview },
  'bundle.sharingKeys': { input: NoInput, output: SharingKeys },
  /** Makes the folder's own age key (an encrypted folder only); keeps the one it has. */
  'bundle.makeKey': { input: NoInput, output: SharingKeys },
  'bundle.addPartner': { input: PartnerKey, output: SharingKeys },
  'bundle.removePartner': { input: z.strictObject({ key: AgeRecipient }), output: SharingKeys },
  'store.verify': { input: NoInput, output: VerifyReport },
  'sources.extract': { input: FileUpload, output: ExtractedSource },
  /** Stores the file as an original (by its SHA-256) and reads its text; the caller saves the source with `file` in the case. */
  'sources.intake': { input: SourceIntake, output: SourceIntakeResult },
  /** The original behind a source, for viewing inside the app (not custody: nothing leaves it). */
  'sources.original': { input: SourceRef, output: OriginalBytes },
  'sources.layout': { input: SourceRef, output: SourceLayout },
  /** The text read from the source's original again, with its intake record updated (textBy, pages); nothing is saved. */
  'sources.reread': { input: SourceReread, output: SourceIntakeResult },
  'sources.exportOriginal': { input: SourceExportOriginal, output: ExportedOriginal },
  'annotations.list': { input: CaseRef, output: z.array(AnnotationState) },
  'briefs.render': { input: BriefRequest, output: RenderedBrief },
  'briefs.check': { input: BriefCheckRequest, output: BriefCheck },
  'search.query': { input: SearchQuery, output: z.array(SearchHit) },
  'agenda.list': { input: AgendaQuery, output: z.array(AgendaRow) },
  /** Open deadlines, hearings and follow-ups as an .ics calendar (all-day events, partial dates on their last day); neutral titles unless asked. */
  'calendar.export': { input: CalendarRequest, output: CalendarExport },
  /** Where this machine keeps casefile-deadlines.ics current, and whether it notifies (machine-local, never synced). */
  'calendar.settings': { input: NoInput, output: CalendarSettingsState },
  /** Fields left out stay; a new folder gets the file at once, then after every save that changes the agenda. */
  'calendar.setSettings': { input: CalendarSettingsPatch, output: CalendarSettingsState },
  /** The notifications due on `today` (the day before and the day of each item), each told once per day: asking marks them told. */
  'calendar.due': { input: DueQuery, output: z.array(DueNotice) },
  /** The fictional sample cases shipped with the app (assets/sample-cases.casefile.json), for a first run. */
  'app.sampleBundle': { input: NoInput, output: Bundle },
  /** The case's saved changes, oldest first (a trashed case's too). */
  'cases.history': { input: CaseRef, output: z.array(AuditEntry) },
  /** Answers while locked. `active`: the user is at the keyboard (resets the idle-lock clock). */
  'vault.status': { input: z.strictObject({ active: z.boolean().optional() }).default({}), output: VaultStatus },
  'vault.unlock': { input: z.strictObject({ passphrase: Passphrase }), output: VaultStatus },
  /** Closes the store and wipes the key; every other operation then answers `encrypted` until an unlock. */
  'vault.lock': { input: NoInput, output: VaultStatus },
  /** Encrypts a plain folder (a snapshot is taken first); the folder stays open. */
  'vault.encrypt': { input: z.strictObject({ passphrase: Passphrase }), output: VaultStatus.extend({ conversion: FolderConversion }) },
  'vault.decrypt': { input: z.strictObject({ passphrase: Passphrase }), output: VaultStatus.extend({ conversion: FolderConversion }) },
  'vault.changePassphrase': { input: z.strictObject({ passphrase: Passphrase, newPassphrase: Passphrase }), output: VaultStatus },
  'vault.setIdleLock': { input: z.strictObject({ minutes: z.int().min(0).max(1440) }), output: VaultStatus },
  /** Snapshots under backups/, newest first. */
  'backups.list': { input: NoInput, output: z.array(SnapshotInfo) },
  'backups.create': { input: NoInput, output: SnapshotInfo },
  /** Puts the whole folder back as the snapshot holds it (a safety snapshot is taken first). */
  'backups.restore': { input: z.strictObject({ name: z.string().min(1).max(255) }), output: RestoreReport },
  /** A quarantined case file replaced by the newest valid copy any snapshot holds. */
  'backups.recover': { input: z.strictObject({ file: z.string().min(1).max(1024) }), output: RecoveredCase },
  /** Takes a snapshot and copies it, with an encrypted folder's vault.json, into a new set in `dir` (a USB drive): a backup that outlives the disk. */
  'backups.copyOut': { input: z.strictObject({ dir: z.string().min(1).max(4096) }), output: CopyOutReport },
  'settings.get': { input: NoInput, output: FolderSettings },
  'settings.set': { input: FolderSettingsPatch, output: FolderSettings },
  /** This machine as a device of the data folder (made on first use; never synced): what the history names beside its changes. */
  'team.device': { input: NoInput, output: DeviceInfo },
  'team.setDeviceName': { input: z.strictObject({ name: DeviceName }), output: DeviceInfo },
  /** A spreadsheet (.xlsx or .csv) read in a worker and mapped onto cases: nothing is stored. */
  'tables.preview': { input: TablePreviewInput, output: TablePreview },
  /** The same, then stored all or nothing once every row passes the model (or, with dryRun, only reported). */
  'tables.import': { input: TableImportInput, output: TableImportReport },
  /** The list (as filtered) as .xlsx or .csv, in the language asked; confidential columns only when `internal`. */
  'tables.export': { input: TableExportInput, output: TableExport },
  /** The Statistics view's numbers over the cases the list's filters let through (whole cases are read: the charges and arrests are not in the summaries). */
  'stats.caseload': { input: CaseloadQuery, output: Caseload },
  /** Syncthing's conflict copies not yet settled (cases, vault.json, the address book, settings), each read and validated. */
  'conflicts.list': { input: NoInput, output: z.array(ConflictSummary) },
  /** Both versions whole, and their differences field by field. */
  'conflicts.get': { input: z.strictObject({ file: ConflictFile }), output: ConflictDetail },
  /** Settled: saved above both sides (the version not kept goes into the history), then the copy removed. */
  'conflicts.resolve': { input: ResolveConflictInput, output: ConflictResolution },
  /** The data folder as the local Syncthing sees it; never fails when Syncthing is absent or silent (the state says so). */
  'team.syncStatus': { input: NoInput, output: SyncStatus },
  /** Adds the data folder to the local Syncthing through its REST API (label "Casefile", versioning off), shared with the devices given. */
  'team.shareFolder': { input: ShareFolderInput, output: SyncStatus },
  /** Where this machine's Syncthing is when the usual places are wrong (machine-local, never synced); an empty object clears it. */
  'team.setSyncthing': { input: SyncthingOverride, output: SyncStatus },
  /** The people and bodies that recur across cases, matched across spellings and scripts; confidential-only actors only when asked. */
  'people.list': { input: PeopleQuery, output: z.array(ActorSummary) },
  /** One person or body: every case it appears in and what it did there. */
  'people.get': { input: ActorRef, output: ActorDetail },
  /** Two or more actors made one by hand (kept in the folder, so every device sees it). */
  'people.merge': { input: MergeActorsInput, output: ActorSummary },
  /** Spellings taken out of an actor into one of their own. */
  'people.split': { input: SplitActorInput, output: SplitResult },
} as const satisfies Record<OperationName, OperationSpec>;

export type Contract = typeof contract;
export type OpInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OperationName> = z.output<Contract[K]['output']>;

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}

/** Reported by long operations (a many-case brief) to whichever door can show it. */
export const Progress = z.strictObject({ done: z.int().min(0), total: z.int().min(0), label: z.string().optional() });
export type Progress = z.infer<typeof Progress>;

/** What a caller may pass besides the input: a place to show the progress of long work. */
/** An AbortSignal as shared/ sees it (it is compiled without the DOM's or Node's types). */
export type CancelSignal = { readonly aborted: boolean; addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void; removeEventListener(type: 'abort', listener: () => void): void };
export type CallOptions = { onProgress?: (progress: Progress) => void; /** Aborting it cancels the call: long work stops and answers `cancelled`, the folder as it was. */ signal?: CancelSignal };

/** What the renderer holds, whichever transport is underneath: one method per operation. */
export type Api = { [K in OperationName]: (input: OpInput<K>, options?: CallOptions) => Promise<Result<OpOutput<K>>> };

/**
 * Browser mode's progress stream: a request carrying this header is answered with
 * newline-delimited JSON — `{"progress":…}` lines while the operation runs, then one
 * `{"result":…}` line.
 */
export const PROGRESS_HEADER = 'x-casefile-progress';

/** Browser mode: the header the page sends the per-launch token in (never a cookie: no ambient authority). */
export const TOKEN_HEADER = 'x-casefile-token';

/** Browser mode: where a page trades its one-time ticket for the session token (`POST {"ticket": "…"}`). */
export const TICKET_PATH = '/session';
export const ProgressStreamLine = z.union([z.strictObject({ progress: Progress }), z.strictObject({ result: z.unknown() })]);
