// The jobs a worker can run, by name. Only the worker imports this module's values; the
// main thread imports its types, so pdf.js and the bundle schema load in the worker alone.

import type { AnnotationState, AnnotationTarget, Bundle, Issue } from '../../../shared/model';
import { renderPdfPages, type RenderBatch, type RenderedPage } from '../ocr/pdfPages';
import { readOriginal, type OriginalReading, type ReadLimits } from '../sources/readOriginal';
import { anchorAnnotations, statesOneByOne, type AnchorInput, type PerItemOutput, type StatesInput } from './anchorJob';
import { readBundleBytes } from './bundleFile';
import { checkContainer, type ContainerCheckInput, type ContainerCheckOutput } from './containerCheck';
import { readTable, type ReadTableInput, type ReadTableOutput } from './tableFile';

export type Report = (progress: unknown) => void;

type Jobs = {
  'sources.read': (input: { fileName: string; bytes: Uint8Array; limits: ReadLimits }) => Promise<OriginalReading>;
  'bundle.read': (input: { fileName: string; bytes: Uint8Array; maxDepth: number; listed: number }) => Promise<{ bundle: Bundle } | { issues: Issue[] }>;
  'bundle.container': (input: ContainerCheckInput) => Promise<ContainerCheckOutput>;
  'bundle.anchor': (input: AnchorInput, report: Report) => Promise<PerItemOutput<AnnotationTarget>>;
  'annotations.states': (input: StatesInput, report: Report) => Promise<PerItemOutput<AnnotationState>>;
  'ocr.renderPages': (input: RenderBatch) => Promise<{ numPages: number; images: RenderedPage[] }>;
  'tables.read': (input: ReadTableInput) => Promise<ReadTableOutput>;
};

export type JobName = keyof Jobs;
export type JobInput<N extends JobName> = Parameters<Jobs[N]>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<Jobs[N]>>;

export const JOBS: Jobs = {
  'sources.read': ({ fileName, bytes, limits }) => readOriginal(fileName, bytes, limits),
  'bundle.read': async ({ fileName, bytes, maxDepth, listed }) => readBundleBytes(fileName, bytes, { maxDepth, listed }),
  'bundle.container': (input) => checkContainer(input),
  'bundle.anchor': async (input, report) => anchorAnnotations(input, report),
  'annotations.states': async (input, report) => statesOneByOne(input, report),
  'ocr.renderPages': (input) => renderPdfPages(input),
  'tables.read': (input) => readTable(input),
};
