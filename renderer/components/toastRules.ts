// When a toast goes by itself. No React, no DOM: unit-tested under Node.

/** Milliseconds a toast stays by itself; `null`: it stays until dismissed (an error must be read, not missed). */
export function toastLifetime(toast: { kind?: 'info' | 'success' | 'error'; action?: unknown; timeoutMs?: number }): number | null {
  if (toast.kind === 'error') return null;
  return toast.timeoutMs ?? (toast.action ? 15_000 : 6_000);
}
