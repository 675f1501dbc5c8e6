import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// pdfkit's built-in fonts are WinAnsi-only: Cyrillic and Kazakh letters come out as
// garbage without any error, so every run of text uses an embedded DejaVu face.

const FONT_FILES = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
} as const;

export type FontStyle = keyof typeof FONT_FILES;

export const FONT_STYLES = Object.keys(FONT_FILES) as FontStyle[];

let cachedDir: string | undefined;

/**
 * The folder holding the DejaVu TTFs. Resolving through the package (not a path
 * relative to this file) works from source, from the `out/main` bundle and from a
 * packaged app alike, since all three load dependencies from node_modules.
 */
function fontDir(): string {
  if (cachedDir !== undefined) return cachedDir;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  for (const file of Object.values(FONT_FILES)) {
    if (!existsSync(path.join(dir, file))) {
      throw new Error(`The DejaVu font ${file} is missing from ${dir}; the installation is incomplete.`);
    }
  }
  cachedDir = dir;
  return dir;
}

export function fontPath(style: FontStyle): string {
  return path.join(fontDir(), FONT_FILES[style]);
}
