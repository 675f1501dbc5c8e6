import { describe, expect, it } from 'vitest';
import { toastLifetime } from '../../../renderer/components/toastRules';

describe('toastLifetime', () => {
  it('lets a report of what went well go by itself, longer when it offers an action', () => {
    expect(toastLifetime({ kind: 'success' })).toBe(6_000);
    expect(toastLifetime({})).toBe(6_000);
    expect(toastLifetime({ kind: 'info', action: { label: 'Undo', run: () => undefined } })).toBe(15_000);
    expect(toastLifetime({ kind: 'info', timeoutMs: 12_000 })).toBe(12_000);
  });

  it('keeps an error until the user dismisses it, whatever time the caller asked for', () => {
    expect(toastLifetime({ kind: 'error' })).toBeNull();
    expect(toastLifetime({ kind: 'error', timeoutMs: 12_000 })).toBeNull();
  });
});
