import { z } from 'zod';
import { Bundle, BUNDLE_FORMAT, BUNDLE_VERSION } from './model/bundle';
import { CaseDraft, CaseFile, CaseKind, CaseStatus, NewCaseDraft, Priority } from './model/case';
import { DateTime, Id } from './model/scalars';
import { SourceFile } from './model/parts';
import { PageLayout } from './model/pageLayout';
import { CaseSummary } from './model/summary';
import { AnnotationState } from './model/annotationStatus';
import { BriefFormat, BriefLang, BriefMode, BriefOriginals, BriefTemplate, PreparedBy } from './model/brief';
import { FolderSettings, FolderSettingsPatch } from './settings';
import { PurgeInput, PurgeReport } from './purge';
import { TableExport, TableExportInput, TableImportInput, TableImportReport, TablePreview, TablePreviewInput } from './tables';
import { ConflictDetail, ConflictFile, ConflictResolution, ConflictSummary, ResolveConflictInput } from './conflicts';
import { DeviceInfo, DeviceName, ShareFolderInput, SyncStatus, SyncthingOverride } from './team';
import { SearchHit, SearchQuery } from './model/search';
import { Caseload, CaseloadQuery } from './stats/caseload';
import { ActorDetail, ActorRef, ActorSummary, MergeActorsInput, PeopleQuery, SplitActorInput, SplitResult } from './people';
import { AgendaRow, IsoDay } from './model/agenda';
import { CalendarExport, CalendarRequest, CalendarSettingsPatch, CalendarSettingsState, DueNotice, DueQuery } from './calendar';
import { AuditEntry, BundleHistory } from './model/audit';
import { SnapshotInfo, VaultStatus } from './model/backup';
import type { Result } from './errors';
import { OPERATION_NAMES, type OperationName } from './operations';
import { AgeRecipient, OpeningPassphrase, PartnerKey, SealRequest, SharingKeys } from './sealing';

export { OPERATION_NAMES, type OperationName };

type OperationSpec = { input: z.ZodType; output: z.ZodType };

// The one table of operations. Every door (Electron IPC, the browser-mode HTTP
// server, the command line) dispatches through it; adding an operation here and a
// handler in electron/services is all it takes to reach every door.

const NoInput = z.strictObject({}).default({});
const CaseRef = z.strictObject({ id: Id });

export const OnConflict = z.enum(['fail', 'newer', 'keep-both']);
export type OnConflict = z.infer<typeof OnConflict>;

export const QuarantinedFile = z.strictObject({
  file: z.string(), // where it lives now, relative to the data folder
  reason: z.string(),
});

/** A save whose file is in place but whose folder the disk would not confirm written (fsync failed): it may not survive a power cut. */
export const UnconfirmedSave = z.strictObject({
  file: z.string(),
  id: z.string(),
  rev: z.int(),
  reason: z.string(),
});

/**
 * What the store's open found tampered with (audit/tamper): a case file older than
 * its history or the folder's manifest (rolled back), a case or history gone
 * (deleted), a history or case changed outside the app (altered).
 */
export const TamperFinding = z.strictObject({
  file: z.string(),
  /** "" for the folder's manifest itself. */
  caseId: z.string(),
  verdict: z.enum(['rolled-back', 'deleted', 'altered']),
  message: z.string(),
  /** The newest revision the history or the manifest vouches for. */
  lastGoodRev: z.int().optional(),
  /** The newest snapshot holding a valid copy of the case. */
  snapshot: z.string().optional(),
});
export type TamperFinding = z.infer<typeof TamperFinding>;

export const AppInfo = z.strictObject({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.int(),
  encrypted: z.boolean(),
  caseCount: z.int(),
  trashCount: z.int(),
  quarantined: z.array(QuarantinedFile),
  /** Since this process opened the folder. */
  unconfirmedSaves: z.array(UnconfirmedSave),
  /** Found when the folder was opened; `verify` checks the whole folder. */
  tampered: z.array(TamperFinding),
  /** The original files behind sources (files/): how many, and their bytes on disk (sealed size when encrypted). */
  originals: z.strictObject({ count: z.int(), bytes: z.number() }).optional(),
});

export const ListQuery = z
  .strictObject({
    kind: CaseKind.optional(),
    status: CaseStatus.optional(),
    priority: Priority.optional(),
    tag: z.string().optional(),
  })
  .default({});
export type ListQuery = z.infer<typeof ListQuery>;

export const TrashEntry = CaseSummary.extend({ trashedAt: DateTime });
export type TrashEntry = z.infer<typeof TrashEntry>;

export const ImportAction = z.enum(['created', 'replaced', 'skipped', 'copied']);
export const ImportReport = z.strictObject({
  results: z.array(
    z.strictObject({
      index: z.int(), // position in the bundle
      id: Id, // the id it is stored under
      title: z.string(),
      action: ImportAction,
      note: z.string().optional(),
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ExportedBundle = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: DateTime,
  cases: z.array(CaseFile),
  history: BundleHistory.optional(),
});
export type ExportedBundle = z.infer<typeof ExportedBundle>;

/** Where `bundle.exportFile` wrote, and what: a ZIP container (with `originals`) or JSON. */
export const WrittenBundle = z.strictObject({
  path: z.string(),
  format: z.enum(['json', 'zip']),
  cases: z.int(),
  originals: z.int(),
  bytes: z.int(),
  /** Set when the file is sealed (age, NAME….age): with a passphrase, or for recipients' keys. */
  sealed: z.enum(['passphrase', 'recipients']).optional(),
});
export type WrittenBundle = z.infer<typeof WrittenBundle>;

/** What a plain export of the given cases would put in clear: counted, so a warning can say it. */
export const ExportPreview = z.strictObject({
  encrypted: z.boolean(),
  cases: z.int(),
  /** The people and organisations the cases name (their titles' subjects). */
  names: z.array(z.string()),
  /** Items marked confidential, and always-confidential fields (contact, address, health, consent…), counted. */
  confidential: z.int(),
  originals: z.strictObject({ count: z.int(), bytes: z.number() }),
  history: z.boolean(),
});
export type ExportPreview = z.infer<typeof ExportPreview>;

export const VerifyProblem = z.strictObject({ file: z.string(), message: z.string() });
export const VerifyReport = z.strictObject({
  ok: z.boolean(),
  checkedFiles: z.int(),
  problems: z.array(VerifyProblem),
  /** What a crash mid-save leaves (a history line lost): worth knowing, not a fault — `ok` stays true. */
  warnings: z.array(VerifyProblem),
  /** Originals re-hashed and found intact, and their bytes (as added). */
  originals: z.strictObject({ count: z.int(), bytes: z.number() }).optional(),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

export const ExtractedSource = z.strictObject({
  text: z.string(),
  title: z.string().optional(),
  format: z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'image']),
  warnings: z.array(z.string()),
  /** The file declared one character set (an HTML meta tag) but its bytes only fit another, which was used; also in `warnings`, as charsetWarning words it. */
  charset: z.strictObject({ declared: z.string(), used: z.string() }).optional(),
});
export type ExtractedSource = z.infer<typeof ExtractedSource>;

/** The warning for ExtractedSource.charset, in English (the window says it in the user's language instead). */
export function charsetWarning({ declared, used }: { declared: string; used: string }): string {
  return `The file declares the "${declared}" character set, but its bytes are ${used} text, so it was read as ${used}. Check that the text looks right.`;
}

/** A file's bytes travel as base64 (JSON over IPC and HTTP); 64 MiB of file at most. */
const FileUpload = z.strictObject({
  fileName: z.string().min(1).max(255),
  dataBase64: z.base64().max(Math.ceil((64 * 1024 * 1024) / 3) * 4, { error: 'the file is larger than 64 MiB' }),
});

/** A bundle file as its bytes: up to 256 MiB (a bundle carries its sources' full text). */
const BundleUpload = z.strictObject({
  fileName: z.string().min(1).max(255),
  dataBase64: z.base64().max(Math.ceil((256 * 1024 * 1024) / 3) * 4, { error: 'the bundle is larger than 256 MiB' }),
});

/** The languages OCR reads (tesseract's kaz, rus and eng data, shipped in assets/tessdata). */
export const OcrLang = z.enum(['kk', 'ru', 'en']);
export type OcrLang = z.infer<typeof OcrLang>;

/**
 * A file added as a source's original (issue 17): kept unchanged in the data folder
 * by its SHA-256, its text read (embedded, or by OCR in `ocrLangs`, all three by
 * default). `capturedFrom`/`capturedAt` say where and when it was obtained.
 */
export const SourceIntake = FileUpload.extend({
  ocrLangs: z.array(OcrLang).min(1).max(3).optional(),
  capturedFrom: z.string().trim().min(1).max(2000).optional(),
  capturedAt: DateTime.optional(),
});
export type SourceIntake = z.infer<typeof SourceIntake>;

/** What a photo's own metadata says (EXIF), shown at intake; `gps` set means the photo tells where it was taken. */
export const OriginalMetadata = z.strictObject({
  camera: z.string().optional(),
  takenAt: DateTime.optional(),
  gps: z.strictObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
});
export type OriginalMetadata = z.infer<typeof OriginalMetadata>;

/** An added original: the intake record for Source.file, and its text (pages joined by form feeds, shared/text/pages). */
export const SourceIntakeResult = ExtractedSource.extend({
  format: z.enum(['txt', 'md', 'html', 'pdf', 'docx', 'image']),
  file: SourceFile,
  metadata: OriginalMetadata.optional(),
});
export type SourceIntakeResult = z.infer<typeof SourceIntakeResult>;

/** A case's source, by ids. */
export const SourceRef = z.strictObject({ caseId: Id, sourceId: Id });

/** An original's bytes, for the window's viewer (up to 64 MiB; a larger one is saved out instead). */
export const OriginalBytes = z.strictObject({ name: z.string(), mediaType: z.string(), size: z.int().min(0), dataBase64: z.base64() });
export type OriginalBytes = z.infer<typeof OriginalBytes>;

/** Where the words of a source's original lie on its pages; `stale` when the text has been edited since (no layout then). */
export const SourceLayout = z.strictObject({ layout: PageLayout.nullable(), stale: z.boolean() });
export type SourceLayout = z.infer<typeof SourceLayout>;

/**
 * Takes a source's original out of the app, recorded in the case's history (custody):
 * to `to` (an absolute path: the desktop's Save dialog, the command line), streamed and
 * written durably, refused when a file is there unless `overwrite`; without `to`, its
 * bytes for the browser to download (up to 64 MiB).
 */
export const SourceExportOriginal = SourceRef.extend({
  to: z
    .string()
    .min(1)
    .max(4096)
    .regex(/^(?:\/|[A-Za-z]:[\\/]|\\\\)/, { error: 'expected an absolute path (/… or C:\\…)' })
    .optional(),
  overwrite: z.boolean().optional(),
});
export const ExportedOriginal = z.union([z.strictObject({ path: z.string() }), OriginalBytes]);
export type ExportedOriginal = z.infer<typeof ExportedOriginal>;

/** Reads a stored original's text again (OCR in `ocrLangs` for a scan or photo); the caller saves the text in the case. */
export const SourceReread = SourceRef.extend({ ocrLangs: z.array(OcrLang).min(1).max(3).optional() });

export const BriefRequest = z.strictObject({
  ids: z.array(Id).min(1).max(10_000),
  /** Absent: `case` for one case, `multi` for several. */
  template: BriefTemplate.optional(),
  lang: BriefLang.default('en'),
  mode: BriefMode.default('public'),
  /** `docx`: a Word document with the same content and order, to edit before sending. */
  format: BriefFormat.default('pdf'),
  /** Only annotations with one of these tags; absent prints all (public ones, in public mode). */
  annotationTags: z.array(z.string()).optional(),
  /** Who prepared the brief (the PDF's Author); absent: "Casefile". */
  preparedBy: PreparedBy.optional(),
  /** The originals behind the sources shown: `attach` (in the PDF), `zip` (brief and files in one ZIP), `none`. */
  originals: BriefOriginals.default('none'),
  /** The multi-case brief's charts of the caseload (with their numbers as tables); absent: on. */
  charts: z.boolean().optional(),
});

/** What the dialog and the CLI ask before rendering: does the template fit, and what does the case lack for it? */
export const BriefCheckRequest = z.strictObject({
  ids: z.array(Id).min(1).max(10_000),
  template: BriefTemplate.optional(),
  mode: BriefMode.default('public'),
  /** The language the messages are written in (the reader's, not necessarily the brief's). */
  lang: BriefLang.default('en'),
  /** The brief's language, when it is not the reader's: a name or summary in another script is a gap for it. Default: `lang`. */
  briefLang: BriefLang.optional(),
});

/** One thing the chosen template asks for and the case does not hold: a warning, never a refusal. */
export const BriefGap = z.strictObject({
  /** Stable, for tests and the UI: "wgad.arrest.place", "submission.consent". */
  code: z.string(),
  /** Where in the case it would be recorded, when one field holds it. */
  path: z.array(z.union([z.string(), z.int()])).optional(),
  message: z.string(),
});
export type BriefGap = z.infer<typeof BriefGap>;

export const BriefCheck = z.strictObject({
  template: BriefTemplate,
  /** Set when the template does not fit the cases (a WGAD communication for someone never detained): rendering is refused with this reason. */
  refused: z.string().optional(),
  gaps: z.array(BriefGap),
});
export type BriefCheck = z.infer<typeof BriefCheck>;

export const RenderedBrief = z.strictObject({
  fileName: z.string(),
  template: BriefTemplate,
  format: BriefFormat,
  /** Pages as laid out in the PDF; a Word document is paginated by Word, so this is the PDF's count for the same content. */
  pages: z.int().min(1),
  bytes: z.int().min(1),
  /** The file's bytes: a PDF or a DOCX, as `format` says. */
  dataBase64: z.base64(),
  /** Annotations in scope the brief could not quote: their passage changed or is gone. */
  annotationsLeftOut: z.int().min(0),
  /** How many original files went with the brief (attached or in the ZIP; `fileName` then ends in .zip for a ZIP). */
  originalsSent: z.int().min(0).optional(),
  /** What the user should know about what left: a photo that keeps its location. */
  warnings: z.array(z.string()).optional(),
});
export type RenderedBrief = z.infer<typeof RenderedBrief>;

export const AgendaQuery = z
  .strictObject({
    /** The day to judge "overdue" against, in the caller's time zone; absent: the server's today. */
    today: IsoDay.optional(),
  })
  .default({});

/** Passphrases travel only over IPC or the token-guarded loopback server, and are never logged or stored. */
const Passphrase = z.string().min(1).max(1024);

/** What an encryption or decryption did to the folder's files, so a door can name each file left as it was (a file it does not know stays NOT encrypted). */
export const FolderConversion = z.strictObject({ converted: z.int().min(0), untouched: z.array(z.string()), unreadable: z.array(z.string()) });
export type FolderConversion = z.infer<typeof FolderConversion>;

export const RestoreReport = z.strictObject({
  restored: SnapshotInfo,
  /** Taken just before, so the restore itself can be undone. */
  safetySnapshot: SnapshotInfo,
  /** The originals the restored cases name: how many were checked, brought back from backups/files/, and any that could not be. */
  originals: z.strictObject({ checked: z.int(), restored: z.int(), missing: z.array(z.strictObject({ sha256: z.string(), name: z.string() })) }).optional(),
});

/** A backup set written off the data folder: the newest snapshot, and an encrypted folder's key file. */
export const CopyOutReport = z.strictObject({
  /** The set written, an absolute path. */
  folder: z.string(),
  /** Its files, relative to `folder`. */
  files: z.array(z.string()),
  encrypted: z.boolean(),
});
export type CopyOutReport = z.infer<typeof CopyOutReport>;

export const RecoveredCase = z.strictObject({
  id: Id,
  title: z.string(),
  rev: z.int().min(1),
  /** The snapshot the copy came from. */
  snapshot: z.string(),
});

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
