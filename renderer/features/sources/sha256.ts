import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

// SHA-256 of a string's UTF-8 bytes, synchronously, so a source added in the
// renderer carries its checksum from the first moment (crypto.subtle is async and
// absent outside secure contexts). The store recomputes it on every save anyway:
// this is what the user sees before the save lands, never what the app vouches for.

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
