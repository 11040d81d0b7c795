import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { recordAudit } from '#app/admin/audit.server.ts'
import { countryName } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { STAKEHOLDER_GROUPS, type StakeholderGroup } from '#app/auth/profile.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { ConfirmCheckbox } from '#app/components/ui/field.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { ATTENDANCE_COLUMNS, canRecordParticipants, type AttendanceColumn, type CsvProblem } from '#app/reporting/activities.ts'
import { clearAttendees, getActivityHeader, importAttendees, programmeToday } from '#app/reporting/activities.server.ts'
import {
  ATTENDANCE_MAX_BYTES,
  ATTENDANCE_MAX_ROWS,
  ATTENDANCE_TEMPLATE,
  decodeCsv,
  parseAttendanceCsv,
  validAttendees,
  type AttendanceRow,
} from '#app/reporting/attendance-csv.ts'
import { formatDay } from '#app/reporting/dates.ts'
import { invariantResponse } from '#app/utils/http.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { transaction } from '#app/utils/db.server.ts'

// An activity's named attendance list, from a CSV file (admin). Uploading shows
// a preview: every row with its problems, and nothing is stored. Only a file
// without a single problem can be imported; the confirmation sends the same
// text again and the server checks it again. An import replaces the list.

/** Rows the preview shows; the rest are counted. */
const PREVIEW_ROWS = 200

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const activity = await getActivityHeader(params.activity ?? '')
  invariantResponse(activity, 'Not found', { status: 404 })
  return {
    title: t('activities.import.title'),
    locale,
    activity: { id: activity.id, title: activity.title, named: activity.named, firstDay: formatDay(activity.startsOn, locale) },
    held: canRecordParticipants(activity.startsOn, programmeToday()),
    template: `data:text/csv;charset=utf-8,${encodeURIComponent(ATTENDANCE_TEMPLATE)}`,
    maxRows: ATTENDANCE_MAX_ROWS,
  }
}

export const meta = titleMeta

type PreviewRow = {
  row: number
  cells: Record<AttendanceColumn, string>
  problems: CsvProblem[]
}

type Preview = {
  fileName: string
  total: number
  /** Rows with at least one problem. */
  invalid: number
  rows: PreviewRow[]
  byGroup: Partial<Record<StakeholderGroup, number>>
  ignoredColumns: string[]
  /** The checked text, sent again to confirm; only for a list without problems. */
  csv: string | null
}

async function activityTarget(id: string) {
  return { type: 'activity', id, label: (await getActivityHeader(id))?.title } as const
}

type ActionResult = { intent: string; problem: CsvProblem | null; preview: Preview | null; confirmError?: string }

const result = (value: ActionResult, status = 200) => data(value, { status })

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const activityId = params.activity ?? ''
  if (Number(request.headers.get('Content-Length') ?? 0) > ATTENDANCE_MAX_BYTES + 64 * 1024) {
    return result({ intent: 'preview', problem: { key: 'activities.csv.tooLarge' }, preview: null }, 413)
  }
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')

  if (intent === 'clear') {
    if (form.get('confirm') !== 'yes') return result({ intent, problem: null, preview: null, confirmError: 'activities.errors.confirmClear' }, 400)
    await transaction(async () => {
      const cleared = await clearAttendees(activityId)
      if (cleared > 0) await recordAudit(admin, 'activity.attendance_cleared', await activityTarget(activityId), { count: cleared })
    })
    return redirect(`/admin/activities/${activityId}`)
  }
  if (intent !== 'preview' && intent !== 'import') throw new Response('Bad request', { status: 400, statusText: 'Bad request' })

  let text: string
  let fileName = String(form.get('fileName') ?? '')
  if (intent === 'preview') {
    const file = form.get('file')
    if (!(file instanceof File) || file.size === 0) return result({ intent, problem: { key: 'activities.csv.noFile' }, preview: null }, 400)
    if (file.size > ATTENDANCE_MAX_BYTES) return result({ intent, problem: { key: 'activities.csv.tooLarge' }, preview: null }, 413)
    text = decodeCsv(new Uint8Array(await file.arrayBuffer()))
    fileName = file.name
  } else {
    text = String(form.get('csv') ?? '')
    if (text.length > ATTENDANCE_MAX_BYTES) return result({ intent, problem: { key: 'activities.csv.tooLarge' }, preview: null }, 413)
  }

  const csv = parseAttendanceCsv(text)
  if (!csv.ok) return result({ intent, problem: csv.problem, preview: null }, 400)
  const attendees = validAttendees(csv)
  const preview = previewOf(csv.rows, { fileName, ignoredColumns: csv.ignoredColumns, csv: attendees ? text : null }, t, locale)
  if (!attendees) return result({ intent, problem: null, preview }, 400)
  if (intent === 'preview') return result({ intent, problem: null, preview })

  const outcome = await transaction(async () => {
    const imported = await importAttendees(activityId, attendees)
    if (imported.ok) {
      await recordAudit(admin, 'activity.attendance_imported', await activityTarget(activityId), { count: imported.count, fileName: fileName.slice(0, 120) })
    }
    return imported
  })
  if (!outcome.ok) {
    invariantResponse(outcome.reason !== 'not-found', 'Not found', { status: 404 })
    return result({ intent, problem: { key: 'activities.errors.notYetHeld' }, preview: null }, 400)
  }
  return redirect(`/admin/activities/${activityId}?imported=${outcome.count}`)
}

/** What the preview shows: the rows with problems if there are any, else the list as it will be stored. */
function previewOf(
  rows: AttendanceRow[],
  extra: Pick<Preview, 'fileName' | 'ignoredColumns' | 'csv'>,
  t: (key: string) => string,
  locale: Parameters<typeof countryName>[1],
): Preview {
  const invalidRows = rows.filter((row) => row.problems.length > 0)
  const shown = (invalidRows.length > 0 ? invalidRows : rows).slice(0, PREVIEW_ROWS)
  const byGroup: Preview['byGroup'] = {}
  if (invalidRows.length === 0) {
    for (const row of rows) if (row.attendee) byGroup[row.attendee.stakeholderGroup] = (byGroup[row.attendee.stakeholderGroup] ?? 0) + 1
  }
  return {
    ...extra,
    total: rows.length,
    invalid: invalidRows.length,
    byGroup,
    rows: shown.map(({ row, values, attendee, problems }) => ({
      row,
      problems,
      // Understood values are shown as they will be stored, in the reader's language.
      cells: attendee
        ? {
            name: attendee.name,
            email: attendee.email ?? '',
            stakeholder_group: t(`groups.${attendee.stakeholderGroup}`),
            country: attendee.country ? countryName(attendee.country, locale) : '',
            gender: attendee.gender ? t(`activities.genders.${attendee.gender}`) : '',
            organisation: attendee.organisation ?? '',
          }
        : values,
    })),
  }
}

export default function ActivityAttendance() {
  const { t } = useTranslation()
  const { activity, held, locale } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const preview = actionData?.preview ?? null
  const number = new Intl.NumberFormat(locale)
  return (
    <div className="page">
      <Breadcrumbs
        items={[
          { label: t('admin.title'), to: '/admin' },
          { label: t('activities.title'), to: '/admin/activities' },
          { label: activity.title, to: `/admin/activities/${activity.id}` },
          { label: t('activities.import.title'), current: true },
        ]}
      />
      <h1>{t('activities.import.title')}</h1>
      <p className="lead">
        <bdi>{activity.title}</bdi>
      </p>
      {!held ? (
        <p className="notice" role="note">
          {t('activities.notYetHeld', { date: activity.firstDay })}
        </p>
      ) : (
        <>
          {actionData?.problem ? <FileProblem problem={actionData.problem} /> : null}
          {preview ? <PreviewSection preview={preview} named={activity.named} /> : null}
          {!preview || preview.invalid > 0 ? <UploadForm again={Boolean(preview || actionData?.problem)} /> : null}
          {activity.named > 0 ? <ClearSection named={activity.named} number={number} /> : null}
        </>
      )}
    </div>
  )
}

/** Text from the file inside a sentence keeps its own direction ("«teachers of sorts»" in Arabic). */
function isolate(text: string) {
  return `\u2068${text}\u2069`
}

/** A problem's values for its message: text from the file isolated, row numbers in the reader's digits. */
function messageParams(problem: CsvProblem, number: Intl.NumberFormat) {
  const params: Record<string, string> = {}
  for (const [key, value] of Object.entries(problem.params ?? {})) params[key] = typeof value === 'number' ? number.format(value) : isolate(value)
  return params
}

function FileProblem({ problem }: { problem: CsvProblem }) {
  const { t } = useTranslation()
  const { locale } = useLoaderData<typeof loader>()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [problem])
  return (
    <div className="error-summary" role="alert" aria-labelledby="file-problem-title" tabIndex={-1} ref={ref}>
      <h2 id="file-problem-title">{t('activities.import.fileProblem')}</h2>
      <p>{t(problem.key, messageParams(problem, new Intl.NumberFormat(locale)))}</p>
    </div>
  )
}

function UploadForm({ again }: { again: boolean }) {
  const { t } = useTranslation()
  const { activity, template, maxRows, locale } = useLoaderData<typeof loader>()
  const submitting = useNavigation().formData?.get('intent') === 'preview'
  const number = new Intl.NumberFormat(locale)
  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title">{again ? t('activities.import.uploadAgain') : t('activities.import.upload')}</h2>
      <p>{t('activities.import.help', { max: number.format(maxRows) })}</p>
      <ul className="attendance-help">
        <li>{t('activities.import.columnsRequired')}</li>
        <li>{t('activities.import.columnsOptional')}</li>
        <li>{t('activities.import.valuesHelp')}</li>
        <li>{t('activities.import.emailHelp')}</li>
      </ul>
      <p>
        <a href={template} download="attendance-template.csv">
          {t('activities.import.template')}
        </a>
      </p>
      {activity.named > 0 ? (
        <p className="notice" role="note">
          {t('activities.import.replaces', { count: activity.named, number: number.format(activity.named) })}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <input type="hidden" name="intent" value="preview" />
        <div className="field">
          <label htmlFor="attendance-file">{t('activities.import.file')}</label>
          <input id="attendance-file" name="file" type="file" accept=".csv,.txt,text/csv,text/plain" required aria-describedby="attendance-file-help" />
          <p className="field__help" id="attendance-file-help">
            {t('activities.import.fileHelp')}
          </p>
        </div>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t('activities.import.checking') : t('activities.import.check')}
        </button>
      </Form>
    </section>
  )
}

const COLUMN_LABELS: Record<AttendanceColumn, string> = {
  name: 'fields.displayName',
  email: 'fields.email',
  stakeholder_group: 'fields.stakeholderGroupShort',
  country: 'fields.country',
  gender: 'activities.fields.gender',
  organisation: 'fields.organisation',
}

function PreviewSection({ preview, named }: { preview: Preview; named: number }) {
  const { t } = useTranslation()
  const { locale } = useLoaderData<typeof loader>()
  const submitting = useNavigation().formData?.get('intent') === 'import'
  const number = new Intl.NumberFormat(locale)
  const ref = useRef<HTMLHeadingElement>(null)
  const hasProblems = preview.invalid > 0
  useEffect(() => ref.current?.focus(), [preview])
  return (
    <section aria-labelledby="preview-title" className="attendance-preview">
      <h2 id="preview-title" ref={ref} tabIndex={-1}>
        {t('activities.import.previewTitle', { file: preview.fileName ? isolate(preview.fileName) : t('activities.import.yourFile') })}
      </h2>
      {hasProblems ? (
        <div className="error-summary" role="alert">
          <p>
            <strong>
              {t('activities.import.rowsWithProblems', {
                count: preview.invalid,
                number: number.format(preview.invalid),
                total: number.format(preview.total),
              })}
            </strong>
          </p>
          <p>{t('activities.import.nothingImported')}</p>
        </div>
      ) : (
        <div className="notice notice--success" role="status">
          <p>{t('activities.import.ready', { count: preview.total, number: number.format(preview.total) })}</p>
          <p>
            {STAKEHOLDER_GROUPS.filter((group) => preview.byGroup[group])
              .map((group) => `${t(`groups.${group}`)}: ${number.format(preview.byGroup[group] ?? 0)}`)
              .join(t('activities.listSeparator'))}
          </p>
        </div>
      )}
      {preview.ignoredColumns.length > 0 ? (
        <p className="field__help">{t('activities.import.ignoredColumns', { columns: isolate(preview.ignoredColumns.join(', ')) })}</p>
      ) : null}
      {preview.rows.length < (hasProblems ? preview.invalid : preview.total) ? (
        <p className="field__help">
          {t(hasProblems ? 'activities.import.showingProblems' : 'activities.import.showingRows', {
            shown: number.format(preview.rows.length),
            count: hasProblems ? preview.invalid : preview.total,
            number: number.format(hasProblems ? preview.invalid : preview.total),
          })}
        </p>
      ) : null}
      <TableWrap>
        <table className="attendance-table">
          <caption className="visually-hidden">{hasProblems ? t('activities.import.problemsCaption') : t('activities.import.previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('activities.import.row')}
              </th>
              {hasProblems ? <th scope="col">{t('activities.import.problems')}</th> : null}
              {ATTENDANCE_COLUMNS.map((column) => (
                <th scope="col" key={column}>
                  {t(COLUMN_LABELS[column])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => {
              const faulty = new Set(row.problems.map((problem) => problem.column))
              return (
                <tr key={row.row} className={row.problems.length > 0 ? 'attendance-row--invalid' : undefined}>
                  <th scope="row" className="num">
                    {number.format(row.row)}
                  </th>
                  {hasProblems ? (
                    <td>
                      {row.problems.length > 0 ? (
                        <ul className="attendance-problems">
                          {row.problems.map((problem) => (
                            <li key={problem.key}>
                              <span aria-hidden="true">⚠ </span>
                              {t(problem.key, messageParams(problem, number))}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  ) : null}
                  {ATTENDANCE_COLUMNS.map((column) => (
                    <td key={column} className={faulty.has(column) ? 'attendance-cell--invalid' : undefined}>
                      {row.cells[column] ? <bdi dir={column === 'email' ? 'ltr' : undefined}>{row.cells[column]}</bdi> : null}
                    </td>
                  ))}
                </tr>
              )
            })}
          </tbody>
        </table>
      </TableWrap>
      {preview.csv ? (
        <Form method="post" encType="multipart/form-data" className="form">
          <input type="hidden" name="intent" value="import" />
          <input type="hidden" name="csv" value={preview.csv} />
          <input type="hidden" name="fileName" value={preview.fileName} />
          {named > 0 ? (
            <p className="notice" role="note">
              {t('activities.import.replaces', { count: named, number: number.format(named) })}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="button" disabled={submitting}>
              {t('activities.import.confirm', { count: preview.total, number: number.format(preview.total) })}
            </button>
            <Link to="." className="button button--secondary">
              {t('activities.import.cancel')}
            </Link>
          </div>
        </Form>
      ) : null}
    </section>
  )
}

function ClearSection({ named, number }: { named: number; number: Intl.NumberFormat }) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const error = actionData?.intent === 'clear' ? actionData.confirmError : undefined
  const submitting = useNavigation().formData?.get('intent') === 'clear'
  useEffect(() => {
    if (error) document.getElementById('clear-confirm')?.focus()
  }, [error, actionData])
  return (
    <section aria-labelledby="clear-title" className="activity-danger">
      <h2 id="clear-title">{t('activities.clear.title')}</h2>
      <p>{t('activities.clear.warning', { count: named, number: number.format(named) })}</p>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="clear" />
        <ConfirmCheckbox id="clear-confirm" label={t('activities.clear.confirm', { count: named, number: number.format(named) })} error={error} />
        <button type="submit" className="button button--danger" disabled={submitting}>
          {t('activities.clear.submit')}
        </button>
      </Form>
    </section>
  )
}
