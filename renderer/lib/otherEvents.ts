import type { CoreEvent } from '../../shared/events';

// The events other than saved cases that views follow (another device's history, settings,
// passphrase), apart from lib/events.ts so that api.ts can raise one too (an operation
// refused because the passphrase changed elsewhere) without importing what imports it.

/** Another device's history, settings, or passphrase. */
export type OtherEvent = Extract<CoreEvent, { type: 'history.changed' | 'settings.changed' | 'folder.passphraseChanged' | 'folder.progress' }>;

export const otherListeners = new Set<(event: OtherEvent) => void>();

/** Hands `event` to the views as if the core had sent it (a status check found what an event missed). */
export function hearLocally(event: OtherEvent): void {
  for (const l of otherListeners) l(event);
}
