import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { recordAudit } from '#app/admin/audit.server.ts'
import { countryOptions } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { CohortFields } from '#app/components/cohort-fields.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { cohortSchema } from '#app/reporting/cohorts.ts'
import { createCohort, totCourses } from '#app/reporting/cohorts.server.ts'
import { parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { transaction } from '#app/utils/db.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  return { title: t('cohorts.newTitle'), countries: countryOptions(locale), courses: totCourses(locale) }
}

export const meta = titleMeta

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const { locale } = await getTranslator(request)
  const schema = cohortSchema(totCourses(locale).map((course) => course.slug))
  const parsed = parseForm(schema, await request.formData())
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const cohort = await transaction(async () => {
    const created = await createCohort(parsed.data)
    await recordAudit(admin, 'cohort.created', { type: 'cohort', id: created.id, label: parsed.data.name })
    return created
  })
  return redirect(`/admin/cohorts/${cohort.id}?created=1`)
}

export default function AdminCohortNew() {
  const { t } = useTranslation()
  const { countries, courses } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors: FieldErrors | undefined = actionData?.errors
  return (
    <div className="page page--narrow">
      <Breadcrumbs
        items={[
          { label: t('admin.title'), to: '/admin' },
          { label: t('cohorts.title'), to: '/admin/cohorts' },
          { label: t('cohorts.newTitle'), current: true },
        ]}
      />
      <h1>{t('cohorts.newTitle')}</h1>
      <p className="lead">{t('cohorts.newLead')}</p>
      <Form method="post" className="form" id="cohort" noValidate>
        <ErrorSummary errors={errors} formId="cohort" />
        <CohortFields idPrefix="cohort" countries={countries} courses={courses} values={actionData?.values ?? {}} errors={errors} />
        <button type="submit" className="button" disabled={submitting}>
          {t('cohorts.create')}
        </button>
      </Form>
    </div>
  )
}
