import { AuditEntry } from '../../../shared/model';
import { sha256Hex } from './digest';
import { decodeHistoryLine } from './historyLog';
import type { HistoryIssue } from './historyIssues';

// One history file, line by line (audit/historyCheck): which lines read, which do not,
// and where its hash chain breaks. Each device's file is its own chain.

export type GoodLine = { entry: AuditEntry; json: string; line: number };
export type ParsedLog = { entries: GoodLine[]; bad: { line: number; torn: boolean }[] };

export function parseLog(text: string, key: Buffer | null, aad: string): ParsedLog {
  const lines = text.split('\n');
  const terminated = text.endsWith('\n');
  if (terminated) lines.pop();
  const entries: GoodLine[] = [];
  const bad: ParsedLog['bad'] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const json = decodeHistoryLine(line, key, aad);
    let entry: AuditEntry | null = null;
    if (json !== null) {
      try {
        const parsed = AuditEntry.safeParse(JSON.parse(json));
        if (parsed.success) entry = parsed.data;
      } catch {
        // not JSON: reported below
      }
    }
    if (entry) entries.push({ entry, json: json!, line: i + 1 });
    else bad.push({ line: i + 1, torn: !terminated && i === lines.length - 1 });
  });
  return { entries, bad };
}

/**
 * Breaks in a history's chain. A line right after a damaged one is not blamed
 * again (the damaged line is reported), nor is a `backup-restore` line without
 * the chain: a restore appends it (backup/restore) and the next save chains on.
 */
function chainBreaks(log: ParsedLog): Array<{ line: number; message: string }> {
  const breaks: Array<{ line: number; message: string }> = [];
  const badLines = new Set(log.bad.map((b) => b.line));
  const seen = new Map<string, number>();
  let expected = '';
  let chained = false;
  let previousLine = 0;
  for (const { entry, json, line } of log.entries) {
    let badBetween = false;
    for (let l = previousLine + 1; l < line; l++) if (badLines.has(l)) badBetween = true;
    const hash = sha256Hex(json);
    if (entry.prev !== undefined) {
      if (entry.prev !== expected && !badBetween) {
        const same = seen.get(hash);
        breaks.push({
          line,
          message:
            same !== undefined
              ? `line ${line} repeats line ${same}: the history was altered (a line copied into it)`
              : `line ${line} does not follow the line before it: a line was removed from the history, or lines were moved or copied into it`,
        });
      }
      chained = true;
    } else if (chained && entry.cause !== 'backup-restore') {
      breaks.push({ line, message: `line ${line} has no link to the line before it although the lines before it do: it was put into the history from elsewhere` });
    }
    if (!seen.has(hash)) seen.set(hash, line);
    expected = hash;
    previousLine = line;
  }
  return breaks;
}

/** The lines of one file that do not read (altered, or torn by a crash) and the breaks in its chain. */
export function lineIssues(id: string, rel: string, log: ParsedLog, encrypted: boolean): HistoryIssue[] {
  const issues: HistoryIssue[] = [];
  for (const b of log.bad) {
    issues.push({
      file: rel,
      caseId: id,
      kind: b.torn ? 'torn-line' : 'damaged-line',
      severity: b.torn ? 'warning' : 'error',
      ...(b.torn ? {} : { verdict: 'altered' as const }),
      line: b.line,
      message: b.torn
        ? `line ${b.line} was cut short while it was being written (a crash or power loss); that change's entry is lost, the case itself is not`
        : encrypted
          ? `line ${b.line} does not open with the folder's key: it was altered or damaged, and the change it recorded cannot be shown`
          : `line ${b.line} is not a readable history entry: it was altered or damaged, and the change it recorded cannot be shown`,
    });
  }
  for (const b of chainBreaks(log)) issues.push({ file: rel, caseId: id, kind: 'chain-broken', severity: 'error', verdict: 'altered', line: b.line, message: `altered: ${b.message}` });
  return issues;
}
