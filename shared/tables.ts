import { z } from 'zod';
import { BriefLang } from './model/brief';
import { CaseDraft, CaseKind, CaseStatus, Priority } from './model/case';
import { Id } from './model/scalars';

// Spreadsheets in and out: the lists NGOs keep of political prisoners (Excel or CSV),
// mapped column by column onto the case model, and the case list written back as such
// a list. The mapping is the user's: suggested from the headers, editable, saved for the
// next file with the same headers.

/** The case fields a column can fill (electron/services/tables/fields.ts says how each cell is read). */
export const TableField = z.enum([
  'kind', 'title', 'name', 'aliases', 'status', 'priority', 'country', 'region', 'tags', 'summary',
  'born', 'gender', 'arrestDate', 'arrestPlace', 'arrestedBy',
  'detention', 'place', 'since', 'releasedOn', 'charges', 'code', 'penalty', 'term', 'fine', 'decisionDate', 'court',
  'recognitions', 'authority', 'measureStatus', 'lawyer', 'contact', 'address', 'health',
]);
export type TableField = z.infer<typeof TableField>;

const Header = z.string().min(1).max(300);

export const TableMapping = z.strictObject({
  /** The kind of a case whose row has no kind column (or an empty cell there). */
  kind: CaseKind.default('political_prisoner'),
  /** The header of the column whose equal values make one case of several rows (several charges or decisions per person). */
  groupBy: Header.optional(),
  /** Each column by its header, and the field it fills (null: not imported). */
  columns: z.array(z.strictObject({ column: Header, field: TableField.nullable() })).max(1000),
  /** The legal code of a charge that names none ("174 part 2" without "(Criminal Code)"). */
  code: z.string().min(1).max(300).optional(),
});
export type TableMapping = z.infer<typeof TableMapping>;
export type TableMappingInput = z.input<typeof TableMapping>;

/** A spreadsheet as its bytes: .xlsx or .csv, up to 64 MiB. */
const TableUpload = z.strictObject({
  fileName: z.string().min(1).max(255),
  dataBase64: z.base64().max(Math.ceil((64 * 1024 * 1024) / 3) * 4, { error: 'the file is larger than 64 MiB' }),
});

/** A cell refused (or a note about one), named as a spreadsheet names it: Sheet!B3 and its column's header. */
export const TableCellIssue = z.strictObject({
  cell: z.string(),
  row: z.int().min(1),
  column: z.string(),
  header: z.string(),
  message: z.string(),
});
export type TableCellIssue = z.infer<typeof TableCellIssue>;

export const DuplicateChoice = z.enum(['update', 'skip', 'keep-both']);
export type DuplicateChoice = z.infer<typeof DuplicateChoice>;

const TableSheet = z.strictObject({ name: z.string(), hidden: z.boolean(), rows: z.int().min(0) });

export const TablePreviewInput = z.strictObject({
  file: TableUpload,
  /** The sheet to read (an .xlsx); the first visible one when absent. */
  sheet: z.string().min(1).max(300).optional(),
  /** The mapping to preview; the saved one for these headers, else one suggested from them, when absent. */
  mapping: TableMapping.optional(),
});

export const TableDuplicate = z.strictObject({
  /** The sheet row the case starts on: what a choice names. */
  row: z.int().min(1),
  title: z.string(),
  existing: z.array(z.strictObject({ id: Id, title: z.string() })).min(1),
});
export type TableDuplicate = z.infer<typeof TableDuplicate>;

export const TablePreview = z.strictObject({
  format: z.enum(['xlsx', 'csv']),
  /** CSV: "utf-8" or "windows-1251", and the delimiter found. */
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  sheets: z.array(TableSheet),
  sheet: z.string(),
  headers: z.array(z.string()),
  mapping: TableMapping,
  mappingFrom: z.enum(['given', 'saved', 'suggested']),
  /** Data rows (below the header) and the cases they make. */
  rows: z.int().min(0),
  cases: z.int().min(0),
  /** The first cases as they would be stored, with the sheet rows each is made of. */
  preview: z.array(z.strictObject({ rows: z.array(z.int().min(1)), case: CaseDraft })),
  /** What was done to the file that the user should know (merged cells, hidden sheets skipped, the encoding). */
  notes: z.array(z.string()),
  /** Every cell that cannot be stored, and the mapping's own faults: while any is left, nothing can be imported. */
  refused: z.array(TableCellIssue),
  duplicates: z.array(TableDuplicate),
});
export type TablePreview = z.infer<typeof TablePreview>;

export const TableImportInput = z.strictObject({
  file: TableUpload,
  sheet: z.string().min(1).max(300).optional(),
  mapping: TableMapping,
  /** Per duplicate (by its row), what to do; one not named takes `onDuplicate`. */
  duplicates: z.array(z.strictObject({ row: z.int().min(1), choice: DuplicateChoice })).max(100_000).default([]),
  onDuplicate: DuplicateChoice.default('skip'),
  /** Keep this mapping for the next file with the same headers (machine-local: local/table-mappings.json). */
  saveMapping: z.boolean().default(true),
  /** Check everything and say what would be stored, storing nothing. */
  dryRun: z.boolean().default(false),
});

export const TableImportReport = z.strictObject({
  dryRun: z.boolean(),
  results: z.array(
    z.strictObject({
      row: z.int().min(1),
      /** Absent in a dry run for a case that would be created. */
      id: Id.optional(),
      title: z.string(),
      action: z.enum(['created', 'updated', 'skipped', 'copied']),
      note: z.string().optional(),
    }),
  ),
});
export type TableImportReport = z.infer<typeof TableImportReport>;

export const TableFormat = z.enum(['xlsx', 'csv']);
export type TableFormat = z.infer<typeof TableFormat>;

export const TableExportInput = z.strictObject({
  format: TableFormat,
  /** Headers and labels in this language. */
  lang: BriefLang.default('en'),
  /** With the confidential fields (lawyer, contact, address, health, confidential decisions): named so in the file name and its first row. */
  internal: z.boolean().default(false),
  /** The list's filters; `ids` narrows to the cases the list shows (its text filter). */
  kind: CaseKind.optional(),
  status: CaseStatus.optional(),
  priority: Priority.optional(),
  tag: z.string().optional(),
  ids: z.array(Id).max(100_000).optional(),
});

export const TableExport = z.strictObject({
  fileName: z.string(),
  mediaType: z.string(),
  dataBase64: z.string(),
  rows: z.int().min(0),
});
export type TableExport = z.infer<typeof TableExport>;
