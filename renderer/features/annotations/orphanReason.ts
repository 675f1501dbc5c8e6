import type { TFunction } from 'i18next';
import type { AnnotationState } from '../../../shared/model';

/**
 * Why an annotation is orphaned, in the user's language. The shared layer words its
 * reason in English for the command line; here the cause is worded from the locale,
 * with the numbers that changed when that is the cause. A state from an older main
 * process without a cause falls back to its English reason.
 */
export function orphanReason(t: TFunction, s: Pick<AnnotationState, 'cause' | 'reason' | 'numbers'>): string {
  if (!s.cause) return s.reason ?? '';
  const list = (xs: readonly string[] | undefined) => (xs && xs.length > 0 ? xs.join(', ') : '—');
  return t(`sources.orphanCause.${s.cause}`, { was: list(s.numbers?.was), now: list(s.numbers?.now) });
}
