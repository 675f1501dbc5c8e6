import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Packager, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT_NAME } from '../../../electron/services/paths';
import { APP_ICON, iconFiles, LINUX_ICON_SIZES, renderAll } from '../../../scripts/icons';

// The release packaging (electron-builder.yml), checked without the Electron binary,
// which cannot be downloaded here: electron-builder's own loader and validation
// (its JSON schema, through ajv, plus its package.json checks), the settings the
// issues ask for, the icons, and then a real `electron-builder --linux dir` run
// against a stand-in Electron (a file carrying Electron's fuse wire), which
// exercises file selection, asar packing, unpacking and fuse flipping for real.
// What it cannot show: that Electron starts from the package (asar reads, ESM from
// asar, the native addon under Electron), nor the AppImage/deb/nsis/dmg steps, which
// download tools. The README's release section lists what to check by hand.

const root = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
const require = createRequire(import.meta.url);

type PackageJson = { name: string; version: string; main: string; type?: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as PackageJson;
const runtimeDeps = Object.keys(pkg.dependencies);

/** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
async function pngHeader(file: string): Promise<{ width: number; height: number; bitDepth: number; colorType: number }> {
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file} is not a PNG`).toBe(true);
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24]!, colorType: bytes[25]! };
}

/** electron-builder's own configuration loading and validation, as `electron-builder` runs it. */
async function loadValidated(overrides?: Configuration): Promise<Packager> {
  const packager = new Packager({ projectDir: root, ...(overrides ? { config: overrides } : {}) });
  await packager.validateConfig();
  return packager;
}

describe('electron-builder.yml', () => {
  let config: Configuration;
  let metadata: Packager['metadata'];

  beforeAll(async () => {
    const packager = await loadValidated();
    config = packager.config;
    metadata = packager.metadata;
  });

  it('passes electron-builder’s own validation (scheme.json and the package.json checks)', async () => {
    await expect(loadValidated()).resolves.toBeInstanceOf(Packager);
  });

  it('is really validated: the same loader rejects an unknown option', async () => {
    await expect(loadValidated({ electronFuses: { runAsNodee: false } as never })).rejects.toThrow(/Invalid configuration object/);
  });

  it('names the app and points the packaged package.json at the built main process', () => {
    expect(config.appId).toBe('org.casefile.app');
    expect(config.productName).toBe('Casefile');
    expect(config.extraMetadata?.main).toBe('out/main/main.js');
    expect(config.extraMetadata?.productName).toBe(PRODUCT_NAME);
    expect(metadata.main).toBe('out/main/main.js');
    expect(pkg.main).toBe('out/main/main.js');
    // A deb needs a maintainer e-mail and a homepage; without them the build stops late.
    expect(metadata.author?.email).toMatch(/@/);
    expect(metadata.homepage).toMatch(/^https:\/\//);
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.linux?.executableName).toBe('casefile');
  });

  it('never deletes the case files on uninstall, and has no update feed', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    expect(config.publish).toBeNull();
  });

  it('associates .casefile.json bundles', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'casefile.json', name: 'Casefile bundle', mimeType: 'application/x-casefile-bundle', role: 'Editor' }),
    ]);
  });

  it('packs only out/ (and the runtime dependencies electron-builder adds), in an asar', () => {
    // electron-builder's loader normalises `files` to FileSets ({ filter: [...] }).
    const files = ([] as unknown[]).concat(config.files ?? []).flatMap((set) => (typeof set === 'string' ? [set] : ([] as string[]).concat((set as { filter?: string | string[] }).filter ?? [])));
    expect(files).toContain('out/**/*');
    for (const pattern of files.filter((p) => !p.startsWith('!'))) expect(pattern, 'only out/ is included explicitly').toMatch(/^out\//);
    expect(files).toEqual(expect.arrayContaining(['!out/main/cli.js', '!out/main/web.js']));
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/@napi-rs/canvas-*/**']);
    expect(config.directories?.buildResources).toBe('build');
  });

  it('sets the fuses a release build needs', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('points every platform at the generated icons', () => {
    expect(config.linux?.icon).toBe('build/icons');
    expect(config.win?.icon).toBe(APP_ICON.file);
    expect(config.mac?.icon).toBe(APP_ICON.file);
  });
});

describe('afterPack: the native addon pdf.js needs matches the target', () => {
  const hook = require('../../../build/afterPack.cjs') as {
    requiredAddons(platform: string, arch: number | string): string[];
    checkCanvasAddon(resourcesDir: string, platform: string, arch: number | string): void;
  };
  let resources: string;

  beforeAll(async () => {
    resources = await mkdtemp(path.join(os.tmpdir(), 'casefile-afterpack-'));
    const addon = path.join(resources, 'app.asar.unpacked/node_modules/@napi-rs/canvas-linux-x64-gnu');
    await mkdir(addon, { recursive: true });
    await writeFile(path.join(addon, 'skia.linux-x64-gnu.node'), '');
  });
  afterAll(async () => {
    if (resources) await rm(resources, { recursive: true, force: true });
  });

  it('is the configured hook', async () => {
    expect((await loadValidated()).config.afterPack).toBe('./build/afterPack.cjs');
  });

  it('names the addon for each target (builder-util Arch numbers: x64 1, arm64 3, universal 4)', () => {
    expect(hook.requiredAddons('linux', 1)).toEqual(['@napi-rs/canvas-linux-x64-gnu']);
    expect(hook.requiredAddons('win32', 1)).toEqual(['@napi-rs/canvas-win32-x64-msvc']);
    expect(hook.requiredAddons('darwin', 3)).toEqual(['@napi-rs/canvas-darwin-arm64']);
    expect(hook.requiredAddons('darwin', 4)).toEqual(['@napi-rs/canvas-darwin-x64', '@napi-rs/canvas-darwin-arm64']);
    expect(() => hook.requiredAddons('win32', 0)).toThrow(/no @napi-rs\/canvas build/);
  });

  it('passes a Linux x64 build and stops a Windows or macOS build made from the same node_modules', () => {
    expect(() => hook.checkCanvasAddon(resources, 'linux', 1)).not.toThrow();
    expect(() => hook.checkCanvasAddon(resources, 'win32', 1)).toThrow(/lacks @napi-rs\/canvas-win32-x64-msvc/);
    expect(() => hook.checkCanvasAddon(resources, 'darwin', 3)).toThrow(/PDF import would fail/);
  });
});

describe('icons', () => {
  it('are RGBA PNGs of the right sizes: 1024 for .ico/.icns, 16…512 for Linux', async () => {
    expect(await pngHeader(path.join(root, APP_ICON.file))).toEqual({ width: 1024, height: 1024, bitDepth: 8, colorType: 6 });
    expect(LINUX_ICON_SIZES).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    for (const size of LINUX_ICON_SIZES) {
      expect(await pngHeader(path.join(root, `build/icons/${size}x${size}.png`))).toEqual({ width: size, height: size, bitDepth: 8, colorType: 6 });
    }
  });

  it('are what assets/icon.svg renders to now (else run npm run icons)', async () => {
    expect(await renderAll({ write: false })).toEqual([]);
    expect(iconFiles()).toHaveLength(1 + LINUX_ICON_SIZES.length);
  });
});

describe('runtime dependencies', () => {
  it('are all installed, and none of them is also a devDependency', () => {
    for (const dep of runtimeDeps) {
      expect(existsSync(path.join(root, 'node_modules', dep, 'package.json')), `${dep} is not installed`).toBe(true);
      expect(pkg.devDependencies[dep], `${dep} is in both lists`).toBeUndefined();
    }
  });

  it('resolve the entry points the main process imports', async () => {
    for (const specifier of ['entities/decode', 'htmlparser2', '@noble/hashes/sha2', 'zod', 'pdfkit', 'pdfjs-dist/legacy/build/pdf.mjs', 'dejavu-fonts-ttf/package.json']) {
      expect(() => import.meta.resolve(specifier), specifier).not.toThrow();
    }
  });
});

describe('electronegativity allowlist', () => {
  it('justifies every accepted finding', async () => {
    const { allow } = JSON.parse(await readFile(path.join(root, 'build/electronegativity-allow.json'), 'utf8')) as {
      allow: { check: string; files: string[]; sample?: string; justification: string }[];
    };
    expect(allow.length).toBeGreaterThan(0);
    for (const entry of allow) {
      expect(entry.check).toMatch(/^[A-Z_]+_CHECK$/);
      expect(entry.files.length).toBeGreaterThan(0);
      expect(entry.justification.length, entry.check).toBeGreaterThan(80);
    }
  });
});

// ---- A real electron-builder run against a stand-in Electron ---------------------------------

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'; // @electron/fuses' marker before the fuse wire
const FUSES = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable', 'EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation', 'OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot', 'GrantFileProtocolExtraPrivileges'] as const;
const ON = 0x31;
const OFF = 0x30;
// Electron's shipped defaults, which the build must flip.
const DEFAULT_WIRE = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];

function readFuses(binary: Buffer): Record<(typeof FUSES)[number], boolean> {
  const at = binary.indexOf(SENTINEL);
  if (at < 0) throw new Error('no fuse wire');
  const wire = at + SENTINEL.length;
  expect(binary[wire]).toBe(1); // wire version
  return Object.fromEntries(FUSES.map((name, i) => [name, binary[wire + 2 + i] === ON])) as Record<(typeof FUSES)[number], boolean>;
}

type AsarEntry = { files?: Record<string, AsarEntry>; offset?: string; size?: number; unpacked?: boolean; link?: string };

/** Reads an asar archive's header (electron/asar's format: two pickles, then the file data). */
async function readAsar(file: string): Promise<{ bytes: Buffer; base: number; files: Map<string, AsarEntry> }> {
  const bytes = await readFile(file);
  const headerSize = bytes.readUInt32LE(4);
  const jsonLength = bytes.readUInt32LE(12);
  const header = JSON.parse(bytes.toString('utf8', 16, 16 + jsonLength)) as AsarEntry;
  const files = new Map<string, AsarEntry>();
  const walk = (entry: AsarEntry, prefix: string) => {
    for (const [name, child] of Object.entries(entry.files ?? {})) {
      const p = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, p);
      else files.set(p, child);
    }
  };
  walk(header, '');
  return { bytes, base: 8 + headerSize, files };
}

async function extractAsar(asarFile: string, { bytes, base, files }: Awaited<ReturnType<typeof readAsar>>, dest: string): Promise<void> {
  for (const [name, entry] of files) {
    if (entry.link !== undefined) continue;
    const target = path.join(dest, name);
    await mkdir(path.dirname(target), { recursive: true });
    if (entry.unpacked) await copyFile(path.join(`${asarFile}.unpacked`, name), target);
    else await writeFile(target, bytes.subarray(base + Number(entry.offset), base + Number(entry.offset) + entry.size!));
  }
}

// Runs inside the extracted package with plain Node: every runtime dependency must load
// from the package alone, and the PDF path must work end to end, Kazakh included.
const PROBE = `
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const inside = (p) => p.startsWith(here + path.sep);
const { default: PDFDocument } = await import('pdfkit');
const { z } = await import('zod');
const { decodeHTML } = await import('entities/decode');
const { Parser } = await import('htmlparser2');
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const fontDir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const doc = new PDFDocument({ size: 'A4', font: path.join(fontDir, 'DejaVuSans.ttf') });
const chunks = [];
doc.on('data', (c) => chunks.push(c));
const ended = new Promise((resolve) => doc.on('end', resolve));
doc.text('Қазақстан Республикасы — Casefile');
doc.end();
await ended;
const task = pdfjs.getDocument({ data: new Uint8Array(Buffer.concat(chunks)), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
const pdf = await task.promise;
const content = await (await pdf.getPage(1)).getTextContent();
console.log(JSON.stringify({
  text: content.items.map((i) => i.str ?? '').join(''),
  zod: z.string().parse('ok'),
  html: typeof decodeHTML === 'function' && typeof Parser === 'function',
  domMatrix: typeof globalThis.DOMMatrix === 'function',
  resolvedInside: ['pdfkit', 'zod', 'htmlparser2', 'pdfjs-dist/package.json', 'dejavu-fonts-ttf/package.json', '@napi-rs/canvas'].every((m) => inside(require.resolve(m))),
}));
`;

const ARCH_FLAG: Record<string, string> = { x64: '--x64', arm64: '--arm64', ia32: '--ia32' };

describe('electron-builder --linux dir with a stand-in Electron (offline)', () => {
  let tmp: string;
  let appDir: string;
  let asarFile: string;
  let archive: Awaited<ReturnType<typeof readAsar>>;
  let listing: string[];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'casefile-pack-'));
    if (!['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'].every((f) => existsSync(path.join(root, f)))) {
      await run(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root });
    }
    // An "unpacked Electron" with no Electron in it: an executable carrying the fuse wire
    // at Electron's defaults, so @electron/fuses has something real to flip.
    const dist = path.join(tmp, 'electron-dist');
    await mkdir(path.join(dist, 'resources'), { recursive: true });
    await writeFile(path.join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n#'), Buffer.from(SENTINEL), Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE]), Buffer.from('\n')]));
    await chmod(path.join(dist, 'electron'), 0o755);
    await writeFile(path.join(dist, 'LICENSE'), 'stand-in\n');
    const output = path.join(tmp, 'release');
    await run(
      process.execPath,
      [path.join(root, 'node_modules/electron-builder/cli.js'), '--linux', 'dir', ARCH_FLAG[process.arch] ?? '--x64', '--publish', 'never', `-c.electronDist=${dist}`, `-c.directories.output=${output}`],
      { cwd: root, env: { ...process.env, CI: 'true' }, maxBuffer: 1 << 24 },
    );
    appDir = path.join(output, 'linux-unpacked');
    asarFile = path.join(appDir, 'resources', 'app.asar');
    archive = await readAsar(asarFile);
    listing = [...archive.files.keys()];
  });

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('packs the built app and its package.json into app.asar', () => {
    expect(listing).toEqual(expect.arrayContaining(['package.json', 'out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html']));
    expect(listing.some((f) => /^out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
  });

  it('leaves out sources, tests, fixtures, build resources, the CLI and browser-mode entries, maps and TS', () => {
    const top = new Set(listing.map((f) => f.split('/')[0]));
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json']);
    expect(listing.filter((f) => f.startsWith('out/') && !/^out\/(main|preload|renderer)\//.test(f))).toEqual([]);
    expect(listing).not.toContain('out/main/cli.js');
    expect(listing).not.toContain('out/main/web.js');
    expect(listing.filter((f) => /\.(map|ts|mts|cts)$/.test(f))).toEqual([]);
  });

  it('ships the runtime dependencies and no devDependency', () => {
    const packagedModules = new Set(listing.filter((f) => f.startsWith('node_modules/')).map((f) => {
      const parts = f.split('/');
      return parts[1]!.startsWith('@') ? `${parts[1]}/${parts[2]}` : parts[1]!;
    }));
    for (const dep of runtimeDeps) expect(listing, dep).toContain(`node_modules/${dep}/package.json`);
    for (const dev of Object.keys(pkg.devDependencies)) expect(packagedModules.has(dev), `${dev} (devDependency) was packed`).toBe(false);
  });

  it('writes a package.json whose main is the built main process', () => {
    const { bytes, base, files } = archive;
    const entry = files.get('package.json')!;
    const json = JSON.parse(bytes.toString('utf8', base + Number(entry.offset), base + Number(entry.offset) + entry.size!)) as PackageJson & { scripts?: unknown };
    expect(json.main).toBe('out/main/main.js');
    expect(json.type).toBe('module'); // out/main/main.js is an ES module
    // Electron's app.name, hence userData: the same folder the CLI and browser mode use.
    expect((json as { productName?: string }).productName).toBe(PRODUCT_NAME);
    expect(json.scripts).toBeUndefined();
  });

  it('unpacks the native canvas addon (and nothing else) next to the archive', () => {
    const unpacked = [...archive.files].filter(([, e]) => e.unpacked).map(([name]) => name);
    expect(unpacked.length).toBeGreaterThan(0);
    for (const name of unpacked) {
      expect(name).toMatch(/^node_modules\/@napi-rs\/canvas-[^/]+\//);
      expect(existsSync(path.join(`${asarFile}.unpacked`, name)), name).toBe(true);
    }
    // Every native addon in the package is among them: none can be dlopen()ed from inside an archive.
    for (const name of listing.filter((f) => f.endsWith('.node'))) expect(unpacked).toContain(name);
  });

  it('ships the OCR language data beside app.asar, unchanged, where tessdata.ts looks for it', async () => {
    for (const name of ['kaz.traineddata', 'rus.traineddata', 'eng.traineddata', 'COPYRIGHT-debian-tesseract-ocr-langs.txt']) {
      const shipped = await readFile(path.join(appDir, 'resources', 'tessdata', name));
      expect(shipped.equals(await readFile(path.join(root, 'assets', 'tessdata', name))), name).toBe(true);
    }
    expect(listing.filter((f) => f.includes('traineddata'))).toEqual([]);
  });

  it('flips the fuses in the executable', async () => {
    const binary = await readFile(path.join(appDir, 'casefile'));
    expect(readFuses(binary)).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('runs the PDF path from the packaged dependencies alone (plain Node, outside the asar)', async () => {
    const extracted = path.join(tmp, 'extracted');
    await extractAsar(asarFile, archive, extracted);
    await writeFile(path.join(extracted, 'probe.mjs'), PROBE);
    const { stdout } = await run(process.execPath, [path.join(extracted, 'probe.mjs')], { cwd: extracted, env: { ...process.env, NODE_PATH: '' } });
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      text: 'Қазақстан Республикасы — Casefile',
      zod: 'ok',
      html: true,
      domMatrix: true, // pdf.js polyfilled it from the unpacked @napi-rs/canvas
      resolvedInside: true,
    });
  });
});
