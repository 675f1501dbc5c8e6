import { formatIssue } from '../../../shared/errors';
import type { Issue } from '../../../shared/model';

/**
 * The import's faults as the user knows the file: `cases[3].events[0].date: …`.
 * The request wraps the file as `bundle`, so that leading segment is dropped.
 */
export function bundleFaults(issues: readonly Issue[]): string[] {
  return issues.map((issue) => formatIssue({ ...issue, path: issue.path[0] === 'bundle' ? issue.path.slice(1) : issue.path }));
}
