import type { ComponentProps } from 'react'
import { useTranslation } from 'react-i18next'
import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { SelectField } from './field.tsx'

type SelectProps = Omit<ComponentProps<typeof SelectField>, 'children'>

/** A country select ("Choose…" first), with the countries named in the reader's language (countryOptions). */
export function CountryField({ countries, ...select }: SelectProps & { countries: { code: string; name: string }[] }) {
  const { t } = useTranslation()
  return (
    <SelectField {...select}>
      <option value="">{t('fields.choose')}</option>
      {countries.map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
    </SelectField>
  )
}

/** A stakeholder group select ("Choose…" first). */
export function GroupField(select: SelectProps) {
  const { t } = useTranslation()
  return (
    <SelectField {...select}>
      <option value="">{t('fields.choose')}</option>
      {STAKEHOLDER_GROUPS.map((group) => (
        <option key={group} value={group}>
          {t(`groups.${group}`)}
        </option>
      ))}
    </SelectField>
  )
}
