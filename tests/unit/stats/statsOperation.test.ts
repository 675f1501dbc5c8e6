import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Caseload } from '../../../shared/stats/caseload';
import { KZ_REGIONS } from '../../../shared/stats/kzRegions';
import { openFolder, type Folder } from '../tables/tableHelpers';

// stats.caseload through the dispatcher over a real folder: the sample cases stored, then counted.

let folder: Folder | null = null;
afterEach(async () => {
  await folder?.close();
  folder = null;
});

describe('stats.caseload', () => {
  it('counts the stored sample cases, and follows the status filter', async () => {
    folder = await openFolder();
    const sample = await folder.dispatch('app.sampleBundle', {});
    expect(sample.ok).toBe(true);
    if (!sample.ok) return;
    const imported = await folder.dispatch('bundle.import', { bundle: sample.value });
    expect(imported.ok).toBe(true);
    const all = await folder.dispatch('stats.caseload', {});
    if (!all.ok) throw new Error(all.error.message);
    const stats = Caseload.parse(all.value);
    const cases = sample.value.cases;
    expect(stats.total).toBe(cases.length);
    expect(stats.statuses.reduce((n, s) => n + s.count, 0)).toBe(cases.length);
    // The sample: two cases in Almaty, one in Astana, one with no country.
    expect(Object.fromEntries(stats.regions.map((r) => [r.key, r.count]))).toEqual({ almaty: 2, astana: 1 });
    expect(stats.countries).toEqual([{ key: 'KZ', count: 3 }, { key: '', count: 1 }]);
    expect(stats.articles.map((a) => a.key).sort()).toEqual(['274 part 2 (Criminal Code of the Republic of Kazakhstan)', '488 part 6 (Code of Administrative Offences of the Republic of Kazakhstan)']);
    const active = cases.filter((c) => (c as { status?: string }).status === 'active').length;
    const filtered = await folder.dispatch('stats.caseload', { status: 'active' });
    if (!filtered.ok) throw new Error(filtered.error.message);
    expect(filtered.value.total).toBe(active);
    expect(filtered.value.statuses.find((s) => s.key === 'active')!.count).toBe(active);
  });

  it('refuses a filter the list does not have, naming it', async () => {
    folder = await openFolder();
    const r = await folder.dispatch('stats.caseload', { region: 'Almaty' } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.error)).toContain('region');
  });
});

describe('the region map shipped in assets/geo', () => {
  it('draws exactly the regions the table does not fold into another', async () => {
    const geo = JSON.parse(await readFile(path.join(import.meta.dirname, '../../../assets/geo/kz-regions.geojson'), 'utf8')) as { features: { properties: { id: string } }[] };
    const drawn = KZ_REGIONS.filter((r) => !r.carvedFrom).map((r) => r.id).sort();
    expect(geo.features.map((f) => f.properties.id).sort()).toEqual(drawn);
  });
});
