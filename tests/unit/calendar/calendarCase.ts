import type { CaseDraftInput } from '../../../shared/model';
import { prisonerDraft } from '../../helpers/fixtures';

/** A prisoner's case with one open item of every kind and date precision, a done one, and a confidential one. */
export function calendarDraft(): CaseDraftInput {
  return prisonerDraft({
    deadlines: [
      { id: 'appeal', date: '2021-02-22', title: 'Appeal against Әбішев verdict', done: false },
      { id: 'wgad-reply', date: '2021-03', title: 'Reply to the Government', done: false },
      { id: 'cassation', date: '2021', title: 'Cassation limit', done: false },
      { id: 'filed', date: '2021-01-10', title: 'Already filed complaint', done: true },
      { id: 'secret', date: '2021-04-01', title: 'Meet witness Serik Nurlanov', done: false, confidential: true },
    ],
    events: [{ id: 'hearing-1', date: '2021-02-25', type: 'hearing', title: 'Hearing at Almaty city court' }],
    advocacy: [{ id: 'wgad', target: 'UN WGAD', kind: 'communication', status: 'sent', nextFollowUp: '2021-05-15' }],
  });
}
