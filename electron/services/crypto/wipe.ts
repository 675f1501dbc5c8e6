/**
 * Overwrites a key (or any secret) in place. Keys live in Buffers rather than
 * strings precisely so that this is possible: the app calls it on lock, and the
 * crypto code calls it on every intermediate key it derives. (A passphrase
 * arrives as a JS string, which cannot be wiped; it is turned into bytes as late
 * as possible and those bytes are wiped.)
 */
export function wipe(buf: Uint8Array | null | undefined): void {
  buf?.fill(0);
}

/** True for a key that was wiped (all zero): encrypting with it would write data nobody can read back. */
export function isWiped(key: Uint8Array): boolean {
  let acc = 0;
  for (const byte of key) acc |= byte;
  return acc === 0;
}
