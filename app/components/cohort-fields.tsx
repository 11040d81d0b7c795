import { useTranslation } from 'react-i18next'
import { CountryField } from '#app/components/ui/choice-fields.tsx'
import { Field, SelectField, TextAreaField } from '#app/components/ui/field.tsx'
import { langDir } from '#app/i18n/config.ts'
import { COHORT_NAME_MAX, FACILITATORS_MAX } from '#app/reporting/cohorts.ts'
import type { FieldErrors } from '#app/utils/forms.ts'

export type CohortCourseOption = { slug: string; title: { text: string; lang: string } }

/** A cohort's name, country, course, dates and facilitators: the new-cohort form's and the cohort page's. */
export function CohortFields({
  idPrefix,
  countries,
  courses,
  values,
  errors,
}: {
  idPrefix: string
  countries: { code: string; name: string }[]
  courses: CohortCourseOption[]
  values: Record<string, string | undefined>
  errors?: FieldErrors
}) {
  const { t } = useTranslation()
  return (
    <>
      <Field
        id={`${idPrefix}-name`}
        label={t('cohorts.fields.name')}
        help={t('cohorts.fields.nameHelp')}
        name="name"
        dir="auto"
        required
        maxLength={COHORT_NAME_MAX}
        defaultValue={values.name ?? ''}
        error={errors?.name}
      />
      <CountryField countries={countries} id={`${idPrefix}-country`} label={t('fields.country')} name="country" required defaultValue={values.country ?? ''} error={errors?.country} />
      <SelectField
        id={`${idPrefix}-courseSlug`}
        label={t('cohorts.fields.course')}
        help={t('cohorts.fields.courseHelp')}
        name="courseSlug"
        required
        defaultValue={values.courseSlug ?? (courses.length === 1 ? courses[0]!.slug : '')}
        error={errors?.courseSlug}
      >
        {courses.length === 1 ? null : <option value="">{t('fields.choose')}</option>}
        {courses.map((course) => (
          <option key={course.slug} value={course.slug} {...langDir(course.title.lang)}>
            {course.title.text}
          </option>
        ))}
      </SelectField>
      <div className="cohort-dates">
        <Field
          id={`${idPrefix}-startsOn`}
          label={t('cohorts.fields.startsOn')}
          name="startsOn"
          type="date"
          required
          defaultValue={values.startsOn ?? ''}
          error={errors?.startsOn}
        />
        <Field
          id={`${idPrefix}-endsOn`}
          label={t('cohorts.fields.endsOn')}
          name="endsOn"
          type="date"
          required
          defaultValue={values.endsOn ?? ''}
          error={errors?.endsOn}
        />
      </div>
      <TextAreaField
        id={`${idPrefix}-facilitators`}
        label={t('cohorts.fields.facilitators')}
        help={t('cohorts.fields.facilitatorsHelp')}
        name="facilitators"
        dir="auto"
        rows={3}
        maxLength={FACILITATORS_MAX}
        defaultValue={values.facilitators ?? ''}
        error={errors?.facilitators}
      />
    </>
  )
}
