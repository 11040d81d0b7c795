import { useTranslation } from 'react-i18next'
import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { CountryField } from '#app/components/ui/choice-fields.tsx'
import { Field, SelectField, TextAreaField } from '#app/components/ui/field.tsx'
import { ACTIVITY_KINDS, audienceField } from '#app/reporting/activities.ts'
import type { FieldErrors } from '#app/utils/forms.ts'

/**
 * The fields of an offline activity, for the new-activity page and the
 * activity's edit form. Field ids are `${formId}-${name}` so the error summary
 * can link to them (the audience's first box stands for the group).
 */
export function ActivityFields({
  formId,
  countries,
  values,
  errors,
}: {
  formId: string
  countries: { code: string; name: string }[]
  values: Record<string, string | undefined>
  errors?: FieldErrors
}) {
  const { t } = useTranslation()
  const audienceError = errors?.audienceGroups
  const audienceHelpId = `${formId}-audience-help`
  const audienceErrorId = `${formId}-audience-error`
  return (
    <>
      <Field
        id={`${formId}-title`}
        label={t('activities.fields.title')}
        name="title"
        dir="auto"
        required
        maxLength={200}
        defaultValue={values.title ?? ''}
        error={errors?.title}
      />
      <SelectField id={`${formId}-kind`} label={t('activities.fields.kind')} name="kind" required defaultValue={values.kind ?? ''} error={errors?.kind}>
        <option value="">{t('fields.choose')}</option>
        {ACTIVITY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`activities.kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      <div className="activity-dates">
        <Field
          id={`${formId}-startsOn`}
          label={t('activities.fields.startsOn')}
          help={t('activities.fields.startsOnHelp')}
          name="startsOn"
          type="date"
          required
          min="2000-01-01"
          defaultValue={values.startsOn ?? ''}
          error={errors?.startsOn}
        />
        <Field
          id={`${formId}-endsOn`}
          label={t('activities.fields.endsOn')}
          help={t('activities.fields.endsOnHelp')}
          name="endsOn"
          type="date"
          min="2000-01-01"
          defaultValue={values.endsOn ?? ''}
          error={errors?.endsOn}
        />
      </div>
      <CountryField countries={countries} id={`${formId}-country`} label={t('fields.country')} name="country" required defaultValue={values.country ?? ''} error={errors?.country} />
      <Field
        id={`${formId}-city`}
        label={t('activities.fields.cityOptional')}
        name="city"
        dir="auto"
        maxLength={100}
        defaultValue={values.city ?? ''}
        error={errors?.city}
      />
      <Field
        id={`${formId}-organiser`}
        label={t('activities.fields.organiserOptional')}
        help={t('activities.fields.organiserHelp')}
        name="organiser"
        dir="auto"
        maxLength={200}
        defaultValue={values.organiser ?? ''}
        error={errors?.organiser}
      />
      <fieldset
        className={audienceError ? 'activity-audience activity-audience--invalid' : 'activity-audience'}
        aria-describedby={[audienceHelpId, audienceError ? audienceErrorId : null].filter(Boolean).join(' ')}
      >
        <legend>{t('activities.fields.audience')}</legend>
        <p className="field__help" id={audienceHelpId}>
          {t('activities.fields.audienceHelp')}
        </p>
        <ul className="choices">
          {STAKEHOLDER_GROUPS.map((group, index) => {
            const name = audienceField(group)
            const id = index === 0 ? `${formId}-audienceGroups` : `${formId}-${name}`
            return (
              <li key={group}>
                <input type="checkbox" id={id} name={name} value="on" defaultChecked={Boolean(values[name])} aria-invalid={audienceError ? true : undefined} />
                <label htmlFor={id}>{t(`groups.${group}`)}</label>
              </li>
            )
          })}
        </ul>
        {audienceError ? (
          <p className="field__error" id={audienceErrorId}>
            <span aria-hidden="true">⚠ </span>
            {t(audienceError)}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        id={`${formId}-notes`}
        label={t('activities.fields.notesOptional')}
        name="notes"
        dir="auto"
        rows={3}
        maxLength={2000}
        defaultValue={values.notes ?? ''}
        error={errors?.notes}
      />
    </>
  )
}
