import { useTranslation } from 'react-i18next'
import { CountryField, GroupField } from '#app/components/ui/choice-fields.tsx'
import { Field, SelectField } from '#app/components/ui/field.tsx'
import { langDir, LOCALE_NAMES, SUPPORTED_LOCALES } from '#app/i18n/config.ts'
import type { FieldErrors } from '#app/utils/forms.ts'

/** Country, stakeholder group, organisation and language: the registration form's and the profile page's. */
export function ProfileFields({
  idPrefix,
  countries,
  values,
  errors,
}: {
  idPrefix: string
  countries: { code: string; name: string }[]
  values: Record<string, string | undefined>
  errors?: FieldErrors
}) {
  const { t } = useTranslation()
  return (
    <>
      <CountryField countries={countries} id={`${idPrefix}-country`} label={t('fields.country')} name="country" required defaultValue={values.country ?? ''} error={errors?.country} />
      <GroupField
        id={`${idPrefix}-stakeholderGroup`}
        label={t('fields.stakeholderGroup')}
        help={t('fields.stakeholderGroupHelp')}
        name="stakeholderGroup"
        required
        defaultValue={values.stakeholderGroup ?? ''}
        error={errors?.stakeholderGroup} />
      <Field
        id={`${idPrefix}-organisation`}
        label={t('fields.organisationOptional')}
        name="organisation"
        autoComplete="organization"
        dir="auto"
        maxLength={200}
        defaultValue={values.organisation ?? ''}
        error={errors?.organisation}
      />
      <SelectField
        id={`${idPrefix}-preferredLocale`}
        label={t('fields.preferredLocale')}
        name="preferredLocale"
        defaultValue={values.preferredLocale}
        error={errors?.preferredLocale}
      >
        {SUPPORTED_LOCALES.map((code) => (
          <option key={code} value={code} {...langDir(code)}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </SelectField>
    </>
  )
}
