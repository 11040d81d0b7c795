import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { recordAudit } from '#app/admin/audit.server.ts'
import { countryName, countryOptions } from '#app/auth/countries.server.ts'
import { requireRole } from '#app/auth/guards.server.ts'
import { Breadcrumbs } from '#app/components/breadcrumbs.tsx'
import { TableWrap } from '#app/components/table-wrap.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { CountryField, GroupField } from '#app/components/ui/choice-fields.tsx'
import { Field, SelectField, TextAreaField } from '#app/components/ui/field.tsx'
import { getTranslator } from '#app/i18n/t.server.ts'
import { baselineSchema, EARLIEST_BASELINE_DAY, MAX_BASELINE_NOTE } from '#app/reporting/baselines.ts'
import { addBaseline, listBaselines, removeBaseline } from '#app/reporting/baselines.server.ts'
import { dayInZone, formatDay } from '#app/reporting/dates.ts'
import { ACTIVITY_KINDS } from '#app/reporting/figures.ts'
import { env } from '#app/utils/env.server.ts'
import { parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'
import { transaction } from '#app/utils/db.server.ts'

// Historic baselines (admin): participant counts from before the programme used
// Trellis. They count in cumulative totals from their date, never as additional.

const DONE = ['added', 'deleted', 'missing'] as const
type Done = (typeof DONE)[number]

const today = () => dayInZone(new Date(), env.PROGRAMME_TIME_ZONE)

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  const { t, locale } = await getTranslator(request)
  const { baselines, totals } = await listBaselines()
  const number = new Intl.NumberFormat(locale)
  const done = new URL(request.url).searchParams.get('done')
  // Formatted here, once: the browser's Intl could differ from the server's.
  return {
    title: t('baselines.title'),
    today: today(),
    earliest: EARLIEST_BASELINE_DAY,
    done: DONE.includes(done as Done) ? (done as Done) : null,
    countries: countryOptions(locale),
    baselines: baselines.map((b) => ({
      id: b.id,
      asOf: formatDay(b.asOf, locale, 'medium'),
      asOfLong: formatDay(b.asOf, locale),
      activityKind: b.activityKind,
      stakeholderGroup: b.stakeholderGroup,
      country: countryName(b.country, locale),
      participants: number.format(b.participants),
      count: b.participants,
      note: b.note,
    })),
    totals: totals.map((total) => ({ ...total, participants: number.format(total.participants) })),
  }
}

export const meta = titleMeta

const baselineDetails = (b: { asOf: string; activityKind: string; country: string; stakeholderGroup: string; participants: number }) => ({
  asOf: b.asOf,
  activityKind: b.activityKind,
  country: b.country,
  stakeholderGroup: b.stakeholderGroup,
  participants: b.participants,
})

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent === 'delete') {
    const id = form.get('id')
    if (typeof id !== 'string' || !id) throw new Response('Bad request', { status: 400 })
    const deleted = await transaction(async () => {
      const removed = await removeBaseline(id)
      if (removed) await recordAudit(admin, 'baseline.deleted', { type: 'baseline', id }, baselineDetails(removed))
      return removed
    })
    return redirect(`/admin/baselines?done=${deleted ? 'deleted' : 'missing'}`)
  }
  if (intent !== 'add') throw new Response('Bad request', { status: 400 })
  const parsed = parseForm(baselineSchema(today()), form)
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 })
  await transaction(async () => {
    const added = await addBaseline(parsed.data, admin.id)
    await recordAudit(admin, 'baseline.added', { type: 'baseline', id: added.id }, baselineDetails(parsed.data))
  })
  return redirect('/admin/baselines?done=added')
}

export default function AdminBaselines() {
  const { t } = useTranslation()
  const { baselines, totals, countries, today, earliest, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const location = useLocation()
  const adding = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'add'
  const errors: FieldErrors | undefined = actionData?.errors
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  return (
    <div className="page">
      <Breadcrumbs items={[{ label: t('admin.title'), to: '/admin' }, { label: t('baselines.title'), current: true }]} />
      <h1>{t('baselines.title')}</h1>
      <p className="lead">{t('baselines.lead')}</p>
      <div className="baselines-explain">
        <p>{t('baselines.explainWhat')}</p>
        <p>{t('baselines.explainCounting')}</p>
        <p>{t('baselines.explainCorrecting')}</p>
      </div>

      {/* Present from the start, so what appears in it is announced. */}
      <div role="status">{done ? <p className="notice notice--success">{t(`baselines.done.${done}`)}</p> : null}</div>

      <section aria-labelledby="baseline-totals">
        <h2 id="baseline-totals">{t('baselines.totalsTitle')}</h2>
        <ul className="stat-grid">
          {totals.map((total) => (
            <li className="stat" key={total.activityKind} data-kind={total.activityKind}>
              <span className="stat__value">{total.participants}</span>
              <span className="stat__label">{t(`baselines.kinds.${total.activityKind}`)}</span>
              <span className="stat__label">
                <small>{t('baselines.fromCount', { count: total.baselines })}</small>
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="baseline-list" className="baselines-list">
        <h2 id="baseline-list">{t('baselines.listTitle')}</h2>
        {baselines.length === 0 ? (
          <p className="empty-state">{t('baselines.empty')}</p>
        ) : (
          <TableWrap>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('baselines.asOf')}</th>
                  <th scope="col">{t('baselines.activityKind')}</th>
                  <th scope="col">{t('fields.stakeholderGroupShort')}</th>
                  <th scope="col">{t('fields.country')}</th>
                  <th scope="col" className="num">
                    {t('baselines.participants')}
                  </th>
                  <th scope="col">{t('baselines.note')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('baselines.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {baselines.map((baseline) => {
                  const kind = t(`baselines.kinds.${baseline.activityKind}`)
                  const group = t(`groups.${baseline.stakeholderGroup}`)
                  return (
                    <tr key={baseline.id}>
                      <td className="baselines__date">{baseline.asOf}</td>
                      <td>{kind}</td>
                      <td>{group}</td>
                      <td>{baseline.country}</td>
                      <td className="num">{baseline.participants}</td>
                      <td dir="auto">{baseline.note}</td>
                      <td>
                        <details className="confirm-delete">
                          <summary className="button button--secondary button--small">
                            {t('baselines.delete')}
                            <span className="visually-hidden">
                              {' '}
                              {t('baselines.deleteWhich', { date: baseline.asOfLong, kind, group, country: baseline.country })}
                            </span>
                          </summary>
                          <Form method="post" className="confirm-delete__panel">
                            <p>{t('baselines.confirmDelete', { count: baseline.count, participants: baseline.participants })}</p>
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="id" value={baseline.id} />
                            <button type="submit" className="button button--danger button--small">
                              {t('baselines.confirmDeleteButton')}
                            </button>
                          </Form>
                        </details>
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="baseline-add" className="baselines-add">
        <h2 id="baseline-add">{t('baselines.addTitle')}</h2>
        {/* A new key after each success empties the form. */}
        <Form method="post" className="form" id="baseline" noValidate key={location.key}>
          <ErrorSummary errors={errors} formId="baseline" />
          <input type="hidden" name="intent" value="add" />
          <Field
            id="baseline-asOf"
            label={t('baselines.asOf')}
            help={t('baselines.asOfHelp')}
            name="asOf"
            type="date"
            min={earliest}
            max={today}
            required
            defaultValue={values.asOf ?? ''}
            error={errors?.asOf}
          />
          <SelectField
            id="baseline-activityKind"
            label={t('baselines.activityKind')}
            name="activityKind"
            required
            defaultValue={values.activityKind ?? ''}
            error={errors?.activityKind}
          >
            <option value="">{t('fields.choose')}</option>
            {ACTIVITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`baselines.kinds.${kind}`)}
              </option>
            ))}
          </SelectField>
          <GroupField
            id="baseline-stakeholderGroup"
            label={t('fields.stakeholderGroupShort')}
            name="stakeholderGroup"
            required
            defaultValue={values.stakeholderGroup ?? ''}
            error={errors?.stakeholderGroup} />
          <CountryField countries={countries} id="baseline-country" label={t('fields.country')} name="country" required defaultValue={values.country ?? ''} error={errors?.country} />
          <Field
            id="baseline-participants"
            label={t('baselines.participants')}
            help={t('baselines.participantsHelp')}
            name="participants"
            inputMode="numeric"
            autoComplete="off"
            required
            defaultValue={values.participants ?? ''}
            error={errors?.participants}
          />
          <TextAreaField
            id="baseline-note"
            label={t('baselines.noteOptional')}
            help={t('baselines.noteHelp')}
            name="note"
            rows={3}
            dir="auto"
            maxLength={MAX_BASELINE_NOTE}
            defaultValue={values.note ?? ''}
            error={errors?.note}
          />
          <button type="submit" className="button" disabled={adding}>
            {adding ? t('baselines.adding') : t('baselines.add')}
          </button>
        </Form>
      </section>
    </div>
  )
}
