import { createCipheriv, createDecipheriv, createHash, randomBytes, randomFillSync } from 'node:crypto';
import { z } from 'zod';
import { ServiceError } from '../errors';
import { VAULT_COPY_HINT, WrongPassphraseError } from './errors';
import { checkNewPassphrase, checkScryptParams, defaultScryptParams, deriveKey, KEY_BYTES, SALT_BYTES, scryptParamsProblem, type ScryptParams } from './kdf';
import { isWiped, wipe } from './wipe';

// The key hierarchy. Files are encrypted with a random 256-bit data key; the
// passphrase only wraps that key. Changing the passphrase therefore rewrites one
// small header instead of every file, and a wrong passphrase is detected by the
// wrapped key's GCM tag before anything is touched.

const VAULT_FORMAT = 'casefile-vault';
/**
 * 2: the header carries `check`, a SHA-256 of every other field. GCM cannot tell
 * a wrong passphrase from a damaged salt, nonce, tag or wrapped key — both fail
 * the tag — so without it a flipped byte in vault.json read as "the passphrase
 * is wrong". Version 1 headers (no check) are still read.
 */
const VAULT_VERSION = 2;
const WRAP_NONCE_BYTES = 12;
const WRAP_TAG_BYTES = 16;
/** Binds the wrapped key to its purpose, so no other GCM blob under the same key can stand in for it. */
const WRAP_AAD = Buffer.from('casefile-vault-key/1', 'utf8');

const base64Of = (bytes: number) =>
  z.string().refine((s) => /^[A-Za-z0-9+/]*={0,2}$/.test(s) && Buffer.from(s, 'base64').length === bytes, `expected ${bytes} bytes in base64`);

export const VaultHeader = z.strictObject({
  format: z.literal(VAULT_FORMAT),
  version: z.union([z.literal(1), z.literal(VAULT_VERSION)]),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.int(),
    r: z.int(),
    p: z.int(),
    keylen: z.int(),
    maxmem: z.int(),
    salt: base64Of(SALT_BYTES),
  }),
  wrap: z.strictObject({
    cipher: z.literal('aes-256-gcm'),
    nonce: base64Of(WRAP_NONCE_BYTES),
    tag: base64Of(WRAP_TAG_BYTES),
    wrappedKey: base64Of(KEY_BYTES),
  }),
  /** SHA-256 (hex) of the fields above, in a fixed order (see `headerCheck`); required from version 2. Not a secret and not a MAC: it tells damage, not tampering (the wrapped key's tag does that). */
  check: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in hex').optional(),
});
/** vault.json: plain JSON, holding nothing secret — a salt, the scrypt parameters and the wrapped data key. */
export type VaultHeader = z.infer<typeof VaultHeader>;

/** The checksum a header carries: over every field but itself, in a fixed order, so the file's key order and spacing do not matter. */
function headerCheck(h: Omit<VaultHeader, 'check'>): string {
  const { kdf, wrap } = h;
  const fields = [h.format, h.version, kdf.name, kdf.N, kdf.r, kdf.p, kdf.keylen, kdf.maxmem, kdf.salt, wrap.cipher, wrap.nonce, wrap.tag, wrap.wrappedKey];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const damagedVault = (why: string) => new ServiceError('internal', `vault.json in the data folder is damaged (${why}): the passphrase was not tried. ${VAULT_COPY_HINT}; nothing was changed.`);

/** Validates a header read from disk; says in words what is wrong with it. */
export function parseVaultHeader(raw: unknown): VaultHeader {
  if (raw && typeof raw === 'object' && (raw as { format?: unknown }).format === VAULT_FORMAT) {
    const version = (raw as { version?: unknown }).version;
    if (typeof version === 'number' && version > VAULT_VERSION) {
      throw new ServiceError('unsupported', `The data folder was encrypted by a newer Casefile (vault format ${version}; this one reads ${VAULT_VERSION}). Update Casefile; nothing was changed.`);
    }
  }
  const parsed = VaultHeader.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw damagedVault(issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'invalid');
  }
  const problem = scryptParamsProblem(paramsOf(parsed.data));
  if (problem) throw damagedVault(problem);
  if (parsed.data.version >= 2 && parsed.data.check === undefined) throw damagedVault('its check is missing');
  if (parsed.data.check !== undefined && parsed.data.check !== headerCheck(parsed.data)) throw damagedVault('its content does not match its check');
  return parsed.data;
}

export function paramsOf(header: VaultHeader): ScryptParams {
  const { N, r, p, keylen, maxmem } = header.kdf;
  return { N, r, p, keylen, maxmem };
}

/** Wraps an existing data key under `passphrase` with a fresh salt: the header for a new vault.json. */
export async function wrapDataKey(dataKey: Uint8Array, passphrase: string, params: ScryptParams): Promise<VaultHeader> {
  checkScryptParams(params);
  if (dataKey.length !== KEY_BYTES || isWiped(dataKey)) throw new ServiceError('internal', 'The data key is missing or was wiped; nothing was changed.');
  const salt = randomBytes(SALT_BYTES);
  const kek = await deriveKey(passphrase, salt, params);
  try {
    const nonce = randomBytes(WRAP_NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', kek, nonce, { authTagLength: WRAP_TAG_BYTES });
    cipher.setAAD(WRAP_AAD);
    const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    const header = {
      format: VAULT_FORMAT,
      version: VAULT_VERSION,
      kdf: { name: 'scrypt', N: params.N, r: params.r, p: params.p, keylen: params.keylen, maxmem: params.maxmem, salt: salt.toString('base64') },
      wrap: { cipher: 'aes-256-gcm', nonce: nonce.toString('base64'), tag: cipher.getAuthTag().toString('base64'), wrappedKey: wrapped.toString('base64') },
    } as const;
    return { ...header, check: headerCheck(header) };
  } finally {
    wipe(kek);
  }
}

/**
 * A new vault: a fresh random data key wrapped by `passphrase`. Without
 * `params`, scrypt is tuned to this machine (~250 ms); tests pass a low N.
 * The caller owns `dataKey` and wipes it when the folder is locked.
 */
export async function createVault(passphrase: string, params?: ScryptParams): Promise<{ header: VaultHeader; dataKey: Buffer }> {
  checkNewPassphrase(passphrase);
  const kdf = params ?? (await defaultScryptParams());
  // Its own allocation (not a slice of Node's shared buffer pool), so wiping it wipes the only copy.
  const dataKey = Buffer.alloc(KEY_BYTES);
  randomFillSync(dataKey);
  try {
    return { header: await wrapDataKey(dataKey, passphrase, kdf), dataKey };
  } catch (err) {
    wipe(dataKey);
    throw err;
  }
}

/** The data key, or `WrongPassphraseError` (code bad_input) when the passphrase does not open it. */
export async function unlockVault(header: unknown, passphrase: string): Promise<Buffer> {
  const h = parseVaultHeader(header);
  const kek = await deriveKey(passphrase, Buffer.from(h.kdf.salt, 'base64'), paramsOf(h));
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(h.wrap.nonce, 'base64'), { authTagLength: WRAP_TAG_BYTES });
    decipher.setAAD(WRAP_AAD);
    decipher.setAuthTag(Buffer.from(h.wrap.tag, 'base64'));
    const out = decipher.update(Buffer.from(h.wrap.wrappedKey, 'base64'));
    try {
      decipher.final();
    } catch {
      // The header's check has passed (or it is a version 1 header, which has none): what fails here is the passphrase.
      wipe(out);
      throw new WrongPassphraseError();
    }
    const dataKey = Buffer.alloc(KEY_BYTES);
    out.copy(dataKey);
    wipe(out);
    return dataKey;
  } finally {
    wipe(kek);
  }
}

/**
 * The same data key under a new passphrase (and a new salt). Keeps the header's
 * scrypt parameters unless `params` says otherwise, so a passphrase change never
 * silently weakens the derivation (for instance on a slower machine).
 */
export async function rewrapVault(header: unknown, oldPassphrase: string, newPassphrase: string, params?: ScryptParams): Promise<VaultHeader> {
  checkNewPassphrase(newPassphrase);
  const h = parseVaultHeader(header);
  const dataKey = await unlockVault(h, oldPassphrase);
  try {
    return await wrapDataKey(dataKey, newPassphrase, params ?? paramsOf(h));
  } finally {
    wipe(dataKey);
  }
}
