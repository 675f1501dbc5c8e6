import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanExports } from '../helpers/exportScan';

// An exported name nothing imports is code no one can reach, or a door left open for
// no one: oxlint sees one file at a time and cannot tell, so this scan reads every
// import of the repository (sources, tests, scripts) and fails on any exported value
// under electron/, shared/ or renderer/ that none of them names. Exported types are
// left out: a type a signature uses may stay exported to document that signature.

const root = path.resolve(import.meta.dirname, '../..');

// Files public on purpose, whatever imports them today: the contract with its model
// and events, read by every door and by code outside this repository (bundles, the
// CLI's JSON); MODEL.md names their schemas one by one.
const PUBLIC: ReadonlyArray<{ files: RegExp; why: string }> = [
  { files: /^shared\/(contract|errors|events|shellContract|shellCommands|organization|team)\.ts$/, why: 'the contract, its errors and events, the shell channels, the organisation and team schemas' },
  { files: /^shared\/model\//, why: 'the data model (docs/MODEL.md): every schema named there is exported' },
];

// Single names kept exported for work on another branch. An entry that is imported
// again, or gone, fails: the list only shrinks.
const KEPT: Readonly<Record<string, string>> = {
  'electron/services/audit/diff.ts#shortForm': 'audit/ is being reworked on the per-device history branch (s18a)',
  'electron/services/audit/diff.ts#textChange': 'audit/ is being reworked on the per-device history branch (s18a)',
  'electron/services/disk/device.ts#newDeviceId': "the team spine's API, for issue 18's team and sync work",
};

describe('dead exports', () => {
  const scan = scanExports(root, (file) => /^(electron|shared|renderer)\//.test(file));
  const values = scan.dead.filter((d) => !scan.types.has(d));

  it('reads the whole repository', () => {
    expect(scan.files.length).toBeGreaterThan(500);
    expect(scan.files).toContain('shared/contract.ts');
    expect(scan.files).toContain('tests/unit/tiers.test.ts');
  });

  it('every exported value under electron/, shared/ and renderer/ is imported somewhere', () => {
    const unexplained = values.filter((d) => !(d in KEPT) && !PUBLIC.some((p) => p.files.test(d.split('#')[0]!)));
    expect(unexplained, 'exported but never imported: un-export it (or remove it when nothing in its file uses it either)').toEqual([]);
  });

  it('KEPT holds only names still exported and still not imported', () => {
    expect(Object.keys(KEPT).filter((k) => !values.includes(k)), 'imported again or gone: strike them from KEPT').toEqual([]);
  });

  it('finds a dead export when there is one', () => {
    // The scan itself, on names known to be imported and known not to be.
    expect(scan.dead).not.toContain('electron/services/errors.ts#ServiceError');
    expect(scan.dead).toContain('electron/services/disk/device.ts#newDeviceId');
  });
});
