// The sample cases offered on a first run. The bundle lives in assets/ (so it can be
// read, edited and imported by hand like any bundle) and is compiled into the main
// build as its own chunk, loaded only when asked for: that way it is found the same
// from source (vitest, tsx), from out/main and from inside a packaged app.asar, with
// no path to resolve and nothing to add to electron-builder's `files`.

import { Bundle } from '../../shared/model';

export async function loadSampleBundle(): Promise<Bundle> {
  const mod = await import('../../assets/sample-cases.casefile.json', { with: { type: 'json' } });
  return Bundle.parse(mod.default);
}
