// The data-folder migrations this build knows, in order. Kept apart from meta.ts, which
// defines what a migration is, so a migration can use those types without a circle.
import type { Migration } from '../meta';
import { v1ToV2 } from './v1ToV2';

/** Version 1 is the first layout; version 2 is the case model of MODEL.md version 2. */
export const MIGRATIONS: readonly Migration[] = [v1ToV2];
