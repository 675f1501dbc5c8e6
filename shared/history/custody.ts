import type { AuditCustody } from '../model';
import { message, text, type HistoryLine } from './phrase';

// A custody entry in words: who took which original where. The name is the user's
// own (Settings → prepared by), or the system account's, said to be one.

export function custodySentence(c: AuditCustody): HistoryLine {
  const who = c.byFrom === 'os' ? message('custody.systemUser', { name: text(c.by) }) : text(c.by);
  if (c.action === 'briefed' && c.to !== undefined) return message('custody.say.briefed', { who, name: text(c.name), to: text(c.to) });
  return c.action === 'saved' && c.to !== undefined
    ? message('custody.say.saved', { who, name: text(c.name), to: text(c.to) })
    : message('custody.say.downloaded', { who, name: text(c.name) });
}
