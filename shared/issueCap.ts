// However many faults a file has, a user reads the first hundred and a count of the rest:
// five million listed faults are 229 MB of output and gigabytes of memory, and say
// nothing the first hundred do not.

import type { Issue } from './model';

const LISTED_ISSUES = 100;

/**
 * The first `cap` issues, and one more that counts the rest (`uncounted`: faults already
 * left out before). Capping a capped list again keeps its count.
 */
export function capIssues(issues: readonly Issue[], cap = LISTED_ISSUES, uncounted = 0): Issue[] {
  const more = leftOut(issues);
  if (more > 0) return capIssues(issues.slice(0, -1), cap, uncounted + more);
  const rest = Math.max(0, issues.length - cap) + uncounted;
  if (rest === 0) return [...issues];
  return [...issues.slice(0, cap), { path: [], message: `and ${rest.toLocaleString('en-US')} more fault${rest === 1 ? '' : 's'} not listed (the first ${cap} are shown)` }];
}

/** Whether issues were cut by capIssues (its last line is the count). */
export function isCapNote(issue: Issue): boolean {
  return issue.path.length === 0 && /^and [\d,]+ more faults? not listed/.test(issue.message);
}

/** How many faults a capped list left out (0 when it was not capped). */
export function leftOut(issues: readonly Issue[]): number {
  const last = issues[issues.length - 1];
  return last && isCapNote(last) ? Number(/^and ([\d,]+)/.exec(last.message)![1]!.replace(/,/g, '')) : 0;
}
