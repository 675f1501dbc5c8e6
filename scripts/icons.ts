// `npm run icons`: renders every app icon from the one source image, assets/icon.svg.
//
//   build/icon.png              1024×1024: electron-builder turns it into the Windows .ico
//                               and the macOS .icns itself (both need at least 512×512).
//   build/icons/<n>x<n>.png     the Linux icon set (AppImage, deb: hicolor theme sizes).
//
// The PNGs are committed, so a release build needs neither this script nor resvg.
// `node --import tsx scripts/icons.ts --check` renders in memory and exits 1 when a
// committed PNG differs from what the SVG gives now (the packaging test does the same).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(import.meta.dirname, '..');

export const ICON_SOURCE = 'assets/icon.svg';
export const APP_ICON = { file: 'build/icon.png', size: 1024 } as const;
/** The hicolor sizes desktops look for; electron-builder reads them from build/icons by name. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

export type IconFile = { file: string; size: number };

export function iconFiles(): IconFile[] {
  return [{ ...APP_ICON }, ...LINUX_ICON_SIZES.map((size) => ({ file: `build/icons/${size}x${size}.png`, size }))];
}

/** One PNG of the source at `size`×`size`; deterministic for a given resvg version. */
export function renderIcon(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false }, // the icon has no text; keep the output independent of the machine
    shapeRendering: 2, // geometricPrecision: antialiased edges at every size
    logLevel: 'error',
  });
  const image = resvg.render();
  if (image.width !== size || image.height !== size) throw new Error(`${ICON_SOURCE} is not square: got ${image.width}×${image.height} for ${size}`);
  return image.asPng();
}

/** Renders every icon; returns the files whose committed bytes differ from a fresh render. */
export async function renderAll(options: { write: boolean; projectDir?: string }): Promise<string[]> {
  const dir = options.projectDir ?? root;
  const svg = await readFile(path.join(dir, ICON_SOURCE), 'utf8');
  const stale: string[] = [];
  for (const { file, size } of iconFiles()) {
    const png = renderIcon(svg, size);
    const target = path.join(dir, file);
    const current = await readFile(target).catch(() => null);
    if (current !== null && current.equals(png)) continue;
    stale.push(file);
    if (options.write) {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, png);
    }
  }
  return stale;
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const check = process.argv.includes('--check');
  const changed = await renderAll({ write: !check });
  if (check) {
    if (changed.length > 0) {
      process.stderr.write(`icons out of date (run npm run icons): ${changed.join(', ')}\n`);
      process.exit(1);
    }
    process.stdout.write(`icons up to date (${iconFiles().length} files)\n`);
  } else {
    process.stdout.write(changed.length > 0 ? `wrote ${changed.join(', ')}\n` : 'icons already up to date\n');
  }
}
