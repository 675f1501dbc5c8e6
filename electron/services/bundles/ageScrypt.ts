import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { Stanza, type Identity, type Recipient } from 'age-encryption';

// age's passphrase stanza (age-encryption.org/v1/scrypt) computed with Node's scrypt, which
// runs on libuv's thread pool: age-encryption's own (pure JavaScript) would hold the thread
// that answers the window for about a second per seal or open. The bytes are the format's:
// `age -d` and any other age implementation open what this seals, and the reverse.

const LABEL = 'age-encryption.org/v1/scrypt';
/**
 * 2^18, age's own default: measured here (Node 20, a shared 2-core machine) at 0.7 s per
 * seal or open, and 256 MiB of memory — slow enough for a guesser, quick for a person.
 */
const SEAL_LOG2N = 18;
/** The most an opened file may ask for, as age itself allows: 2^20 (1 GiB). A bigger one is refused unread. */
const MAX_LOG2N = 20;

function derive(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const labelled = Buffer.concat([Buffer.from(LABEL, 'latin1'), salt]);
  const N = 2 ** logN;
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), labelled, 32, { N, r: 8, p: 1, maxmem: 128 * 8 * (N + 3) + 64 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const ZERO_NONCE = Buffer.alloc(12);

export class NativeScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN = SEAL_LOG2N,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await derive(this.passphrase, salt, this.logN);
    const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    key.fill(0);
    return [new Stanza(['scrypt', salt.toString('base64').replace(/=+$/, ''), String(this.logN)], body)];
  }
}

/** Thrown when a passphrase stanza is there but the passphrase does not open it. */
export class WrongBundlePassphrase extends Error {}

export class NativeScryptIdentity implements Identity {
  constructor(private readonly passphrase: string) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    const s = stanzas.find((x) => x.args[0] === 'scrypt');
    if (!s) return null;
    // As age requires: a passphrase-sealed file has no other recipient, so nobody else could have made it.
    if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header');
    if (s.args.length !== 3 || !/^[1-9][0-9]?$/.test(s.args[2]!)) throw new Error('invalid scrypt stanza');
    const logN = Number(s.args[2]);
    if (logN > MAX_LOG2N) throw new Error(`scrypt work factor 2^${logN} is too high`);
    const salt = Buffer.from(s.args[1]!, 'base64');
    if (salt.length !== 16 || s.body.length !== 32) throw new Error('invalid scrypt stanza');
    const key = await derive(this.passphrase, salt, logN);
    try {
      const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
      decipher.setAuthTag(s.body.subarray(16));
      return Buffer.concat([decipher.update(s.body.subarray(0, 16)), decipher.final()]);
    } catch {
      throw new WrongBundlePassphrase('wrong passphrase');
    } finally {
      key.fill(0);
    }
  }
}
