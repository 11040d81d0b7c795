import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { recordAudit } from '#app/admin/audit.server.ts'
import { countryOptions } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { ActivityFields } from '#app/components/activity-fields.tsx'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { activityFormSchema } from '#app/reporting/activities.ts'
import { createActivity } from '#app/reporting/activities.server.ts'
import { parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { transaction } from '#app/utils/db.server.ts'

// Recording a new offline activity (admin). Its participants are added on the
// activity's own page once it is saved.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  return { title: t('activities.newTitle'), countries: countryOptions(locale) }
}

export const meta = titleMeta

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const parsed = parseForm(activityFormSchema, await request.formData())
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const id = await transaction(async () => {
    const created = await createActivity(parsed.data, admin.id)
    await recordAudit(admin, 'activity.created', { type: 'activity', id: created.id, label: parsed.data.title })
    return created.id
  })
  return redirect(`/admin/activities/${id}?created=1`)
}

export default function NewActivity() {
  const { t } = useTranslation()
  const { countries } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors: FieldErrors | undefined = actionData?.errors
  return (
    <div className="page page--reading">
      <Breadcrumbs
        items={[
          { label: t('admin.title'), to: '/admin' },
          { label: t('activities.title'), to: '/admin/activities' },
          { label: t('activities.newTitle'), current: true },
        ]}
      />
      <h1>{t('activities.newTitle')}</h1>
      <p className="lead">{t('activities.newLead')}</p>
      <Form method="post" className="form" id="activity" noValidate>
        <ErrorSummary errors={errors} formId="activity" />
        <ActivityFields formId="activity" countries={countries} values={actionData?.values ?? {}} errors={errors} />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('activities.saving') : t('activities.create')}
        </button>
      </Form>
    </div>
  )
}
