import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as echarts from 'echarts/core';
import { BarChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, VisualMapComponent } from 'echarts/components';
import { LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
import { KZ_MAP, type ChartSpec } from '../../../../shared/stats/chartOptions';
import { fontPath } from '../fonts';

// The Statistics view's charts drawn in the core for a brief: ECharts' canvas renderer on an
// @napi-rs/canvas at two and a half times the size they are laid out (about 240 dpi across
// the page), as pictures pdfkit and Word both place as they are. Text is drawn in the briefs' DejaVu
// face, registered with the canvas, so Kazakh and Russian letters come out whole.

/** The width a chart is laid out at, in CSS pixels (the window's cards are about as wide). */
const CHART_WIDTH = 640;
/** Pixels per CSS pixel: 1,600 pixels across the text's 6.7 inches, crisp on paper without making the brief heavy. */
const PIXEL_RATIO = 2.5;
/** High enough that no ringing shows around letters and lines at that resolution. */
const JPEG_QUALITY = 92;
/** The family the charts ask for; registered from the briefs' own font files. */
export const CHART_FONT = 'DejaVu Sans';

/** The parts of @napi-rs/canvas used here. */
type NodeContext = { font: string; measureText(text: string): { width: number } };
type NodeCanvas = { width: number; height: number; encode(format: 'png' | 'jpeg', quality?: number): Promise<Buffer>; getContext(kind: '2d'): NodeContext };
type CanvasModule = {
  createCanvas(width: number, height: number): NodeCanvas;
  GlobalFonts: { registerFromPath(file: string, family: string): unknown };
};

export type DrawnChart = { jpeg: Buffer; png?: Buffer; width: number; height: number };

let canvasModule: CanvasModule | undefined;
let mapReady: boolean | undefined;

/**
 * The native canvas, required at run time rather than imported: the bundler then leaves the
 * addon where npm put it (unpacked beside app.asar), as pdf.js's own use of it needs.
 */
function canvas(): CanvasModule {
  if (canvasModule) return canvasModule;
  const mod = createRequire(import.meta.url)('@napi-rs/canvas') as CanvasModule;
  mod.GlobalFonts.registerFromPath(fontPath('regular'), CHART_FONT);
  mod.GlobalFonts.registerFromPath(fontPath('bold'), CHART_FONT);
  echarts.use([BarChart, MapChart, GridComponent, LegendComponent, VisualMapComponent, LegacyGridContainLabel, CanvasRenderer, SVGRenderer]);
  // ECharts measures text on a canvas of its own making: in Node it must be told how to make one,
  // and how to measure. It measures every ASCII code, NUL included, which the native canvas
  // refuses (a C string ends at NUL): a control character has no width, so it is measured as none.
  const measurer = mod.createCanvas(1, 1).getContext('2d');
  let font = '';
  const measureText = (text: string, wanted?: string) => {
    const next = wanted || '12px sans-serif';
    if (next !== font) measurer.font = font = next;
    return measurer.measureText(text.replace(/\0/g, ''));
  };
  echarts.setPlatformAPI({ createCanvas: () => mod.createCanvas(32, 32), measureText } as unknown as Parameters<typeof echarts.setPlatformAPI>[0]);
  canvasModule = mod;
  return mod;
}

/**
 * The region map, read once: from the sources (assets/geo), beside the built bundles
 * (out/main/ and out/main/chunks/), or from an installed app's resources folder.
 */
export function regionMapReady(): boolean {
  if (mapReady !== undefined) return mapReady;
  const candidates: string[] = [];
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(path.join(resources, 'geo'));
  for (const rel of ['../../../../assets/geo', '../../../assets/geo', '../../assets/geo']) candidates.push(fileURLToPath(new URL(rel, import.meta.url)));
  const file = candidates.map((dir) => path.join(dir, 'kz-regions.geojson')).find((f) => existsSync(f));
  mapReady = file !== undefined;
  if (file) {
    canvas();
    echarts.registerMap(KZ_MAP, JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof echarts.registerMap>[1]);
  }
  return mapReady;
}

/**
 * The option with no NUL in any string: the native canvas takes text as a C string, which ends
 * at NUL, and refuses it — one such label (pasted from a damaged file) would fail the whole brief.
 * Only plain data is copied; functions (formatters) are ECharts' own and pass as they are.
 */
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\0') ? value.replace(/\0/g, '') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)]));
  }
  return value;
}

/** The option as printed: on white, with no tooltip (paper has no pointer). */
function printed(spec: ChartSpec): Record<string, unknown> {
  const { tooltip: _tooltip, ...option } = spec.option;
  return { ...(withoutNul(option) as Record<string, unknown>), backgroundColor: '#ffffff' };
}

/**
 * One chart on white, as JPEG (what the PDF places: pdfkit would spend longer taking a
 * PNG's alpha channel apart than the canvas spent drawing it) and, when asked, as PNG
 * (what the Word brief holds); with its size in CSS pixels.
 */
export async function drawChart(spec: ChartSpec, wanted: { png: boolean } = { png: false }): Promise<DrawnChart> {
  const width = CHART_WIDTH;
  const height = spec.height;
  const target = canvas().createCanvas(Math.round(width * PIXEL_RATIO), Math.round(height * PIXEL_RATIO));
  const chart = echarts.init(target as unknown as Parameters<typeof echarts.init>[0], null, { devicePixelRatio: PIXEL_RATIO, width, height });
  try {
    chart.setOption(printed(spec));
    const [jpeg, png] = await Promise.all([target.encode('jpeg', JPEG_QUALITY), wanted.png ? target.encode('png') : undefined]);
    return { jpeg, ...(png ? { png } : {}), width, height };
  } finally {
    chart.dispose();
  }
}

/** The same chart as SVG text (ECharts' server-side renderer): for a person to look at, or to edit in a drawing program. */
export function chartSvg(spec: ChartSpec): string {
  canvas();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: spec.height });
  try {
    chart.setOption(printed(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
