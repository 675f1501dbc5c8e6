import { createHash } from 'node:crypto';

// The Syncthing folder id of a data folder: the same on every machine that holds a copy
// (it comes from meta.json, which syncs), and different for two folders made apart.

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

export function syncFolderId(metaCreatedAt: string): string {
  const digest = createHash('sha256').update(`casefile-data\0${metaCreatedAt}`).digest();
  return `casefile-${[...digest.subarray(0, 10)].map((b) => BASE32[b & 31]).join('')}`;
}
