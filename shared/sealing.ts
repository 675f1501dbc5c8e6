import { z } from 'zod';

// Sealed bundles (issue 18): a bundle or container for a partner outside the team, in the
// age format (age-encryption.org/v1), opened only by a passphrase or by the private key of
// one of its recipients. The names of the recipients' keys are the users' own choice.

/** An age X25519 public key: `age1` and 58 characters of bech32 (32 bytes and a checksum, checked when used). */
export const AgeRecipient = z
  .string()
  .trim()
  .regex(/^age1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{58}$/, 'expected an age public key: "age1" and 58 letters and digits (no b, i, o or 1), as a partner gives it');

/** A bundle passphrase: at least 8 characters (the same floor as the folder's), at most 1,024. */
const BundlePassphrase = z.string().min(8, 'a passphrase that seals a bundle has at least 8 characters').max(1024);

/** How to seal an export: for a passphrase, or for one or more recipients' public keys (no key twice). */
export const SealRequest = z.union([
  z.strictObject({ passphrase: BundlePassphrase }),
  z.strictObject({
    recipients: z
      .array(AgeRecipient)
      .min(1, 'choose at least one recipient')
      .max(50)
      .refine((keys) => new Set(keys).size === keys.length, 'the same public key is given twice'),
  }),
]);
export type SealRequest = z.infer<typeof SealRequest>;

/** A passphrase offered to open a sealed bundle (any length: the sender chose it). */
export const OpeningPassphrase = z.string().min(1).max(1024);

const PartnerName = z.string().trim().min(1, 'a partner’s name cannot be empty').max(120, 'a partner’s name is at most 120 characters');
export const PartnerKey = z.strictObject({ name: PartnerName, key: AgeRecipient });
export type PartnerKey = z.infer<typeof PartnerKey>;

/** The folder's sharing keys: its own public key (when it has made one) and its partners' keys by name. */
export const SharingKeys = z.strictObject({
  publicKey: AgeRecipient.nullable(),
  /** Whether this folder may hold its own key: only an encrypted folder keeps a private key. */
  canMakeKey: z.boolean(),
  partners: z.array(PartnerKey),
});
export type SharingKeys = z.infer<typeof SharingKeys>;
