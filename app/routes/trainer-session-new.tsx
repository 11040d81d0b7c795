import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { countryOptions } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { CountryField, GroupField } from '#app/components/ui/choice-fields.tsx'
import { Field, TextAreaField } from '#app/components/ui/field.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { AGE_BANDS, ageField, cascadeSessionSchema, MAX_HEADCOUNT, NOTES_MAX_LENGTH, PLACE_MAX_LENGTH, sessionFormValues } from '#app/reporting/cascade.ts'
import { findOwnSession, logSession, updateOwnSession } from '#app/reporting/cascade.server.ts'
import { dayInZone } from '#app/reporting/dates.ts'
import { env } from '#app/utils/env.server.ts'
import { parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'

// A trainer logs a cascade session they delivered (or, with ?edit=<id>,
// corrects one of theirs that is still waiting for review).

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'trainer')
  const { t, locale } = await getTranslator(request)
  const editId = new URL(request.url).searchParams.get('edit')
  let values: Record<string, string> = { country: user.country }
  if (editId) {
    const session = await findOwnSession(user.id, editId)
    invariantResponse(session, 'Not found', { status: 404 })
    if (session.status !== 'pending') throw redirect('/trainer/sessions?notice=locked')
    values = sessionFormValues(session)
  }
  return {
    title: editId ? t('cascade.form.titleEdit') : t('cascade.form.titleNew'),
    today: dayInZone(new Date(), env.PROGRAMME_TIME_ZONE),
    countries: countryOptions(locale),
    sessionId: editId,
    values,
  }
}

export const meta = titleMeta

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'trainer')
  const form = await request.formData()
  const parsed = parseForm(cascadeSessionSchema(dayInZone(new Date(), env.PROGRAMME_TIME_ZONE)), form)
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  const sessionId = form.get('sessionId')
  if (typeof sessionId === 'string' && sessionId) {
    const outcome = await updateOwnSession(user.id, sessionId, parsed.data)
    if (!outcome.ok) return redirect(`/trainer/sessions?notice=${outcome.reason === 'not-found' ? 'gone' : 'locked'}`)
    return redirect('/trainer/sessions?notice=updated')
  }
  await logSession(user.id, parsed.data)
  return redirect('/trainer/sessions?notice=logged')
}

const FORM_ID = 'session'

export default function TrainerSessionNew() {
  const { t } = useTranslation()
  const loaderData = useLoaderData<typeof loader>()
  const { countries, today, sessionId } = loaderData
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors: FieldErrors | undefined = actionData?.errors
  const values: Record<string, string | undefined> = actionData?.values ?? loaderData.values
  const title = sessionId ? t('cascade.form.titleEdit') : t('cascade.form.titleNew')
  const countField = (name: string, label: string) => (
    <Field
      id={`${FORM_ID}-${name}`}
      label={label}
      name={name}
      type="number"
      inputMode="numeric"
      min={0}
      max={MAX_HEADCOUNT}
      step={1}
      defaultValue={values[name] ?? ''}
      error={errors?.[name]}
    />
  )
  return (
    <div className="page page--narrow">
      <Breadcrumbs items={[{ label: t('cascade.mine.title'), to: '/trainer/sessions' }, { label: title, current: true }]} />
      <h1>{title}</h1>
      <p className="lead">{sessionId ? t('cascade.form.leadEdit') : t('cascade.form.lead')}</p>
      <Form method="post" className="form" id={FORM_ID} noValidate>
        <ErrorSummary errors={errors} formId={FORM_ID} />
        {sessionId ? <input type="hidden" name="sessionId" value={sessionId} /> : null}
        <Field
          id={`${FORM_ID}-deliveredOn`}
          label={t('cascade.form.deliveredOn')}
          name="deliveredOn"
          type="date"
          max={today}
          required
          defaultValue={values.deliveredOn ?? ''}
          error={errors?.deliveredOn}
        />
        <Field
          id={`${FORM_ID}-place`}
          label={t('cascade.form.place')}
          help={t('cascade.form.placeHelp')}
          name="place"
          dir="auto"
          required
          maxLength={PLACE_MAX_LENGTH}
          defaultValue={values.place ?? ''}
          error={errors?.place}
        />
        <CountryField countries={countries} id={`${FORM_ID}-country`} label={t('cascade.form.country')} name="country" required defaultValue={values.country ?? ''} error={errors?.country} />
        <GroupField
          id={`${FORM_ID}-audienceGroup`}
          label={t('cascade.form.audienceGroup')}
          help={t('cascade.form.audienceHelp')}
          name="audienceGroup"
          required
          defaultValue={values.audienceGroup ?? ''}
          error={errors?.audienceGroup} />
        <Field
          id={`${FORM_ID}-headcount`}
          label={t('cascade.form.headcount')}
          help={t('cascade.form.headcountHelp')}
          name="headcount"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_HEADCOUNT}
          step={1}
          required
          defaultValue={values.headcount ?? ''}
          error={errors?.headcount}
        />
        <fieldset className="cascade-breakdown" aria-describedby={`${FORM_ID}-gender-help`}>
          <legend>{t('cascade.form.gender')}</legend>
          <p className="field__help" id={`${FORM_ID}-gender-help`}>
            {t('cascade.form.genderHelp')}
          </p>
          <div className="cascade-breakdown__fields">
            {countField('female', t('cascade.form.female'))}
            {countField('male', t('cascade.form.male'))}
          </div>
        </fieldset>
        <fieldset className="cascade-breakdown" aria-describedby={`${FORM_ID}-ages-help`}>
          <legend>{t('cascade.form.ages')}</legend>
          <p className="field__help" id={`${FORM_ID}-ages-help`}>
            {t('cascade.form.agesHelp')}
          </p>
          <div className="cascade-breakdown__fields">
            {AGE_BANDS.map((band) => (
              <Fragment key={band}>{countField(ageField(band), t(`cascade.form.age.${band}`))}</Fragment>
            ))}
          </div>
        </fieldset>
        <TextAreaField
          id={`${FORM_ID}-notes`}
          label={t('cascade.form.notes')}
          help={t('cascade.form.notesHelp')}
          name="notes"
          dir="auto"
          rows={4}
          maxLength={NOTES_MAX_LENGTH}
          defaultValue={values.notes ?? ''}
          error={errors?.notes}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? t('cascade.form.saving') : sessionId ? t('cascade.form.save') : t('cascade.form.submit')}
          </button>
          <Link to="/trainer/sessions" className="button button--secondary">
            {t('cascade.form.cancel')}
          </Link>
        </div>
      </Form>
    </div>
  )
}
