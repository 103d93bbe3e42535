// The fields of a submission, shared by the citizen's form and staff intake.
import type { Dispatch, SetStateAction } from 'react';
import { ID_TYPES, KINDS, type Category } from '../api/types';
import { CheckField, SelectField, TextArea, TextField } from './ui';
import { useI18n } from '../i18n';
import type { DraftFields } from '../lib/draft';
import { fieldId } from '../lib/fields';
import { todayInWita } from '../lib/format';

interface Props {
  fields: DraftFields;
  setFields: Dispatch<SetStateAction<DraftFields>>;
  categories: Category[];
  errors: Record<string, string>;
}

export function ComplaintFields({ fields, setFields, categories, errors }: Props) {
  const { t } = useI18n();
  const set = <K extends keyof DraftFields>(key: K, value: DraftFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const err = (path: string) => errors[path];
  const identified = fields.kind === 'complaint' || fields.identified;
  const chosen = categories.find((c) => c.id === fields.category_id);
  return (
    <>
          <fieldset>
            <legend>{t('submit.sectionWhat')}</legend>
            <fieldset className="radios" aria-describedby="f-kind-hint">
              <legend>
                {t('submit.kind')} <span className="req">({t('form.required')})</span>
              </legend>
              {KINDS.map((k) => (
                <label key={k} className="radio">
                  <input
                    type="radio"
                    name="kind"
                    value={k}
                    checked={fields.kind === k}
                    onChange={() => set('kind', k)}
                  />{' '}
                  {t(`kind.${k}`)}
                </label>
              ))}
              <p className="hint" id="f-kind-hint">
                {fields.kind === 'complaint' ? t('submit.kindHelp.complaint') : t('submit.kindHelp.other')}
              </p>
            </fieldset>
            <SelectField
              id={fieldId('category_id')}
              label={t('submit.category')}
              required
              value={fields.category_id}
              onChange={(e) => set('category_id', e.target.value)}
              error={err('category_id')}
              hint={chosen ? `${chosen.description} · ${t('submit.categoryDays', { days: chosen.resolution_days })}` : undefined}
            >
              <option value="">{t('submit.categoryChoose')}</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <TextField
              id={fieldId('subject')}
              label={t('submit.subject')}
              required
              maxLength={200}
              value={fields.subject}
              onChange={(e) => set('subject', e.target.value)}
              hint={t('submit.subjectHelp')}
              error={err('subject')}
            />
            <TextArea
              id={fieldId('description')}
              label={t('submit.description')}
              required
              maxLength={10000}
              rows={7}
              value={fields.description}
              onChange={(e) => set('description', e.target.value)}
              hint={t('submit.descriptionHelp')}
              error={err('description')}
            />
            <TextField
              id={fieldId('incident_date')}
              type="date"
              label={t('submit.incidentDate')}
              max={todayInWita()}
              value={fields.incident_date}
              onChange={(e) => set('incident_date', e.target.value)}
              error={err('incident_date')}
            />
            <TextField
              id={fieldId('incident_place')}
              label={t('submit.incidentPlace')}
              maxLength={300}
              value={fields.incident_place}
              onChange={(e) => set('incident_place', e.target.value)}
              error={err('incident_place')}
            />
          </fieldset>

          <fieldset>
            <legend>{t('submit.sectionWho')}</legend>
            {fields.kind !== 'complaint' ? (
              <fieldset className="radios">
                <legend className="visually-hidden">{t('submit.sectionWho')}</legend>
                <label className="radio">
                  <input type="radio" name="identified" checked={fields.identified} onChange={() => set('identified', true)} />{' '}
                  {t('submit.identified')}
                </label>
                <label className="radio">
                  <input
                    type="radio"
                    name="identified"
                    checked={!fields.identified}
                    onChange={() => setFields((f) => ({ ...f, identified: false, anonymous: false }))}
                  />{' '}
                  {t('submit.noIdentity')}
                </label>
              </fieldset>
            ) : null}
            {err('reporter') ? (
              <p className="field-error" id={fieldId('reporter')} tabIndex={-1}>
                {err('reporter')}
              </p>
            ) : null}
            {identified ? (
              <>
                <TextField
                  id={fieldId('reporter.name')}
                  label={t('submit.name')}
                  required
                  autoComplete="name"
                  maxLength={150}
                  value={fields.name}
                  onChange={(e) => set('name', e.target.value)}
                  error={err('reporter.name')}
                />
                <SelectField
                  id={fieldId('reporter.id_type')}
                  label={t('submit.idType')}
                  required={fields.kind === 'complaint'}
                  value={fields.id_type}
                  onChange={(e) => set('id_type', e.target.value as DraftFields['id_type'])}
                  error={err('reporter.id_type')}
                >
                  <option value="">—</option>
                  {ID_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`idType.${type}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  id={fieldId('reporter.id_number')}
                  label={t('submit.idNumber')}
                  required={fields.kind === 'complaint'}
                  inputMode={fields.id_type === 'ktp' ? 'numeric' : undefined}
                  maxLength={40}
                  value={fields.id_number}
                  onChange={(e) => set('id_number', e.target.value)}
                  hint={fields.id_type === 'ktp' ? t('submit.idNumberHelp') : undefined}
                  error={err('reporter.id_number')}
                />
                <TextArea
                  id={fieldId('reporter.address')}
                  label={t('submit.address')}
                  required={fields.kind === 'complaint'}
                  autoComplete="street-address"
                  rows={2}
                  maxLength={500}
                  value={fields.address}
                  onChange={(e) => set('address', e.target.value)}
                  error={err('reporter.address')}
                />
                <TextField
                  id={fieldId('reporter.phone')}
                  type="tel"
                  autoComplete="tel"
                  label={t('submit.phone')}
                  value={fields.phone}
                  onChange={(e) => set('phone', e.target.value)}
                  hint={t('submit.contactHelp')}
                  error={err('reporter.phone')}
                />
                <TextField
                  id={fieldId('reporter.email')}
                  type="email"
                  autoComplete="email"
                  label={t('submit.email')}
                  value={fields.email}
                  onChange={(e) => set('email', e.target.value)}
                  error={err('reporter.email')}
                />
                <CheckField
                  id={fieldId('anonymous')}
                  label={t('submit.anonymous')}
                  checked={fields.anonymous}
                  onChange={(e) => set('anonymous', e.target.checked)}
                  hint={t('submit.anonymousHelp')}
                  error={err('anonymous')}
                />
              </>
            ) : null}
            <CheckField
              id={fieldId('confidential')}
              label={t('submit.confidential')}
              checked={fields.confidential}
              onChange={(e) => set('confidential', e.target.checked)}
              hint={t('submit.confidentialHelp')}
              error={err('confidential')}
            />
          </fieldset>
    </>
  );
}
