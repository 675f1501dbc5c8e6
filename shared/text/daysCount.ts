// Whether the days since detention (or a measure) began are still running, and if
// not, where they stopped. One rule for the case view and the case list, so a list
// row never keeps counting what the case itself says is over. Pure: no node:, no DOM.
import { formatCalendarDate, type CalendarDate } from './dates';
import { daysIn, type DaysIn } from './detention';

export type CountInput = {
  kind: 'detention' | 'measure';
  since?: string | undefined;
  releasedOn?: string | undefined;
  detentionStatus?: string | undefined;
  measureStatus?: string | undefined;
  /** The first and last day the term or the measure can end on (expectedRelease / measureEnd), when known. */
  ends?: { earliest: CalendarDate; latest: CalendarDate } | null | undefined;
};

export type DaysCount =
  /** Still held, or still under the measure: the count runs to today (null when the start is not known). */
  | { state: 'running'; days: DaysIn | null }
  /** Over, and the count stopped at the release or at the end of the term/measure: the final count. */
  | { state: 'stopped'; why: 'released' | 'termEnded' | 'measureEnded'; days: DaysIn; stoppedOn: string }
  /** Over, with no count to show (the release date or the start not recorded; a measure expired or overturned). */
  | { state: 'over'; why: 'released' | 'termEnded' | 'measureEnded' | 'expired' | 'overturned' };

const dayNumber = (d: CalendarDate) => Date.UTC(d.year, d.month - 1, d.day);

/**
 * The rule: a measure expired or overturned is over (the case view says so instead
 * of counting); a recorded release stops the count there; a release status without
 * a date is over; a term or measure whose LAST possible end day is past stops the
 * count at its FIRST possible end day (so the count stays a lower bound). Otherwise
 * the days run to today.
 */
export function daysCount(input: CountInput, today: CalendarDate): DaysCount {
  const { since, releasedOn, measureStatus } = input;
  if (measureStatus === 'expired' || measureStatus === 'overturned') return { state: 'over', why: measureStatus };
  if (releasedOn) {
    const d = daysIn(since, today, releasedOn);
    return d ? { state: 'stopped', why: 'released', days: d, stoppedOn: releasedOn } : { state: 'over', why: 'released' };
  }
  if (input.detentionStatus === 'released') return { state: 'over', why: 'released' };
  const ends = input.ends;
  if (ends && dayNumber(ends.latest) < dayNumber(today)) {
    const why = input.kind === 'measure' ? 'measureEnded' : 'termEnded';
    const stoppedOn = formatCalendarDate(ends.earliest);
    const d = daysIn(since, today, stoppedOn);
    return d ? { state: 'stopped', why, days: d, stoppedOn } : { state: 'over', why };
  }
  return { state: 'running', days: daysIn(since, today) };
}
