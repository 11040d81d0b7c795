import { useTranslation } from 'react-i18next'
import { SelectField } from './field.tsx'
import { langDir } from '#app/i18n/config.ts'

export type FilterOption = { value: string; label: string; lang?: string }
export type FilterOptionGroup = { label: string; options: FilterOption[] }

/** A select of a filter form ("All" first), for `.report-filters` forms; options may come in labelled groups. */
export function FilterSelect({
  id,
  label,
  name,
  value,
  options,
}: {
  id: string
  label: string
  name: string
  value: string | null | undefined
  options: FilterOption[] | FilterOptionGroup[]
}) {
  const { t } = useTranslation()
  const option = (o: FilterOption) => (
    <option key={o.value} value={o.value} {...langDir(o.lang)}>
      {o.label}
    </option>
  )
  return (
    <SelectField id={id} label={label} name={name} defaultValue={value ?? ''}>
      <option value="">{t('reports.all')}</option>
      {options.map((o) =>
        'options' in o ? (
          o.options.length > 0 ? (
            <optgroup key={o.label} label={o.label}>
              {o.options.map(option)}
            </optgroup>
          ) : null
        ) : (
          option(o)
        ),
      )}
    </SelectField>
  )
}
