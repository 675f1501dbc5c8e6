import { Transform } from 'node:stream';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

// A snapshot's manifest is 20 MB of JSON lines at 100,000 cases, and one gzip stream
// compresses it on one thread in small steps the writer waits for, one after another.
// Compressed instead as independent gzip members of about a MiB each (a concatenation
// every gzip reader, ours included, reads as one stream), two pieces are compressed at
// once on the thread pool while the next lines are put together. The members cost a few
// bytes each; level 1, as before, keeps the JSON about six times smaller.

const gzipAsync = promisify(gzip);

/** Bytes gathered into one member. */
const PIECE_BYTES = 1 << 20;
/** Members compressed at once. */
const IN_FLIGHT = 2;

/** A Transform that gzips what passes through it, in members compressed side by side, written in order. */
export function gzipPieces(): Transform {
  const pending: Promise<Buffer>[] = [];
  let parts: Buffer[] = [];
  let bytes = 0;
  const start = () => {
    const piece = gzipAsync(Buffer.concat(parts, bytes), { level: 1 });
    // Awaited in turn below; marked handled now so one that fails while an earlier one is awaited does not go unhandled.
    piece.catch(() => undefined);
    pending.push(piece);
    parts = [];
    bytes = 0;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      bytes += chunk.length;
      if (bytes >= PIECE_BYTES) start();
      void (async () => {
        while (pending.length > IN_FLIGHT) this.push(await pending.shift()!);
      })().then(() => done(), done);
    },
    flush(done) {
      if (bytes > 0 || pending.length === 0) start();
      void (async () => {
        for (const piece of pending.splice(0)) this.push(await piece);
      })().then(() => done(), done);
    },
  });
}
