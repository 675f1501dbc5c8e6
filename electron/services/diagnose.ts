import type { OperationName } from '../../shared/contract';
import { CaseDraft, type Issue } from '../../shared/model';
import { bundleIssues } from './cases/finalize';

/**
 * What an operation's own checks find in a request the schema refused. The schema
 * stops at its first verdict on each part; a user fixing a refused bundle should see
 * every fault at once, not one round of faults per attempt. Pure: reads the raw
 * request, writes nothing.
 */
type Diagnoser = (raw: unknown) => Issue[];

const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined);

export const diagnosers: Partial<Record<OperationName, Diagnoser>> = {
  'bundle.import': (raw) => {
    const cases = field(field(raw, 'bundle'), 'cases');
    if (!Array.isArray(cases)) return [];
    // A case that fails the schema has its faults listed already; the others are checked as an import would.
    const valid = cases.map((c) => {
      const parsed = CaseDraft.safeParse(c);
      return parsed.success ? parsed.data : undefined;
    });
    return bundleIssues(valid, ['bundle', 'cases']);
  },
};
