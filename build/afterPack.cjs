// electron-builder afterPack hook (electron-builder.yml: afterPack): stops a release whose
// PDF import would be broken on the target machine.
//
// pdf.js (pdfjs-dist/legacy) takes DOMMatrix, ImageData and Path2D from @napi-rs/canvas, a
// native addon published per platform and CPU (@napi-rs/canvas-<os>-<arch>); without the
// right one, importing pdf.mjs throws "DOMMatrix is not defined". npm installs only the
// build machine's, so building Windows on Linux (wine) or an Intel Mac build on Apple
// Silicon would pack an addon the user's computer cannot load. This checks the unpacked
// addon against the target before fuses are flipped and anything is signed.
'use strict';

const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

// builder-util's Arch enum.
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

// @napi-rs/canvas's platform packages (see its optionalDependencies).
const ADDONS = {
  linux: { x64: ['linux-x64-gnu'], arm64: ['linux-arm64-gnu'], armv7l: ['linux-arm-gnueabihf'] },
  darwin: { x64: ['darwin-x64'], arm64: ['darwin-arm64'], universal: ['darwin-x64', 'darwin-arm64'] },
  win32: { x64: ['win32-x64-msvc'], arm64: ['win32-arm64-msvc'] },
};
ADDONS.mas = ADDONS.darwin;

/** The @napi-rs/canvas-* packages a build for this platform and arch needs. */
function requiredAddons(platform, arch) {
  const archName = typeof arch === 'number' ? ARCH_NAMES[arch] : arch;
  const needed = ADDONS[platform] && ADDONS[platform][archName];
  if (!needed) throw new Error(`Casefile: no @napi-rs/canvas build is known for ${platform}/${archName}; pdf.js cannot import PDFs there`);
  return needed.map((suffix) => `@napi-rs/canvas-${suffix}`);
}

/** Resolves, or throws naming what is missing. `resourcesDir` holds app.asar(.unpacked). */
function checkCanvasAddon(resourcesDir, platform, arch) {
  const modules = path.join(resourcesDir, 'app.asar.unpacked', 'node_modules');
  const missing = requiredAddons(platform, arch).filter((name) => {
    const dir = path.join(modules, name);
    return !existsSync(dir) || !readdirSync(dir).some((f) => f.endsWith('.node'));
  });
  if (missing.length > 0) {
    throw new Error(
      `Casefile: this ${platform} build lacks ${missing.join(' and ')}, the native addon pdf.js needs; ` +
        'PDF import would fail on the target machine. Build each release on its target OS and CPU, after `npm ci` there ' +
        '(npm installs only the running platform\'s addon).',
    );
  }
}

async function afterPack(context) {
  const resourcesDir = context.packager.getResourcesDir(context.appOutDir);
  checkCanvasAddon(resourcesDir, context.electronPlatformName, context.arch);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.checkCanvasAddon = checkCanvasAddon;
module.exports.requiredAddons = requiredAddons;
