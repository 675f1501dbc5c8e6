/** A template's own gaps: the checks every template shares (common.*, submission.*) are tested in completeness.test.ts. */
export const own = <G extends { code: string }>(gaps: readonly G[]): G[] => gaps.filter((g) => !/^(common|submission)\./.test(g.code));
