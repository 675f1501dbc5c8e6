import { ORIGINALS_TEMPLATES, type BriefOptions } from '../../../../shared/model/brief';
import { ServiceError } from '../../errors';
import type { PdfAttachment } from '../layout/renderPdf';
import type { OutgoingOriginal } from './outgoing';

/** Why these options cannot carry originals (before anything is read or rendered), or undefined when they can. */
export function originalsRefusal(opts: Pick<BriefOptions, 'template' | 'format' | 'originals'>): ServiceError | undefined {
  if (opts.originals === 'none') return undefined;
  const path = ['originals'];
  if (!ORIGINALS_TEMPLATES.includes(opts.template)) {
    return new ServiceError(
      'bad_input',
      `The ${opts.template} brief has no annex of originals, so it cannot carry them; nothing was written. Choose the case, wgad or ngo template, or no originals.`,
      [{ path, message: `expected none for the ${opts.template} template` }],
    );
  }
  if (opts.originals === 'attach' && opts.format === 'docx') {
    return new ServiceError(
      'bad_input',
      'A Word brief cannot hold attachments; nothing was written. Choose zip to send the Word brief and its originals in one ZIP, or a PDF brief to attach them.',
      [{ path, message: 'expected zip or none for a Word brief' }],
    );
  }
  return undefined;
}

/** The originals as PDF attachments, each file once under its annex name, described by the source it stands behind. */
export function pdfAttachments(list: readonly OutgoingOriginal[]): PdfAttachment[] {
  const byName = new Map<string, PdfAttachment>();
  for (const o of list) {
    if (!o.data || byName.has(o.name)) continue;
    byName.set(o.name, { name: o.name, data: o.data, mediaType: o.file.mediaType, description: o.source.title });
  }
  return [...byName.values()];
}
