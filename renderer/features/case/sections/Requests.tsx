import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFile, Request } from '../../../../shared/model';
import { CheckboxField, opt, TextField } from '../../../components/fields';
import { useToast } from '../../../components/Toasts';
import { newId } from '../../../lib/ids';
import { OrderStatus } from '../order';
import { AddForm, ItemCard } from '../parts';
import { Section } from '../../../components/Section';
import { useCurrentSession } from '../../../lib/caseSession';
import { insertAt, type Edit } from '../../../lib/edit';
import { suggestedRequests } from '../../../lib/suggestRequests';
import { useMover } from './useMover';

type Props = { c: CaseFile; edit: Edit };
type RequestForm = { text: string; addressee: string; confidential: boolean };

/** What the advocate asks, in their own words: briefs print exactly these, in this order. */
export function RequestsSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const session = useCurrentSession();
  const [suggested, setSuggested] = useState(false);
  // The case records nothing a suggestion could rest on (no detention, charge or decision yet): say so rather than do nothing.
  const [nothingToSuggest, setNothingToSuggest] = useState(false);
  const mover = useMover({ list: c.requests, nameOf: (r) => r.text, apply: (update) => edit((d) => ({ ...d, requests: update(d.requests) })) });
  const setRequest = (id: string, patch: Partial<Request>) => edit((d) => ({ ...d, requests: d.requests.map((r) => (r.id === id ? { ...r, ...patch } : r)) }));

  const suggest = () => {
    const texts = suggestedRequests(t, c);
    setNothingToSuggest(texts.length === 0);
    if (texts.length === 0) return;
    // Only into an empty list: suggestions never sit among the advocate's own words unasked.
    edit((d) => (d.requests.length > 0 ? d : { ...d, requests: texts.map((text) => ({ id: newId(), text })) }));
    setSuggested(true);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('#section-requests .item-card textarea')?.focus());
  };

  return (
    <Section id="requests" title={t('parts.section.requests')}>
      <p className="section-note">{t('parts.requests.note')}</p>
      {c.requests.length === 0 && (
        <div className="empty-note">
          <p>{t('parts.requests.empty')}</p>
          <button type="button" className="btn" onClick={suggest}>
            {t('parts.requests.suggest')}
          </button>
          {nothingToSuggest && <p role="status">{t('briefs14.requests.noneFit')}</p>}
        </div>
      )}
      {suggested && c.requests.length > 0 && (
        <p className="section-note" role="status">
          {t('parts.requests.suggested')}
        </p>
      )}
      <ol className="item-list">
        {c.requests.map((r, i) => (
          <ItemCard
            key={r.id}
            heading={t('parts.requests.n', { n: i + 1 })}
            confidential={r.confidential === true}
            onConfidentialChange={(on) => setRequest(r.id, { confidential: on || undefined })}
            order={mover.orderOf(r, i)}
            removeLabel={t('common.remove')}
            onRemove={() => {
              session?.clearScratch(`field:requests.${r.id}.`);
              edit((d) => ({ ...d, requests: d.requests.filter((x) => x.id !== r.id) }));
              toast({ message: t('case.removed', { item: r.text }), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, requests: insertAt(d.requests, i, r) })) } });
            }}
          >
            <TextField label={t('parts.requests.text')} path={`requests.${r.id}.text`} value={r.text} required multiline rows={2} onChange={(text) => setRequest(r.id, { text })} />
            <TextField
              label={t('parts.requests.addressee')}
              path={`requests.${r.id}.addressee`}
              value={r.addressee}
              span2
              hint={t('parts.requests.addresseeHint')}
              onChange={(v) => setRequest(r.id, { addressee: opt(v) })}
            />
          </ItemCard>
        ))}
      </ol>
      <OrderStatus message={mover.status} />
      <AddForm<RequestForm>
        name="requests"
        initial={{ text: '', addressee: '', confidential: false }}
        openLabel={t('parts.requests.add')}
        title={t('parts.requests.new')}
        isComplete={(v) => v.text.trim() !== ''}
        onAdd={(v) =>
          edit((d) => ({ ...d, requests: [...d.requests, { id: newId(), text: v.text, addressee: opt(v.addressee), confidential: v.confidential || undefined }] }))
        }
      >
        {(v, set, prefix) => (
          <>
            <TextField label={t('parts.requests.text')} path={`${prefix}.text`} value={v.text} required multiline rows={2} onChange={(text) => set({ text })} />
            <TextField
              label={t('parts.requests.addressee')}
              path={`${prefix}.addressee`}
              value={v.addressee}
              span2
              hint={t('parts.requests.addresseeHint')}
              onChange={(addressee) => set({ addressee })}
            />
            <div className="field field-check">
              <CheckboxField label={t('confidential.toggle')} checked={v.confidential} onChange={(confidential) => set({ confidential })} />
            </div>
          </>
        )}
      </AddForm>
    </Section>
  );
}
