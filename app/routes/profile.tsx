import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { countryOptions } from '#app/auth/countries.server.ts'
import { requireUser } from '#app/auth/guards.server.ts'
import { profileSchema } from '#app/auth/profile.ts'
import { certificatesWithOldName } from '#app/certificates/certificates.server.ts'
import { ProfileFields } from '#app/components/profile-fields.tsx'
import { ErrorSummary } from '#app/components/ui/error-summary.tsx'
import { Field } from '#app/components/ui/field.tsx'
import { findCourse } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import { langDir } from '#app/i18n/config.ts'
import { localeCookie } from '#app/i18n/i18n.server.ts'
import { getTranslator } from '#app/i18n/t.server.ts'
import { db } from '#app/utils/db.server.ts'
import { parseForm, type FieldErrors } from '#app/utils/forms.ts'
import { titleMeta } from '#app/utils/meta.ts'

// The learner's own profile: name (as printed on certificates), country,
// stakeholder group, organisation and language.

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, locale } = await getTranslator(request)
  const outdated = await certificatesWithOldName(user.id, user.displayName)
  return {
    title: t('profile.title'),
    countries: countryOptions(locale),
    profile: {
      displayName: user.displayName,
      email: user.email,
      country: user.country,
      stakeholderGroup: user.stakeholderGroup,
      organisation: user.organisation ?? '',
      preferredLocale: user.preferredLocale,
    },
    outdated: outdated.map((c) => {
      const course = findCourse(c.courseSlug)
      const title = course ? pickLocalized(course.meta.title, locale, course.meta.defaultLocale) : null
      return { id: c.id, kind: c.kind, recipientName: c.recipientName, course: title ? { text: title.value, lang: title.locale } : { text: c.courseSlug, lang: locale } }
    }),
  }
}

export const meta = titleMeta

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = parseForm(profileSchema, await request.formData())
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, saved: false }, { status: 400 })
  await db.user.update({ where: { id: user.id }, data: parsed.data })
  // The interface follows the language chosen here, as with the language menu.
  const headers = parsed.data.preferredLocale !== user.preferredLocale ? { 'Set-Cookie': await localeCookie.serialize(parsed.data.preferredLocale) } : undefined
  return data({ errors: null, values: null, saved: true }, { headers })
}

export default function ProfilePage() {
  const { t } = useTranslation()
  const { countries, profile, outdated } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const submitting = useNavigation().state === 'submitting'
  const errors: FieldErrors | undefined = actionData?.errors ?? undefined
  const values: Record<string, string> = actionData?.values ?? profile
  return (
    <div className="page page--narrow">
      <h1>{t('profile.title')}</h1>
      {actionData?.saved ? (
        <p className="notice notice--success" role="status">
          {t('profile.saved')}
        </p>
      ) : null}
      {outdated.length > 0 ? (
        <section className="notice" aria-labelledby="outdated-title">
          <h2 id="outdated-title">{t('profile.outdatedTitle')}</h2>
          <p>{t('profile.outdatedBody', { count: outdated.length })}</p>
          <ul>
            {outdated.map((certificate) => (
              <li key={certificate.id}>
                <Link to={`/verify/${certificate.id}`} {...langDir(certificate.course.lang)}>
                  {certificate.kind === 'trainer' ? t('credential.trainerName', { course: certificate.course.text }) : certificate.course.text}
                </Link>{' '}
                (<bdi>{certificate.recipientName}</bdi>)
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" className="form" id="profile" noValidate>
        <ErrorSummary errors={errors} formId="profile" />
        <Field
          id="profile-displayName"
          label={t('fields.displayName')}
          help={t('fields.displayNameHelp')}
          name="displayName"
          autoComplete="name"
          dir="auto"
          required
          maxLength={100}
          defaultValue={values.displayName ?? ''}
          error={errors?.displayName}
        />
        <Field id="profile-email" label={t('fields.email')} name="email-shown" type="email" dir="ltr" readOnly defaultValue={profile.email} help={t('profile.emailHelp')} />
        <ProfileFields idPrefix="profile" countries={countries} values={values} errors={errors} />
        <button type="submit" className="button" disabled={submitting}>
          {t('profile.save')}
        </button>
      </Form>
      <p className="form-aside">
        {t('account.profileLinkLead')} <Link to="/me/security">{t('account.profileLink')}</Link>
      </p>
      <p className="form-aside">
        {t('myData.profileLinkLead')} <Link to="/me/data">{t('myData.title')}</Link>
      </p>
    </div>
  )
}
