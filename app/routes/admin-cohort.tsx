import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { recordAudit } from '#app/admin/audit.server.ts'
import { countryName, countryOptions } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { CohortFields } from '#app/components/cohort-fields.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { Field } from '#app/components/ui/field.tsx'
import { langDir } from '#app/i18n/config.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { MEMBER_FIELD, addMemberSchema, cohortSchema, defaultAttendanceDay, formatDayRange, parseAttendanceForm } from '#app/reporting/cohorts.ts'
import {
  addMemberByEmail,
  cohortName,
  getCohort,
  markAttendance,
  removeMember,
  totCourses,
  unmarkAttendance,
  updateCohort,
} from '#app/reporting/cohorts.server.ts'
import { dayInZone, formatDay } from '#app/reporting/dates.ts'
import { env } from '#app/utils/env.server.ts'
import { formValues, parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { publicOrigin } from '#app/utils/public-url.server.ts'
import { transaction } from '#app/utils/db.server.ts'

// One Training of Trainers cohort (admin): its details, the invite link its
// educators join by, and its members with where each stands: online course
// completed, workshop attended, certified trainer. Marking attendance here
// certifies those who have completed the course.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const cohort = params.cohort ? await getCohort(params.cohort) : null
  invariantResponse(cohort, 'Cohort not found')
  const courses = totCourses(locale)
  const today = dayInZone(new Date(), env.PROGRAMME_TIME_ZONE)
  const day = (date: Date) => formatDay(dayInZone(date, env.PROGRAMME_TIME_ZONE), locale, 'medium')
  return {
    title: cohort.name,
    locale,
    today,
    created: new URL(request.url).searchParams.has('created'),
    cohort: {
      id: cohort.id,
      name: cohort.name,
      country: cohort.country,
      countryName: countryName(cohort.country, locale),
      courseSlug: cohort.courseSlug,
      course: courses.find((course) => course.slug === cohort.courseSlug)?.title ?? { text: cohort.courseSlug, lang: locale },
      dates: formatDayRange(cohort.startsOn, cohort.endsOn, locale),
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      facilitators: cohort.facilitators,
    },
    inviteUrl: `${publicOrigin(request)}/join/${cohort.inviteCode}`,
    defaultAttendedOn: defaultAttendanceDay(cohort.endsOn, today),
    members: cohort.members.map((member) => ({
      id: member.id,
      displayName: member.displayName,
      email: member.email,
      joined: day(member.joinedAt),
      completed: member.completedOn ? day(member.completedOn) : null,
      attended: member.attendedOn ? formatDay(member.attendedOn, locale, 'medium') : null,
      certificateId: member.certificateId,
    })),
    countries: countryOptions(locale),
    courses,
  }
}

export const meta = titleMeta

type Outcome =
  | { kind: 'updated' }
  | { kind: 'added' | 'alreadyMember' | 'removed'; name: string }
  | { kind: 'marked'; count: number; certified: number }
  | { kind: 'unmarked'; count: number; kept: number }

type ActionResult = { intent: string; errors: FieldErrors | null; values: Record<string, string> | null; outcome: Outcome | null }

const done = (intent: string, outcome: Outcome): ActionResult => ({ intent, errors: null, values: null, outcome })
const invalid = (intent: string, errors: FieldErrors, values: Record<string, string>) =>
  data<ActionResult>({ intent, errors, values, outcome: null }, { status: 400 })

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const cohortId = params.cohort ?? ''
  const name = await cohortName(cohortId)
  invariantResponse(name !== null, 'Cohort not found')
  const cohort = { type: 'cohort', id: cohortId, label: name } as const
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  switch (intent) {
    case 'update': {
      const { locale } = await getTranslator(request)
      const parsed = parseForm(cohortSchema(totCourses(locale).map((course) => course.slug)), form)
      if (!parsed.ok) return invalid(intent, parsed.errors, parsed.values)
      await transaction(async () => {
        await updateCohort(cohortId, parsed.data)
        await recordAudit(admin, 'cohort.updated', { ...cohort, label: parsed.data.name })
      })
      return done(intent, { kind: 'updated' })
    }
    case 'add': {
      const parsed = parseForm(addMemberSchema, form)
      if (!parsed.ok) return invalid(intent, parsed.errors, parsed.values)
      const result = await transaction(async () => {
        const added = await addMemberByEmail(cohortId, parsed.data.email)
        if (added.ok && !added.alreadyMember) {
          await recordAudit(admin, 'cohort.member_added', cohort, { name: added.displayName, email: parsed.data.email })
        }
        return added
      })
      if (!result.ok) return invalid(intent, { email: 'cohorts.errors.noAccount' }, formValues(form))
      return done(intent, { kind: result.alreadyMember ? 'alreadyMember' : 'added', name: result.displayName })
    }
    case 'remove': {
      const removed = await transaction(async () => {
        const gone = await removeMember(cohortId, String(form.get('memberId') ?? ''))
        invariantResponse(gone, 'Member not found')
        await recordAudit(admin, 'cohort.member_removed', cohort, { name: gone.displayName })
        return gone
      })
      return done(intent, { kind: 'removed', name: removed.displayName })
    }
    case 'attend':
    case 'unattend': {
      const today = dayInZone(new Date(), env.PROGRAMME_TIME_ZONE)
      const parsed = parseAttendanceForm(form, { today, needsDay: intent === 'attend' })
      if (!parsed.ok) return invalid(intent, parsed.errors, parsed.values)
      const { memberIds, attendedOn } = parsed.data
      if (intent === 'attend' && attendedOn) {
        const result = await transaction(async () => {
          const marked = await markAttendance({ cohortId, memberIds, attendedOn, recordedById: admin.id })
          if (marked.marked > 0) {
            await recordAudit(admin, 'cohort.attendance_marked', cohort, { count: marked.marked, attendedOn, certified: marked.certified })
          }
          return marked
        })
        return done(intent, { kind: 'marked', count: result.marked, certified: result.certified })
      }
      const result = await transaction(async () => {
        const unmarked = await unmarkAttendance({ cohortId, memberIds })
        if (unmarked.unmarked > 0) {
          await recordAudit(admin, 'cohort.attendance_unmarked', cohort, { count: unmarked.unmarked, keptCertificates: unmarked.keptCertificates })
        }
        return unmarked
      })
      return done(intent, { kind: 'unmarked', count: result.unmarked, kept: result.keptCertificates })
    }
    default:
      throw new Response('Unknown action', { status: 400, statusText: 'Bad Request' })
  }
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation()
  switch (outcome.kind) {
    case 'updated':
      return <p>{t('cohorts.outcome.updated')}</p>
    case 'added':
    case 'alreadyMember':
    case 'removed':
      return <p>{t(`cohorts.outcome.${outcome.kind}`, { name: outcome.name })}</p>
    case 'marked':
      return (
        <>
          <p>{t('cohorts.outcome.marked', { count: outcome.count })}</p>
          {outcome.certified > 0 ? <p>{t('cohorts.outcome.certified', { count: outcome.certified })}</p> : null}
        </>
      )
    case 'unmarked':
      return (
        <>
          <p>{t('cohorts.outcome.unmarked', { count: outcome.count })}</p>
          {outcome.kept > 0 ? <p>{t('cohorts.outcome.keptCertificates', { count: outcome.kept })}</p> : null}
        </>
      )
  }
}

/** The invite link in a box to select, and with JavaScript a button that copies it. */
function InviteLink({ url }: { url: string }) {
  const { t } = useTranslation()
  const hydrated = useHydrated()
  const [copied, setCopied] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  async function copy() {
    try {
      await navigator.clipboard.writeText(url)
    } catch {
      // No clipboard access (e.g. plain HTTP): select it for the person to copy.
      input.current?.select()
      document.execCommand('copy')
    }
    setCopied(true)
  }
  return (
    <div className="invite-link">
      <div className="field">
        <label htmlFor="invite-url">{t('cohorts.invite.label')}</label>
        <input id="invite-url" ref={input} type="url" dir="ltr" readOnly value={url} onFocus={(event) => event.currentTarget.select()} aria-describedby="invite-help" />
        <p className="field__help" id="invite-help">
          {t('cohorts.invite.help')}
        </p>
      </div>
      {hydrated ? (
        <button type="button" className="button button--secondary" onClick={copy}>
          {t('cohorts.invite.copy')}
        </button>
      ) : null}
      <p role="status" className="invite-link__status">
        {copied ? t('cohorts.invite.copied') : ''}
      </p>
    </div>
  )
}

export default function AdminCohort() {
  const { t } = useTranslation()
  const { cohort, members, inviteUrl, defaultAttendedOn, today, created, countries, courses, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const submitting = navigation.state === 'submitting'
  const hydrated = useHydrated()
  const errorsFor = (intent: string | string[]) =>
    actionData?.errors && [intent].flat().includes(actionData.intent) ? actionData.errors : undefined
  const valuesFor = (intent: string) => (actionData?.intent === intent ? (actionData.values ?? undefined) : undefined)
  const updateErrors = errorsFor('update')
  const addErrors = errorsFor('add')
  const attendanceErrors = errorsFor(['attend', 'unattend'])
  const outcome = actionData?.outcome

  // After a success, empty the forms it came from (ticked boxes, the email typed).
  const addForm = useRef<HTMLFormElement>(null)
  const attendanceForm = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (outcome?.kind === 'added' || outcome?.kind === 'alreadyMember') addForm.current?.reset()
    if (outcome?.kind === 'marked' || outcome?.kind === 'unmarked' || outcome?.kind === 'removed') attendanceForm.current?.reset()
  }, [outcome])

  const number = new Intl.NumberFormat(locale)
  const attended = members.filter((member) => member.attended).length
  const certified = members.filter((member) => member.certificateId).length

  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('admin.title'), to: '/admin' },
          { label: t('cohorts.title'), to: '/admin/cohorts' },
          { label: cohort.name, current: true },
        ]}
      />
      <p className="cohort-kicker">{t('cohorts.kicker')}</p>
      <h1>
        <bdi>{cohort.name}</bdi>
      </h1>
      {outcome || created ? (
        <div className="notice notice--success" role="status">
          {outcome ? <OutcomeMessage outcome={outcome} /> : <p>{t('cohorts.outcome.created')}</p>}
        </div>
      ) : null}

      <dl className="details-list cohort-details">
        <dt>{t('fields.country')}</dt>
        <dd>{cohort.countryName}</dd>
        <dt>{t('cohorts.fields.course')}</dt>
        <dd {...langDir(cohort.course.lang)}>
          <Link to={`/courses/${cohort.courseSlug}`}>{cohort.course.text}</Link>
        </dd>
        <dt>{t('cohorts.columns.dates')}</dt>
        <dd>{cohort.dates}</dd>
        <dt>{t('cohorts.fields.facilitators')}</dt>
        <dd dir="auto">{cohort.facilitators || t('cohorts.noFacilitators')}</dd>
      </dl>

      <ul className="stat-grid cohort-stats">
        <li className="stat">
          <span className="stat__value">{number.format(members.length)}</span>
          <span className="stat__label">{t('cohorts.columns.members')}</span>
        </li>
        <li className="stat">
          <span className="stat__value">{number.format(attended)}</span>
          <span className="stat__label">{t('cohorts.columns.attended')}</span>
        </li>
        <li className="stat">
          <span className="stat__value">{number.format(certified)}</span>
          <span className="stat__label">{t('cohorts.columns.certified')}</span>
        </li>
      </ul>

      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t('cohorts.invite.title')}</h2>
        <InviteLink url={inviteUrl} />
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('cohorts.members.title')}</h2>
        <Form method="post" className="form cohort-add" id="add-member" noValidate ref={addForm}>
          <h3>{t('cohorts.members.addTitle')}</h3>
          <ErrorSummary errors={addErrors} formId="add-member" />
          <input type="hidden" name="intent" value="add" />
          <Field
            id="add-member-email"
            label={t('cohorts.members.email')}
            help={t('cohorts.members.emailHelp')}
            name="email"
            type="email"
            dir="ltr"
            autoComplete="off"
            required
            defaultValue={valuesFor('add')?.email ?? ''}
            error={addErrors?.email}
          />
          <button type="submit" className="button" disabled={submitting}>
            {t('cohorts.members.add')}
          </button>
        </Form>

        {members.length === 0 ? (
          <p className="empty-state">{t('cohorts.members.empty')}</p>
        ) : (
          <>
            {/* The remove buttons in the table belong to this form (nested forms are not allowed). */}
            <Form method="post" id="remove-member" hidden>
              <input type="hidden" name="intent" value="remove" />
            </Form>
            <Form method="post" id="attendance" className="cohort-attendance" noValidate ref={attendanceForm}>
              <h3>{t('cohorts.attendance.title')}</h3>
              <p className="field__help">{t('cohorts.attendance.help')}</p>
              <ErrorSummary errors={attendanceErrors} formId="attendance" />
              {attendanceErrors?.[MEMBER_FIELD] ? (
                <p className="field__error" id="attendance-member-error">
                  <span aria-hidden="true">⚠ </span>
                  {t(attendanceErrors[MEMBER_FIELD])}
                </p>
              ) : null}
              <TableWrap className="cohort-table">
                <table>
                  <caption className="visually-hidden">{t('cohorts.members.title')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="cohort-select">
                        {hydrated ? <SelectAll form={attendanceForm} /> : <span className="visually-hidden">{t('cohorts.members.selectColumn')}</span>}
                      </th>
                      <th scope="col">{t('cohorts.members.educator')}</th>
                      <th scope="col">{t('cohorts.members.joined')}</th>
                      <th scope="col">{t('cohorts.members.course')}</th>
                      <th scope="col">{t('cohorts.members.workshop')}</th>
                      <th scope="col">{t('cohorts.members.trainer')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('cohorts.members.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {members.map((member, index) => (
                      <tr key={member.id}>
                        <td className="cohort-select">
                          <input
                            type="checkbox"
                            name={MEMBER_FIELD}
                            value={member.id}
                            id={index === 0 ? 'attendance-member' : `attendance-member-${member.id}`}
                            aria-label={t('cohorts.members.select', { name: member.displayName })}
                            aria-invalid={attendanceErrors?.[MEMBER_FIELD] ? true : undefined}
                            aria-describedby={attendanceErrors?.[MEMBER_FIELD] ? 'attendance-member-error' : undefined}
                          />
                        </td>
                        <th scope="row">
                          <bdi>{member.displayName}</bdi>
                          <br />
                          <small dir="ltr">{member.email}</small>
                        </th>
                        <td>{member.joined}</td>
                        <td>
                          {member.completed ? (
                            <span className="status status--done">
                              <span aria-hidden="true">✓ </span>
                              {t('cohorts.members.completedOn', { date: member.completed })}
                            </span>
                          ) : (
                            <span className="cohort-pending">{t('cohorts.members.notCompleted')}</span>
                          )}
                        </td>
                        <td>
                          {member.attended ? (
                            <span className="status status--done">
                              <span aria-hidden="true">✓ </span>
                              {t('cohorts.members.attendedOn', { date: member.attended })}
                            </span>
                          ) : (
                            <span className="cohort-pending">{t('cohorts.members.notAttended')}</span>
                          )}
                        </td>
                        <td>
                          {member.certificateId ? (
                            <Link to={`/verify/${member.certificateId}`} className="status status--done">
                              <span aria-hidden="true">✓ </span>
                              {t('cohorts.members.certified')}
                            </Link>
                          ) : (
                            <span className="cohort-pending">{t('cohorts.members.notCertified')}</span>
                          )}
                        </td>
                        <td>
                          <button
                            type="submit"
                            form="remove-member"
                            name="memberId"
                            value={member.id}
                            className="button button--secondary button--small"
                            aria-label={t('cohorts.members.removeNamed', { name: member.displayName })}
                            disabled={submitting}
                          >
                            {t('cohorts.members.remove')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <div className="cohort-attendance__controls">
                <Field
                  id="attendance-attendedOn"
                  label={t('cohorts.attendance.date')}
                  help={t('cohorts.attendance.dateHelp')}
                  name="attendedOn"
                  type="date"
                  max={today}
                  defaultValue={valuesFor('attend')?.attendedOn ?? defaultAttendedOn}
                  error={attendanceErrors?.attendedOn}
                />
                <div className="actions">
                  <button type="submit" name="intent" value="attend" className="button" disabled={submitting}>
                    {t('cohorts.attendance.mark')}
                  </button>
                  <button type="submit" name="intent" value="unattend" className="button button--secondary" disabled={submitting} aria-describedby="unmark-help">
                    {t('cohorts.attendance.unmark')}
                  </button>
                </div>
                <p className="field__help" id="unmark-help">
                  {t('cohorts.attendance.unmarkHelp')}
                </p>
              </div>
            </Form>
          </>
        )}
      </section>

      <section aria-label={t('cohorts.editTitle')}>
        <details className="cohort-edit" open={Boolean(updateErrors)}>
          <summary>{t('cohorts.editTitle')}</summary>
          <Form method="post" className="form" id="cohort" noValidate>
            <ErrorSummary errors={updateErrors} formId="cohort" />
            <input type="hidden" name="intent" value="update" />
            <CohortFields
              idPrefix="cohort"
              countries={countries}
              courses={courses}
              values={
                valuesFor('update') ?? {
                  name: cohort.name,
                  country: cohort.country,
                  courseSlug: cohort.courseSlug,
                  startsOn: cohort.startsOn,
                  endsOn: cohort.endsOn,
                  facilitators: cohort.facilitators,
                }
              }
              errors={updateErrors}
            />
            <button type="submit" className="button" disabled={submitting}>
              {t('cohorts.save')}
            </button>
          </Form>
        </details>
      </section>
    </div>
  )
}

/** Ticks or unticks every member (with JavaScript only; without it, each box is ticked on its own). */
function SelectAll({ form }: { form: RefObject<HTMLFormElement | null> }) {
  const { t } = useTranslation()
  return (
    <input
      type="checkbox"
      aria-label={t('cohorts.members.selectAll')}
      onChange={(event) => {
        const checked = event.currentTarget.checked
        for (const box of form.current?.querySelectorAll<HTMLInputElement>(`input[name="${MEMBER_FIELD}"]`) ?? []) box.checked = checked
      }}
    />
  )
}
