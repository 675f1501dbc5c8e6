import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { NgoCase, PrisonerCase } from '../../../shared/model';
import { localToday } from '../../../shared/text/dates';
import { daysCount, type DaysCount } from '../../../shared/text/daysCount';
import { expectedRelease, measureEnd, type DaysIn, type ExpectedEnd } from '../../../shared/text/detention';
import { useFormat, type Format } from '../../i18n/format';
import { formatDay, formatMonth, formatPartialDate } from '../../lib/partialDates';
import { termText } from '../../lib/termText';
import './agenda.css';

// Days in detention (or under a measure) and the expected release (or end), as honest
// as the dates allow: a date known only to the year or month is counted from the end
// of that period and SAYS so; a computed release says what it was computed from.

type T = TFunction<'translation', undefined>;

function daysText(t: T, f: Format, d: DaysIn, since: string, prefix: 'daysIn' | 'measureDays'): string {
  const days = f.number(d.days);
  if (d.releasedOn !== undefined && prefix === 'daysIn') {
    const released = formatPartialDate(d.releasedOn, f.lang);
    if (d.precision === 'day') return t('agenda.facts.heldDay', { count: d.days, days, date: formatPartialDate(since, f.lang), released });
    const period = d.precision === 'month' ? formatMonth(d.countedFrom.year, d.countedFrom.month, f.lang) : String(d.countedFrom.year);
    return t(d.precision === 'month' ? 'agenda.facts.heldMonth' : 'agenda.facts.heldYear', { count: d.days, days, period, released });
  }
  if (d.precision === 'day') return t(`agenda.facts.${prefix}Day`, { count: d.days, days, date: formatPartialDate(since, f.lang) });
  const period = d.precision === 'month' ? formatMonth(d.countedFrom.year, d.countedFrom.month, f.lang) : String(d.countedFrom.year);
  return t(d.precision === 'month' ? `agenda.facts.${prefix}Month` : `agenda.facts.${prefix}Year`, { count: d.days, days, period });
}

/** The final count of days once the term or the measure has ended (daysCount's 'stopped'). */
function stoppedText(t: T, f: Format, c: Extract<DaysCount, { state: 'stopped' }>, since: string): string {
  const days = f.number(c.days.days);
  const end = formatPartialDate(c.stoppedOn, f.lang);
  const kind = c.why === 'measureEnded' ? 'measureEnded' : 'termEnded';
  return c.days.precision === 'day'
    ? t(`daysStop.${kind}Day`, { days, date: formatPartialDate(since, f.lang), end })
    : t(`daysStop.${kind}Approx`, { days, end });
}

function endText(t: T, f: Format, e: ExpectedEnd, prefix: 'release' | 'end'): string {
  switch (e.precision) {
    case 'day':
      return t(`agenda.facts.${prefix}Day`, { date: formatDay(e.earliest, f.lang) });
    case 'month':
      return t(`agenda.facts.${prefix}Month`, { month: formatMonth(e.earliest.year, e.earliest.month, f.lang) });
    case 'year':
      return t(`agenda.facts.${prefix}Year`, { year: String(e.earliest.year), first: formatDay(e.earliest, f.lang) });
    default:
      return t(`agenda.facts.${prefix}Range`, { from: formatDay(e.earliest, f.lang), to: formatDay(e.latest, f.lang) });
  }
}

function whenText(t: T, f: Format, e: ExpectedEnd): string {
  if (e.daysUntilLatest < 0) return t('agenda.facts.passed');
  if (e.precision === 'day' && e.daysUntilEarliest === 0) return t('agenda.facts.todayNote');
  if (e.daysUntilEarliest > 0) {
    const days = f.number(e.daysUntilEarliest);
    return e.precision === 'day' && !e.rounded ? t('agenda.facts.inDays', { count: e.daysUntilEarliest, days }) : t('agenda.facts.inAtLeastDays', { count: e.daysUntilEarliest, days });
  }
  return t('agenda.facts.dueNow');
}

function basisText(t: T, f: Format, e: ExpectedEnd): string {
  const b = e.basis;
  const note =
    b.kind === 'recorded' ? t('agenda.facts.basisRecorded')
    : b.kind === 'start' ? t('agenda.facts.basisStart', { from: formatPartialDate(b.from, f.lang), term: termText(t, f, b.months, b.days) })
    : t('agenda.facts.basisVerdict', { from: formatPartialDate(b.from, f.lang), term: termText(t, f, b.months, b.days) });
  return e.rounded ? `${note} ${t('agenda.facts.rounded')}` : note;
}

function Facts({ label, lines }: { label: string; lines: { text: string; note?: string }[] }) {
  return (
    <div className="time-facts" role="group" aria-label={label}>
      {lines.map((l, i) => (
        <p key={i}>
          <span className="time-facts-main">{l.text}</span>
          {l.note && (
            <>
              {' '}
              <span className="time-facts-note">{l.note}</span>
            </>
          )}
        </p>
      ))}
    </div>
  );
}

/**
 * For a prisoner: days in detention and the expected release. Once released, the
 * days held until the recorded release (nothing when the release date is not recorded).
 */
export function DetentionFacts({ c }: { c: PrisonerCase }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { since, releasedOn } = c.detention;
  const released = c.detention.status === 'released' || releasedOn !== undefined;
  if (released && !releasedOn) return null;
  const today = localToday();
  const release = expectedRelease(c.detention, c.decisions, today);
  const count = daysCount({ kind: 'detention', since, releasedOn, detentionStatus: c.detention.status, ends: release }, today);
  const lines: { text: string; note?: string }[] = [];
  if (count.state === 'stopped' && count.why === 'termEnded' && since) lines.push({ text: stoppedText(t, f, count, since) });
  else {
    const d = count.state === 'over' ? null : count.days;
    lines.push({ text: d && since ? daysText(t, f, d, since, 'daysIn') : t('agenda.facts.sinceUnknown') });
  }
  // Once released, the days held are the whole fact: there is no release to expect.
  if (!released) {
    lines.push(release ? { text: `${endText(t, f, release, 'release')} (${whenText(t, f, release)}).`, note: basisText(t, f, release) } : { text: t('agenda.facts.releaseUnknown') });
  }
  return <Facts label={t('agenda.facts.label')} lines={lines} />;
}

/** For an NGO: days since the measure began and when it ends. */
export function MeasureFacts({ c }: { c: NgoCase }) {
  const { t } = useTranslation();
  const f = useFormat();
  const today = localToday();
  const start = c.measure.start;
  const end = measureEnd(c.measure, today);
  const lines: { text: string; note?: string }[] = [];
  // A measure that expired, was overturned or is past its end is over: its days stop counting.
  const count = daysCount({ kind: 'measure', since: start, measureStatus: c.measure.status, ends: end }, today);
  if (count.state === 'over' && (count.why === 'expired' || count.why === 'overturned')) lines.push({ text: count.why === 'expired' ? t('agenda.facts.measureExpired') : t('agenda.facts.measureOverturned') });
  else if (count.state === 'stopped' && start) lines.push({ text: stoppedText(t, f, count, start) });
  else {
    const d = count.state === 'running' ? count.days : null;
    lines.push({ text: d && start ? daysText(t, f, d, start, 'measureDays') : t('agenda.facts.measureStartUnknown') });
  }
  if (end) lines.push({ text: `${endText(t, f, end, 'end')} (${whenText(t, f, end)}).`, note: basisText(t, f, end) });
  else lines.push({ text: t('agenda.facts.endUnknown') });
  return <Facts label={t('agenda.facts.measureLabel')} lines={lines} />;
}
