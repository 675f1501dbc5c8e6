// What a file is, told from its bytes (file-type), not from its name: a ".pdf" that is
// a JPEG is read as a JPEG, a ".pdf" that is a ZIP archive is refused naming what it
// is. Text has no magic number, so a file whose bytes file-type does not know is read
// as text by its extension (.txt, .md, .html), as before.

import { fileTypeFromBuffer } from 'file-type';
import { ServiceError } from '../errors';

export type TextFormat = 'txt' | 'md' | 'html';

/** How a file will be read, by what its bytes are. */
export type Detected =
  | { kind: 'text'; format: TextFormat; mediaType: string }
  | { kind: 'pdf'; mediaType: 'application/pdf' }
  | { kind: 'docx'; mediaType: string }
  | { kind: 'image'; ext: 'jpg' | 'png' | 'tif' | 'webp' | 'heic'; mediaType: string };

const TEXT_EXTENSIONS: Record<string, TextFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

const TEXT_MEDIA: Record<TextFormat, string> = { txt: 'text/plain', md: 'text/markdown', html: 'text/html' };

const IMAGES = new Set(['jpg', 'png', 'tif', 'webp', 'heic']);

const DOCX_MEDIA = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const SUPPORTED = 'Casefile reads .txt, .md, .html, .htm and .pdf files, Word .docx files and photos or scans (JPEG, PNG, TIFF, WebP, HEIC)';

/** What a user calls the kind of file an extension promises, for "is X, not Y". */
const CLAIMED: Record<string, string> = {
  '.pdf': 'a PDF',
  '.docx': 'a Word .docx document',
  '.doc': 'a Word document',
  '.jpg': 'a JPEG image',
  '.jpeg': 'a JPEG image',
  '.png': 'a PNG image',
  '.tif': 'a TIFF image',
  '.tiff': 'a TIFF image',
  '.webp': 'a WebP image',
  '.heic': 'a HEIC photo',
  '.odt': 'an OpenDocument text',
  '.rtf': 'an RTF document',
  '.zip': 'a ZIP archive',
};

/** The kinds of file people will try that Casefile does not read, with what to do instead. */
const SAVE_AS_DOCX = 'Open it in Word or LibreOffice, save it as .docx (or as PDF), and add that file.';
const REFUSED: Record<string, { what: string; advice: string }> = {
  'application/x-cfb': { what: 'an old Word .doc document (or another Office 97–2003 file)', advice: SAVE_AS_DOCX },
  'application/msword': { what: 'an old Word .doc document', advice: SAVE_AS_DOCX },
  'application/rtf': { what: 'an RTF document', advice: SAVE_AS_DOCX },
  'application/vnd.oasis.opendocument.text': { what: 'an OpenDocument text (.odt)', advice: SAVE_AS_DOCX },
};

/** A human name for a type file-type found: "a ZIP archive", "a GIF image (image/gif)". */
function nameOfType(ext: string, mime: string): string {
  const known: Record<string, string> = {
    zip: 'a ZIP archive',
    rar: 'a RAR archive',
    '7z': 'a 7-Zip archive',
    gz: 'a gzip archive',
    xlsx: 'an Excel spreadsheet',
    pptx: 'a PowerPoint presentation',
    exe: 'a Windows program',
    elf: 'a program',
    gif: 'a GIF image',
    bmp: 'a BMP image',
    mp4: 'an MP4 video',
    mp3: 'an MP3 recording',
    xml: 'an XML file',
  };
  return known[ext] ?? `a ${ext.toUpperCase()} file (${mime})`;
}

function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** “name” as the user sees it, without the folders. */
export function shown(fileName: string): string {
  return `“${fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)}”`;
}

function refuse(message: string): never {
  throw new ServiceError('bad_input', message);
}

/** How to read the file, or a ServiceError('bad_input') naming what its bytes are and what to do. */
export async function detectFormat(fileName: string, bytes: Uint8Array): Promise<Detected> {
  const ext = extensionOf(fileName);
  const found = await fileTypeFromBuffer(bytes);
  if (found) {
    if (found.mime === 'application/pdf') return { kind: 'pdf', mediaType: 'application/pdf' };
    if (found.mime === DOCX_MEDIA) return { kind: 'docx', mediaType: DOCX_MEDIA };
    if (IMAGES.has(found.ext)) return { kind: 'image', ext: found.ext as 'jpg', mediaType: found.mime };
    const refused = REFUSED[found.mime];
    if (refused) refuse(`Cannot read ${shown(fileName)}: it is ${refused.what}. ${refused.advice}`);
    const claimed = CLAIMED[ext];
    const what = nameOfType(found.ext, found.mime);
    if (claimed && claimed !== what) refuse(`${shown(fileName)} is ${what}, not ${claimed}: its name does not say what it holds. ${SUPPORTED}; if you meant another file, add that one.`);
    refuse(`Cannot read ${shown(fileName)}: it is ${what}. ${SUPPORTED}.`);
  }
  const text = TEXT_EXTENSIONS[ext];
  if (text) return { kind: 'text', format: text, mediaType: TEXT_MEDIA[text] };
  if (ext === '.pdf') refuse(`${shown(fileName)} is not a readable PDF: its bytes are not a PDF's (it may be damaged, only partly downloaded, or another kind of file). Download or save it again, then add it.`);
  if (ext === '.docx') refuse(`${shown(fileName)} is not a Word .docx document: its bytes are not a .docx file's (it may be damaged or renamed). Open it in Word or LibreOffice, save it as .docx (or as PDF), and add that file.`);
  if (ext === '.doc' || ext === '.odt' || ext === '.rtf') refuse(`Cannot read ${shown(fileName)}: Casefile does not read ${CLAIMED[ext] ?? ext} files. ${SAVE_AS_DOCX}`);
  if (CLAIMED[ext]) refuse(`${shown(fileName)} is not ${CLAIMED[ext]}: its bytes are of no kind Casefile knows (it may be damaged or only partly downloaded). ${SUPPORTED}.`);
  refuse(`Cannot read ${shown(fileName)}: ${SUPPORTED}.`);
}
