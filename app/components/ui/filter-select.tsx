import { useTranslation } from 'react-i18next'
import { SelectField } from './field.tsx'
import { langDir } from '#app/i18n/config.ts'

export type FilterOption = { value: string; label: string; lang?: string }

/** A select of a filter form ("All" first), for `.report-filters` forms. */
export function FilterSelect({ id, label, name, value, options }: { id: string; label: string; name: string; value: string | null | undefined; options: FilterOption[] }) {
  const { t } = useTranslation()
  return (
    <SelectField id={id} label={label} name={name} defaultValue={value ?? ''}>
      <option value="">{t('reports.all')}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value} {...langDir(option.lang)}>
          {option.label}
        </option>
      ))}
    </SelectField>
  )
}
