import { certificatesByCourse, trainerCertificates } from '#app/certificates/certificates.server.ts'
import { findCourse, lessonUrl } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import type { Locale } from '#app/i18n/config.ts'
import { courseProgress } from './progress.ts'
import { courseShape, getMyEnrolments } from './progress.server.ts'
import { env } from '#app/utils/env.server.ts'

/** "My learning": courses in progress (with the next lesson) and completed courses. */
export async function getMyLearning(userId: string, locale: Locale) {
  const [enrolments, certificates, trainer] = await Promise.all([getMyEnrolments(userId), certificatesByCourse(userId), trainerCertificates(userId)])
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: env.PROGRAMME_TIME_ZONE })
  const courses = enrolments.flatMap((enrolment) => {
    const course = findCourse(enrolment.courseSlug)
    if (!course) return [] // a course removed from content/
    const progress = courseProgress(courseShape(course), enrolment.completedLessonIds, enrolment.passedQuizIds)
    const lessons = course.modules.flatMap((m) => m.lessons)
    const next = lessons.find((l) => l.id === progress.nextLessonId)
    const nextSource = next ? (next.sources[locale] ?? next.sources[course.meta.defaultLocale]) : undefined
    const title = pickLocalized(course.meta.title, locale, course.meta.defaultLocale)!
    return [
      {
        slug: course.slug,
        title: { text: title.value, lang: title.locale },
        percent: progress.percent,
        done: progress.done,
        total: progress.total,
        next: next && nextSource ? { url: lessonUrl(course.slug, next), title: { text: nextSource.frontmatter.title, lang: nextSource.locale } } : null,
        completedOn: enrolment.completedAt ? date.format(enrolment.completedAt) : null,
        certificate: certificateLink(certificates.get(course.slug)),
      },
    ]
  })
  return {
    inProgress: courses.filter((c) => !c.completedOn),
    completed: courses.filter((c) => c.completedOn),
    trainerCertificates: trainer.flatMap((certificate) => {
      const course = findCourse(certificate.courseSlug)
      const title = course ? pickLocalized(course.meta.title, locale, course.meta.defaultLocale) : null
      return title ? [{ ...certificateLink(certificate)!, course: { text: title.value, lang: title.locale }, certifiedOn: date.format(certificate.completedAt) }] : []
    }),
  }
}

function certificateLink(certificate: { id: string; revokedAt: Date | null } | undefined) {
  return certificate ? { id: certificate.id, valid: !certificate.revokedAt } : null
}
