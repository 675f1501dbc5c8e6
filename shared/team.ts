import { z } from 'zod';

// A team works on one data folder kept in step by Syncthing on several machines. Each
// machine is a device of the folder: its id is made once, at random, on that machine and
// never synced (the folder's `local/`, which the app's `.stignore` keeps out of sync), so
// two laptops never write under one name; its name is what the history shows beside a change.

/** Eight characters of base32 (a–z, 2–7): 40 random bits, as short as a name in a file can be and still never meet its twin in a team. */
export const DeviceId = z.string().regex(/^[a-z2-7]{8}$/, 'a device id is eight characters a–z, 2–7');
export const DeviceName = z
  .string()
  .trim()
  .min(1, 'a device name cannot be empty')
  .max(64, 'a device name is at most 64 characters')
  .refine((s) => !/[\p{Cc}\p{Cf}]/u.test(s), 'a device name cannot hold control or format characters');

export const DeviceInfo = z.strictObject({ id: DeviceId, name: DeviceName });
export type DeviceInfo = z.infer<typeof DeviceInfo>;
