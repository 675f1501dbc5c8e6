import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useToast } from '../../components/Toasts';
import { deliverFile } from '../../lib/download';
import { useErrorText } from '../../lib/errors';
import type { CaseFilter } from '../../../shared/model/listFilter';
import type { TableFormat } from '../../../shared/tables';
import { ImportTableDialog } from './ImportTableDialog';
import './tables.css';
import { base64ToBytes } from '../../lib/fileBase64';

type Props = {
  /** The cases the list shows now (its filters and its text filter applied): what an export writes. */
  shownIds: readonly string[];
  filters: CaseFilter;
  onImported: () => void;
};


/** Beside the list's own export: a spreadsheet in, and the list as shown out to Excel or CSV. */
export function TablesActions({ shownIds, filters, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const errorOf = useErrorText();
  const internalId = useId();
  const [open, setOpen] = useState(false);
  const [internal, setInternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const lang = (['en', 'ru', 'kk'] as const).find((l) => i18n.language.startsWith(l)) ?? 'en';

  const exportAs = async (format: TableFormat) => {
    setBusy(true);
    const { kind, status, priority, tag } = filters;
    const r = await api['tables.export']({ format, lang, internal, ids: [...shownIds], ...(kind ? { kind } : {}), ...(status ? { status } : {}), ...(priority ? { priority } : {}), ...(tag ? { tag } : {}) });
    setBusy(false);
    if (!r.ok) return toast({ kind: 'error', message: t('tables.exportFailed', { message: errorOf(r.error) }) });
    const delivery = await deliverFile(r.value.fileName, base64ToBytes(r.value.dataBase64), format);
    if (delivery.kind === 'failed') toast({ kind: 'error', message: t('tables.exportFailed', { message: delivery.error }) });
    else if (delivery.kind !== 'cancelled') toast({ kind: 'success', message: t('tables.exported', { n: r.value.rows, where: delivery.kind === 'saved' ? delivery.path : delivery.name }) });
  };

  return (
    <div className="tables-actions">
      <button type="button" className="btn btn-small" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('tables.importOpen')}
      </button>
      <button type="button" className="btn btn-small" disabled={busy || shownIds.length === 0} onClick={() => void exportAs('xlsx')}>
        {t('tables.exportExcel')}
      </button>
      <button type="button" className="btn btn-small" disabled={busy || shownIds.length === 0} onClick={() => void exportAs('csv')}>
        {t('tables.exportCsv')}
      </button>
      <label className="checkbox toolbar-check" htmlFor={internalId} title={t('tables.internalHint')}>
        <input id={internalId} type="checkbox" checked={internal} onChange={(e) => setInternal(e.target.checked)} />
        <span>{t('tables.internal')}</span>
      </label>
      <ImportTableDialog open={open} onClose={() => setOpen(false)} onImported={onImported} />
    </div>
  );
}
