// pdf.js's worker, bundled by Vite as one of the app's own scripts (script-src 'self'):
// parsing an untrusted PDF happens off the page's thread, and no .mjs file has to be
// served with a type the servers do not know.
import 'pdfjs-dist/build/pdf.worker.mjs';
