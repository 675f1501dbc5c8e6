import { useTranslation } from 'react-i18next';
import { checkMove, moveItem, type Dated } from '../../../../shared/model/chronology';
import { dateLanguage, formatPartialDate } from '../../../../shared/text/dateInput';
import { useKeepFocus, useOrderStatus, type OrderControls } from '../order';

type Item = { id: string };

type Options<T extends Item> = {
  list: readonly T[];
  /** How an item is named in messages: its title, or its text. */
  nameOf: (item: T) => string;
  /** Applies a reorder to the list as it is in the draft at that moment. */
  apply: (update: (list: T[]) => T[]) => void;
};

/**
 * Up/down for the items of one list, under the chronology rules (an item without a
 * date moves freely; a dated one never goes before one definitely later): the
 * controls for each card, a status line saying what happened, and re-placing after a
 * re-date with the focus kept where the user is typing.
 */
export function useMover<T extends Item>({ list, nameOf, apply }: Options<T>) {
  const { t, i18n } = useTranslation();
  const shown = (date: string | undefined) => (date ? formatPartialDate(date, dateLanguage(i18n.language)) : '');
  const keep = useKeepFocus();
  const [status, say] = useOrderStatus();
  const dated = (l: readonly T[]) => l as unknown as Dated[];

  const move = (id: string, direction: -1 | 1) => {
    const index = list.findIndex((x) => x.id === id);
    if (index === -1) return;
    const item = nameOf(list[index]!);
    const check = checkMove(dated(list), index, direction);
    if (!check.ok) {
      if (check.reason === 'edge') say(direction === -1 ? t('parts.order.atTop', { item }) : t('parts.order.atBottom', { item }));
      else {
        const other = list[check.blocker]!;
        const facts = { item, date: shown(dated(list)[index]!.date), other: nameOf(other), otherDate: shown(dated(list)[check.blocker]!.date) };
        say(check.reason === 'later' ? t('parts.order.refusedLater', facts) : t('parts.order.refusedEarlier', facts));
      }
      return;
    }
    keep();
    apply((l) => {
      const j = l.findIndex((x) => x.id === id);
      return j === -1 ? l : (moveItem(dated(l), j, direction) as unknown as T[]);
    });
    say(t('parts.order.moved', { item, n: check.to + 1, count: list.length }));
  };

  const orderOf = (item: T, index: number): OrderControls => ({ name: nameOf(item), index, count: list.length, onMove: (d) => move(item.id, d) });

  /** Runs an edit that may reorder the list (a new date); says so when the item moved. */
  const reorderingEdit = (id: string, run: () => void, after: () => readonly T[]) => {
    const before = list.findIndex((x) => x.id === id);
    keep();
    run();
    const now = after();
    const at = now.findIndex((x) => x.id === id);
    if (at !== -1 && at !== before) say(t('parts.order.redated', { item: nameOf(now[at]!), n: at + 1, count: now.length }));
  };

  return { status, say, orderOf, reorderingEdit };
}
