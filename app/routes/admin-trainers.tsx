import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { recordAudit } from '#app/admin/audit.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { attendanceSchema } from '#app/certificates/attendance.ts'
import { recentWorkshopAttendance, recordWorkshopAttendance } from '#app/certificates/trainer.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { Field, SelectField } from '#app/components/ui/field.tsx'
import { TransWithUserText } from '#app/components/user-text.tsx'
import { listCourses } from '#app/content/catalog.server.ts'
import { langDir } from '#app/i18n/config.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { dateToDay, dayInZone } from '#app/reporting/dates.ts'
import { db, transaction } from '#app/utils/db.server.ts'
import { env } from '#app/utils/env.server.ts'
import { formValues, parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'

// Trainer certification (admin): record that an educator attended a Training of
// Trainers workshop. With the online course completed too, they become a
// certified trainer. The reporting issue's cohorts will record attendance in
// bulk; this page is the simple, one-person way.

function trainerCourses(request: Request) {
  return getTranslator(request).then(({ locale }) => listCourses(locale).filter((course) => course.certifiesTrainers))
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const courses = await trainerCourses(request)
  const recent = await recentWorkshopAttendance()
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  const titles = new Map(courses.map((c) => [c.slug, c.title]))
  return {
    title: t('trainers.title'),
    today: dayInZone(new Date(), env.PROGRAMME_TIME_ZONE),
    courses: courses.map((c) => ({ slug: c.slug, title: c.title })),
    recent: recent.map((row) => ({ ...row, attendedOn: date.format(row.attendedOn), course: titles.get(row.courseSlug) ?? { text: row.courseSlug, lang: locale } })),
  }
}

export const meta = titleMeta

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const courses = await trainerCourses(request)
  const form = await request.formData()
  const parsed = parseForm(attendanceSchema(courses.map((c) => c.slug), dayInZone(new Date(), env.PROGRAMME_TIME_ZONE)), form)
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, outcome: null }, { status: 400 })
  const { email, courseSlug, attendedOn } = parsed.data
  const user = await db.user.findUnique({ where: { email }, select: { id: true, displayName: true } })
  if (!user) {
    return data({ errors: { email: 'trainers.errors.noSuchAccount' } as FieldErrors, values: formValues(form), outcome: null }, { status: 400 })
  }
  const result = await transaction(async () => {
    const recorded = await recordWorkshopAttendance({ userId: user.id, courseSlug, attendedOn, recordedById: admin.id })
    await recordAudit(
      admin,
      'trainer.attendance_recorded',
      { type: 'user', id: user.id, label: user.displayName },
      { courseSlug, attendedOn: dateToDay(attendedOn), certified: recorded.certified },
    )
    return recorded
  })
  return {
    errors: null,
    values: null,
    outcome: result.certified
      ? { kind: 'certified' as const, name: user.displayName, certificateId: result.certificateId }
      : { kind: 'waiting' as const, name: user.displayName },
  }
}

export default function AdminTrainers() {
  const { t } = useTranslation()
  const { courses, recent, today } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors: FieldErrors | undefined = actionData?.errors ?? undefined
  const values = actionData?.values ?? undefined
  const outcome = actionData?.outcome
  return (
    <div className="page page--reading">
      <Breadcrumbs items={[{ label: t('admin.title'), to: '/admin' }, { label: t('trainers.title'), current: true }]} />
      <h1>{t('trainers.title')}</h1>
      <p className="lead">{t('trainers.lead')}</p>
      {outcome ? (
        <div className="score score--passed" role="status">
          <p>
            <TransWithUserText i18nKey={outcome.kind === 'certified' ? 'trainers.certified' : 'trainers.waiting'} values={{ name: outcome.name }} />
          </p>
          {outcome.kind === 'certified' ? (
            <p>
              <Link to={`/verify/${outcome.certificateId}`}>{t('trainers.viewCertificate')}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      <Form method="post" className="form" id="attendance" noValidate key={outcome ? 'done' : 'form'}>
        <h2>{t('trainers.recordTitle')}</h2>
        <ErrorSummary errors={errors} formId="attendance" />
        <Field
          id="attendance-email"
          label={t('trainers.email')}
          name="email"
          type="email"
          dir="ltr"
          autoComplete="off"
          required
          defaultValue={values?.email ?? ''}
          error={errors?.email}
        />
        <SelectField id="attendance-course" label={t('trainers.course')} name="courseSlug" defaultValue={values?.courseSlug ?? courses[0]?.slug} error={errors?.courseSlug}>
          {courses.map((course) => (
            <option key={course.slug} value={course.slug} {...langDir(course.title.lang)}>
              {course.title.text}
            </option>
          ))}
        </SelectField>
        <Field
          id="attendance-date"
          label={t('trainers.attendedOn')}
          name="attendedOn"
          type="date"
          max={today}
          required
          defaultValue={values?.attendedOn ?? today}
          error={errors?.attendedOn}
        />
        <button type="submit" className="button" disabled={submitting}>
          {t('trainers.record')}
        </button>
      </Form>
      <section aria-labelledby="recent-attendance">
        <h2 id="recent-attendance">{t('trainers.recent')}</h2>
        {recent.length === 0 ? (
          <p>{t('trainers.none')}</p>
        ) : (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('fields.displayName')}</th>
                  <th scope="col">{t('trainers.course')}</th>
                  <th scope="col">{t('trainers.attendedOn')}</th>
                  <th scope="col">{t('trainers.status')}</th>
                </tr>
              </thead>
              <tbody>
                {recent.map((row) => (
                  <tr key={`${row.email}-${row.courseSlug}`}>
                    <td>
                      <bdi>{row.displayName}</bdi>
                      <br />
                      <small dir="ltr">{row.email}</small>
                    </td>
                    <td {...langDir(row.course.lang)}>{row.course.text}</td>
                    <td>{row.attendedOn}</td>
                    <td>
                      {row.certificateId ? (
                        <Link to={`/verify/${row.certificateId}`}>{t('trainers.statusCertified')}</Link>
                      ) : (
                        t('trainers.statusWaiting')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </div>
  )
}
