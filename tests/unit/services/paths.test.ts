import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../electron/services/paths';

describe('the data folder', () => {
  it("matches Electron's per-user folder for a product named Casefile", () => {
    expect(defaultDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'Casefile', 'data'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'Casefile', 'data'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Casefile');
    expect(defaultDataDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'Casefile', 'data'));
  });
  it('prefers --data-dir, then CASEFILE_DATA_DIR', () => {
    expect(resolveDataDir('/a', { CASEFILE_DATA_DIR: '/b' })).toBe('/a');
    expect(resolveDataDir(undefined, { CASEFILE_DATA_DIR: '/b' })).toBe('/b');
  });
});
