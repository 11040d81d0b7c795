import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { recordAudit } from '#app/admin/audit.server.ts'
import { countryName, countryOptions } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { ActivityFields } from '#app/components/activity-fields.tsx'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { ConfirmCheckbox } from '#app/components/ui/field.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import {
  activityFormSchema,
  activityFormValues,
  canRecordParticipants,
  formatDayRange,
  GENDERS,
  genderField,
  headcountFormValues,
  parseHeadcountForm,
  totalField,
} from '#app/reporting/activities.ts'
import { deleteActivity, getActivity, getActivityHeader, programmeToday, replaceHeadcounts, updateActivity } from '#app/reporting/activities.server.ts'
import { formatDay } from '#app/reporting/dates.ts'
import { formValues, parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { transaction } from '#app/utils/db.server.ts'

// One offline activity (admin): its details, its participants (a headcount per
// stakeholder group, optionally by gender, and a named attendance list imported
// from a CSV file), editing and deleting it.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const activity = await getActivity(params.activity ?? '')
  invariantResponse(activity, 'Not found', { status: 404 })
  return {
    title: activity.title,
    locale,
    countries: countryOptions(locale),
    activity: {
      id: activity.id,
      title: activity.title,
      kind: activity.kind,
      days: formatDayRange(activity.startsOn, activity.endsOn, locale),
      firstDay: formatDay(activity.startsOn, locale),
      city: activity.city,
      countryName: countryName(activity.country, locale),
      organiser: activity.organiser,
      audienceGroups: activity.audienceGroups,
      notes: activity.notes,
      updatedAt: activity.updatedAt.toISOString(),
    },
    held: canRecordParticipants(activity.startsOn, programmeToday()),
    formValues: activityFormValues({ ...activity, startsOn: new Date(`${activity.startsOn}T00:00:00Z`), endsOn: new Date(`${activity.endsOn}T00:00:00Z`) }),
    headcountValues: headcountFormValues(activity.headcounts),
    attendance: activity.attendance,
    counted: activity.counted,
    participants: activity.participants,
    subtitle: t('activities.title'),
  }
}

export const meta = titleMeta

type ActionResult = {
  intent: 'update' | 'headcounts' | 'delete'
  errors: FieldErrors | null
  values: Record<string, string> | null
  saved: boolean
}

const result = (value: ActionResult, status = 200) => data(value, { status })

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const id = params.activity ?? ''
  const form = await request.formData()
  const intent = form.get('intent')

  if (intent === 'update') {
    const parsed = parseForm(activityFormSchema, form)
    if (!parsed.ok) return result({ intent, errors: parsed.errors, values: parsed.values, saved: false }, 400)
    const outcome = await transaction(async () => {
      const updated = await updateActivity(id, parsed.data)
      if (updated.ok) await recordAudit(admin, 'activity.updated', { type: 'activity', id, label: parsed.data.title })
      return updated
    })
    if (!outcome.ok) {
      invariantResponse(outcome.reason !== 'not-found', 'Not found', { status: 404 })
      return result({ intent, errors: { startsOn: 'activities.errors.participantsBeforeStart' }, values: formValues(form), saved: false }, 400)
    }
    return result({ intent, errors: null, values: null, saved: true })
  }

  if (intent === 'headcounts') {
    const values = formValues(form)
    const parsed = parseHeadcountForm(values)
    if (!parsed.ok) return result({ intent, errors: parsed.errors, values, saved: false }, 400)
    const outcome = await transaction(async () => {
      const saved = await replaceHeadcounts(id, parsed.rows)
      if (saved.ok) {
        const activity = await getActivityHeader(id)
        await recordAudit(admin, 'activity.headcounts_saved', { type: 'activity', id, label: activity?.title }, { count: saved.count })
      }
      return saved
    })
    if (!outcome.ok) {
      invariantResponse(outcome.reason !== 'not-found', 'Not found', { status: 404 })
      return result({ intent, errors: { form: 'activities.errors.notYetHeld' }, values, saved: false }, 400)
    }
    return result({ intent, errors: null, values: null, saved: true })
  }

  if (intent === 'delete') {
    if (form.get('confirm') !== 'yes') {
      return result({ intent, errors: { confirm: 'activities.errors.confirmDelete' }, values: null, saved: false }, 400)
    }
    // Its title is read first: afterwards there is nothing left to name it by.
    await transaction(async () => {
      const activity = await getActivityHeader(id)
      invariantResponse(activity && (await deleteActivity(id)), 'Not found', { status: 404 })
      await recordAudit(admin, 'activity.deleted', { type: 'activity', id, label: activity.title })
    })
    return redirect('/admin/activities?deleted=1')
  }

  throw new Response('Bad request', { status: 400, statusText: 'Bad request' })
}

export default function AdminActivity() {
  const { t } = useTranslation()
  const { activity, held, locale, subtitle, attendance, counted, participants } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const number = new Intl.NumberFormat(locale)
  // The notices of the step that led here, until the next form on the page is sent.
  const imported = actionData ? 0 : Number(searchParams.get('imported') ?? 0)
  const created = !actionData && Boolean(searchParams.get('created'))
  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('admin.title'), to: '/admin' },
          { label: subtitle, to: '/admin/activities' },
          { label: activity.title, current: true },
        ]}
      />
      <h1>
        <bdi>{activity.title}</bdi>
      </h1>
      {created ? (
        <p className="notice notice--success" role="status">
          {t(held ? 'activities.created' : 'activities.createdPlanned')}
        </p>
      ) : null}
      {imported > 0 ? (
        <p className="notice notice--success" role="status">
          {t('activities.imported', { count: imported, number: number.format(imported) })}
        </p>
      ) : null}
      <dl className="details-list">
        <dt>{t('activities.fields.kind')}</dt>
        <dd>{t(`activities.kinds.${activity.kind}`)}</dd>
        <dt>{t('activities.columns.dates')}</dt>
        <dd>{activity.days}</dd>
        <dt>{t('activities.columns.place')}</dt>
        <dd>
          {activity.city ? (
            <>
              <bdi>{activity.city}</bdi>
              {t('activities.listSeparator')}
            </>
          ) : null}
          {activity.countryName}
        </dd>
        {activity.organiser ? (
          <>
            <dt>{t('activities.fields.organiser')}</dt>
            <dd>
              <bdi>{activity.organiser}</bdi>
            </dd>
          </>
        ) : null}
        <dt>{t('activities.fields.audience')}</dt>
        <dd>{activity.audienceGroups.map((group) => t(`groups.${group}`)).join(t('activities.listSeparator'))}</dd>
        {activity.notes ? (
          <>
            <dt>{t('activities.fields.notes')}</dt>
            <dd dir="auto" className="activity-notes">
              {activity.notes}
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="participants-title">
        <h2 id="participants-title">{t('activities.participantsTitle')}</h2>
        <ul className="stat-grid">
          <li className="stat">
            <span className="stat__value">{number.format(participants)}</span>
            <span className="stat__label">{t('activities.participantsTotal')}</span>
          </li>
          <li className="stat">
            <span className="stat__value">{number.format(attendance.named)}</span>
            <span className="stat__label">{t('activities.participantsNamed')}</span>
          </li>
          <li className="stat">
            <span className="stat__value">{number.format(counted)}</span>
            <span className="stat__label">{t('activities.participantsCounted')}</span>
          </li>
        </ul>
        <p className="field__help">{t('activities.participantsHelp')}</p>
        {held ? null : (
          <p className="notice" role="note">
            {t('activities.notYetHeld', { date: activity.firstDay })}
          </p>
        )}
      </section>

      {held ? <HeadcountSection actionData={actionData} /> : null}
      {held ? <AttendanceSection /> : null}
      <EditSection actionData={actionData} />
      <DeleteSection actionData={actionData} />
    </div>
  )
}

type ActionData = ReturnType<typeof useActionData<typeof action>>

function HeadcountSection({ actionData }: { actionData: ActionData }) {
  const { t } = useTranslation()
  const { headcountValues } = useLoaderData<typeof loader>()
  const submitting = useNavigation().formData?.get('intent') === 'headcounts'
  const mine = actionData?.intent === 'headcounts' ? actionData : null
  const errors = mine?.errors ?? {}
  const values: Record<string, string | undefined> = mine?.values ?? headcountValues
  const columns = [
    { key: 'total', field: totalField, label: t('activities.headcount.total') },
    ...GENDERS.map((gender) => ({ key: gender, field: (group: (typeof STAKEHOLDER_GROUPS)[number]) => genderField(group, gender), label: t(`activities.genders.${gender}`) })),
  ]
  return (
    <section aria-labelledby="headcounts-title">
      <h2 id="headcounts-title">{t('activities.headcount.title')}</h2>
      <p>{t('activities.headcount.help')}</p>
      <p className="field__help">{t('activities.headcount.noDoubleCounting')}</p>
      {mine?.saved ? (
        <p className="notice notice--success" role="status">
          {t('activities.headcount.saved')}
        </p>
      ) : null}
      <Form method="post" id="headcounts" className="form" noValidate key={JSON.stringify(headcountValues)}>
        <input type="hidden" name="intent" value="headcounts" />
        <HeadcountErrors errors={errors} columns={columns} />
        <TableWrap className="headcount-wrap">
          <table className="headcount-table">
            <thead>
              <tr>
                <th scope="col" rowSpan={2} id="hc-group">
                  {t('fields.stakeholderGroupShort')}
                </th>
                <th scope="col" rowSpan={2} id="hc-col-total" className="num">
                  {t('activities.headcount.total')}
                </th>
                <th scope="colgroup" colSpan={GENDERS.length} id="hc-by-gender">
                  {t('activities.headcount.byGender')}
                </th>
              </tr>
              <tr>
                {GENDERS.map((gender) => (
                  <th scope="col" key={gender} id={`hc-col-${gender}`} className="num">
                    {t(`activities.genders.${gender}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {STAKEHOLDER_GROUPS.map((group) => (
                <tr key={group}>
                  <th scope="row" id={`hc-row-${group}`}>
                    {t(`groups.${group}`)}
                  </th>
                  {columns.map((column) => {
                    const name = column.field(group)
                    const id = `headcounts-${name}`
                    const error = errors[name]
                    return (
                      <td key={column.key} className={error ? 'num field--invalid' : 'num'}>
                        <input
                          id={id}
                          name={name}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={100000}
                          step={1}
                          defaultValue={values[name] ?? ''}
                          aria-labelledby={`hc-row-${group} hc-col-${column.key}`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                        />
                        {error ? (
                          <span className="field__error" id={`${id}-error`}>
                            <span aria-hidden="true">⚠ </span>
                            {t(error)}
                          </span>
                        ) : null}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <button type="submit" className="button" disabled={submitting}>
          {t('activities.headcount.save')}
        </button>
      </Form>
    </section>
  )
}

/** The headcount table's problems, each naming its group and column, linked to its box. */
function HeadcountErrors({ errors, columns }: { errors: FieldErrors; columns: { key: string; field: (group: (typeof STAKEHOLDER_GROUPS)[number]) => string; label: string }[] }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const entries: { field: string; label: string; message: string }[] = []
  if (errors.form) entries.push({ field: '', label: '', message: t(errors.form) })
  for (const group of STAKEHOLDER_GROUPS) {
    for (const column of columns) {
      const field = column.field(group)
      const error = errors[field]
      if (error) entries.push({ field, label: `${t(`groups.${group}`)} – ${column.label}`, message: t(error) })
    }
  }
  const first = entries.find((entry) => entry.field)?.field
  useEffect(() => {
    if (first) document.getElementById(`headcounts-${first}`)?.focus()
    else if (entries.length > 0) ref.current?.focus()
  }, [errors, first, entries.length])
  if (entries.length === 0) return null
  return (
    <div className="error-summary" role="alert" aria-labelledby="headcounts-errors" ref={ref} tabIndex={-1}>
      <h3 id="headcounts-errors">{t('forms.errorSummary', { count: entries.length })}</h3>
      <ul>
        {entries.map((entry) => (
          <li key={entry.field || 'form'}>
            {entry.field ? (
              <a href={`#headcounts-${entry.field}`}>
                {entry.label}: {entry.message}
              </a>
            ) : (
              entry.message
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

function AttendanceSection() {
  const { t } = useTranslation()
  const { activity, attendance, locale } = useLoaderData<typeof loader>()
  const number = new Intl.NumberFormat(locale)
  return (
    <section aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('activities.attendance.title')}</h2>
      {attendance.named === 0 ? (
        <p>{t('activities.attendance.none')}</p>
      ) : (
        <>
          <p>
            {t('activities.attendance.summary', { count: attendance.named, number: number.format(attendance.named) })}{' '}
            {t('activities.attendance.withEmail', { count: attendance.withEmail, number: number.format(attendance.withEmail) })}
          </p>
          <TableWrap className="activity-narrow-table">
            <table>
              <caption className="visually-hidden">{t('activities.attendance.byGroupCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.stakeholderGroupShort')}</th>
                  <th scope="col" className="num">
                    {t('activities.attendance.people')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {STAKEHOLDER_GROUPS.filter((group) => attendance.byGroup[group] > 0).map((group) => (
                  <tr key={group}>
                    <th scope="row">{t(`groups.${group}`)}</th>
                    <td className="num">{number.format(attendance.byGroup[group])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
      <p className="actions">
        <Link to={`/admin/activities/${activity.id}/attendance`} className="button button--secondary">
          {attendance.named === 0 ? t('activities.attendance.importLink') : t('activities.attendance.replaceLink')}
        </Link>
      </p>
    </section>
  )
}

function EditSection({ actionData }: { actionData: ActionData }) {
  const { t } = useTranslation()
  const { countries, formValues: stored, activity } = useLoaderData<typeof loader>()
  const submitting = useNavigation().formData?.get('intent') === 'update'
  const mine = actionData?.intent === 'update' ? actionData : null
  const errors: FieldErrors | undefined = mine?.errors ?? undefined
  return (
    <section aria-labelledby="edit-title">
      <h2 id="edit-title">{t('activities.editTitle')}</h2>
      {mine?.saved ? (
        <p className="notice notice--success" role="status">
          {t('activities.updated')}
        </p>
      ) : null}
      <details className="activity-edit" open={Boolean(errors)}>
        <summary>{t('activities.editSummary')}</summary>
        <Form method="post" className="form" id="activity" noValidate key={activity.updatedAt}>
          <input type="hidden" name="intent" value="update" />
          <ErrorSummary errors={errors} formId="activity" />
          <ActivityFields formId="activity" countries={countries} values={mine?.values ?? stored} errors={errors} />
          <button type="submit" className="button" disabled={submitting}>
            {t('activities.save')}
          </button>
        </Form>
      </details>
    </section>
  )
}

function DeleteSection({ actionData }: { actionData: ActionData }) {
  const { t } = useTranslation()
  const { participants, locale } = useLoaderData<typeof loader>()
  const submitting = useNavigation().formData?.get('intent') === 'delete'
  const error = actionData?.intent === 'delete' ? actionData.errors?.confirm : undefined
  useEffect(() => {
    if (error) document.getElementById('delete-confirm')?.focus()
  }, [error, actionData])
  return (
    <section aria-labelledby="delete-title" className="activity-danger">
      <h2 id="delete-title">{t('activities.delete.title')}</h2>
      <p>
        {participants === 0
          ? t('activities.delete.warningEmpty')
          : t('activities.delete.warning', { count: participants, number: new Intl.NumberFormat(locale).format(participants) })}
      </p>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="delete" />
        <ConfirmCheckbox id="delete-confirm" label={t('activities.delete.confirm')} error={error} />
        <button type="submit" className="button button--danger" disabled={submitting}>
          {t('activities.delete.submit')}
        </button>
      </Form>
    </section>
  )
}
