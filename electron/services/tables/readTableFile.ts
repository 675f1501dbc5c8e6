import { runJob } from '../isolation/runJob';
import type { ReadTableOutput, TableLimits } from '../isolation/tableFile';

// A spreadsheet is untrusted: it is read in the isolation worker (isolation/tableFile.ts),
// with these bounds besides the 64 MiB the contract allows for the file.

const TABLE_LIMITS: Readonly<TableLimits & { timeoutMs: number; heapMb: number; rssGrowthMb: number }> = Object.freeze({
  maxRows: 100_000,
  maxColumns: 1_000,
  maxCells: 5_000_000,
  timeoutMs: 300_000,
  heapMb: 3_072,
  rssGrowthMb: 2_048,
});

const ADVICE = 'Split the list into smaller files, or save it again from Excel as .xlsx or CSV UTF-8.';

export function readTableFile(file: { fileName: string; dataBase64: string }, sheet: string | undefined, signal?: AbortSignal): Promise<ReadTableOutput> {
  const bytes = Buffer.from(file.dataBase64, 'base64');
  const { maxRows, maxColumns, maxCells, timeoutMs, heapMb, rssGrowthMb } = TABLE_LIMITS;
  return runJob(
    'tables.read',
    { fileName: file.fileName, bytes, sheet, limits: { maxRows, maxColumns, maxCells } },
    { timeoutMs, heapMb, rssGrowthMb, ...(signal ? { signal } : {}), subject: `“${file.fileName}”`, advice: ADVICE },
  );
}
