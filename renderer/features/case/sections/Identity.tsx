import { useTranslation } from 'react-i18next';
import type { PrisonerCase } from '../../../../shared/model';
import { Person } from '../../../../shared/model/case';
import { DateField, opt, SelectField, TextField } from '../../../components/fields';
import { ChipInput } from '../../../components/ChipInput';
import { ConfidentialBadge } from '../../../components/ConfidentialBadge';
import { useToast } from '../../../components/Toasts';
import { AddForm, FieldGrid } from '../parts';
import { Section } from '../../../components/Section';
import { useCurrentSession } from '../../../lib/caseSession';
import { enumOptions } from '../../../lib/enumLabels';
import { type EditPrisoner } from '../../../lib/edit';
import { NationalityField } from './Nationality';
import './prisoner.css';

type Props = { c: PrisonerCase; edit: EditPrisoner };
type IdDocument = NonNullable<PrisonerCase['person']['idDocument']>;

const GENDERS = Person.shape.gender.unwrap().options;

/** Who the person is: names, birth, nationality, and the always-confidential contact, address and ID document. */
export function PersonSection({ c, edit }: Props) {
  const { t } = useTranslation();
  const p = c.person;
  const set = (patch: Partial<PrisonerCase['person']>) => edit((d) => ({ ...d, person: { ...d.person, ...patch } }));
  return (
    <Section id="person" title={t('section.person')}>
      <FieldGrid>
        <TextField label={t('field.personName')} path="person.name" value={p.name} required hint={t('prisoner.person.nameHint')} onChange={(name) => set({ name })} />
        <TextField label={t('prisoner.person.familyName')} path="person.familyName" value={p.familyName} onChange={(v) => set({ familyName: opt(v) })} />
        <TextField label={t('prisoner.person.givenNames')} path="person.givenNames" value={p.givenNames} onChange={(v) => set({ givenNames: opt(v) })} />
        {/* The birth date and its "c." in one cell: the flag says something only about that date. */}
        <div className="born-field">
          <DateField
            label={t('prisoner.person.born')}
            path="person.born.date"
            value={p.born?.date}
            hint={t('prisoner.person.bornHint')}
            onChange={(v) => set({ born: v ? { ...p.born, date: v } : undefined })}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={p.born?.approximate === true}
              disabled={!p.born}
              onChange={(e) => p.born && set({ born: { ...p.born, approximate: e.target.checked || undefined } })}
            />
            <span>{t('prisoner.person.approximate')}</span>
          </label>
        </div>
        <SelectField label={t('field.gender')} value={p.gender} emptyLabel={t('common.notStated')} options={enumOptions(t, 'gender', GENDERS)} onChange={(gender) => set({ gender })} />
        <NationalityField values={p.nationality} onChange={(nationality) => set({ nationality })} />
        <TextField label={t('field.occupation')} path="person.occupation" value={p.occupation} onChange={(v) => set({ occupation: opt(v) })} />
        <TextField label={t('field.affiliation')} path="person.affiliation" value={p.affiliation} onChange={(v) => set({ affiliation: opt(v) })} />
        <ChipInput
          label={t('field.aliases')}
          path="person.aliases"
          kind="alias"
          values={p.aliases}
          update={(change) => edit((d) => ({ ...d, person: { ...d.person, aliases: change(d.person.aliases) } }))}
          addLabel={t('field.addAlias')}
          hint={t('field.aliasesHint')}
        />
        <TextField
          label={t('field.contact')}
          path="person.contact"
          value={p.contact}
          confidential
          multiline
          rows={2}
          hint={t('confidential.alwaysHint')}
          onChange={(v) => set({ contact: opt(v) })}
        />
        <TextField
          label={t('prisoner.person.address')}
          path="person.address"
          value={p.address}
          confidential
          multiline
          rows={2}
          hint={t('confidential.alwaysHint')}
          onChange={(v) => set({ address: opt(v) })}
        />
      </FieldGrid>
      <IdDocumentFields c={c} edit={edit} />
    </Section>
  );
}

function IdDocumentFields({ c, edit }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const session = useCurrentSession();
  const doc = c.person.idDocument;
  const setDoc = (patch: Partial<IdDocument>) => edit((d) => (d.person.idDocument ? { ...d, person: { ...d.person, idDocument: { ...d.person.idDocument, ...patch } } } : d));
  if (!doc) {
    return (
      <AddForm<{ type: string; number: string; issuedBy: string; issuedOn: string }>
        name="idDocument"
        initial={{ type: '', number: '', issuedBy: '', issuedOn: '' }}
        openLabel={t('prisoner.person.addIdDocument')}
        title={t('prisoner.person.newIdDocument')}
        isComplete={(v) => v.type.trim() !== '' && v.number.trim() !== ''}
        onAdd={(v) => edit((d) => ({ ...d, person: { ...d.person, idDocument: { type: v.type, number: v.number, issuedBy: opt(v.issuedBy), issuedOn: opt(v.issuedOn) } } }))}
      >
        {(v, set, prefix) => (
          <>
            <TextField label={t('prisoner.person.idType')} path={`${prefix}.type`} value={v.type} required autoFocus hint={t('prisoner.person.idTypeHint')} onChange={(type) => set({ type })} />
            <TextField label={t('prisoner.person.idNumber')} path={`${prefix}.number`} value={v.number} required hint={t('confidential.alwaysHint')} onChange={(number) => set({ number })} />
            <TextField label={t('prisoner.person.idIssuedBy')} path={`${prefix}.issuedBy`} value={v.issuedBy} onChange={(issuedBy) => set({ issuedBy })} />
            <DateField label={t('prisoner.person.idIssuedOn')} path={`${prefix}.issuedOn`} value={v.issuedOn} onChange={(issuedOn) => set({ issuedOn })} />
          </>
        )}
      </AddForm>
    );
  }
  return (
    <fieldset className="id-document is-confidential">
      <legend className="field-label">
        {t('prisoner.person.idDocument')} <ConfidentialBadge always />
      </legend>
      <FieldGrid>
        <TextField label={t('prisoner.person.idType')} path="person.idDocument.type" value={doc.type} required hint={t('prisoner.person.idTypeHint')} onChange={(type) => setDoc({ type })} />
        <TextField label={t('prisoner.person.idNumber')} path="person.idDocument.number" value={doc.number} required onChange={(number) => setDoc({ number })} />
        <TextField label={t('prisoner.person.idIssuedBy')} path="person.idDocument.issuedBy" value={doc.issuedBy} onChange={(v) => setDoc({ issuedBy: opt(v) })} />
        <DateField label={t('prisoner.person.idIssuedOn')} path="person.idDocument.issuedOn" value={doc.issuedOn} onChange={(v) => setDoc({ issuedOn: opt(v) })} />
        <div className="field field-actions">
          <button
            type="button"
            className="btn btn-small btn-danger-quiet"
            onClick={() => {
              session?.clearScratch('field:person.idDocument.');
              edit((d) => ({ ...d, person: { ...d.person, idDocument: undefined } }));
              toast({ message: t('prisoner.person.idDocumentRemoved'), action: { label: t('common.undo'), run: () => edit((d) => ({ ...d, person: { ...d.person, idDocument: doc } })) } });
            }}
          >
            {t('prisoner.person.removeIdDocument')}
          </button>
        </div>
      </FieldGrid>
      <p className="field-hint">{t('confidential.alwaysHint')}</p>
    </fieldset>
  );
}
