import { ZipFile } from 'yazl';
import type { OutgoingOriginal } from './outgoing';

// Brief and originals in one ZIP, for e-mail: the brief at the top, each original once
// under `files/<name>`, the name the annex gives it. Built in memory, like the brief
// itself, so that an encrypted folder never holds a plain copy on disk.

const ZIP_FILES_DIR = 'files';

/** The ZIP's bytes. Entries carry the brief's time, so that one brief zipped twice is the same file. */
export function packBriefZip(briefName: string, brief: Buffer, originals: readonly OutgoingOriginal[], at: Date): Promise<Buffer> {
  const zip = new ZipFile();
  // What is compressed already (the brief, photos, PDFs, Word files) is stored as it is; plain text is deflated.
  const options = (mediaType: string) => ({ mtime: at, compress: !/^(image|video|audio)\/|pdf|zip|officedocument|opendocument/.test(mediaType) });
  zip.addBuffer(brief, briefName, options('application/pdf'));
  const added = new Set<string>();
  for (const o of originals) {
    if (!o.data || added.has(o.name)) continue;
    added.add(o.name);
    zip.addBuffer(o.data, `${ZIP_FILES_DIR}/${o.name}`, options(o.file.mediaType));
  }
  zip.end();
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
