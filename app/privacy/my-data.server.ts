import { stringify } from 'csv-stringify/sync'
import { findCourse } from '#app/content/catalog.server.ts'
import { pickLocalized } from '#app/content/localized.ts'
import type { Locale } from '#app/i18n/config.ts'
import { db } from '#app/utils/db.server.ts'

// Everything Trellis holds about a person, for them to download (the "Your
// data" page) or for an admin answering a request on their behalf. Internal
// ids and secrets (password hash, session ids) are left out: they mean
// nothing outside Trellis and would only be a risk in a downloaded file.
// Reflection notes are private ("Only you can see your notes"): they are in
// the person's own download, never in an admin's.

function parseJson(text: string | null): unknown {
  if (text === null) return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

export type DataAudience = 'self' | 'admin'

export async function collectMyData(userId: string, origin: string, { audience = 'self', now = new Date() }: { audience?: DataAudience; now?: Date } = {}) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      displayName: true,
      country: true,
      stakeholderGroup: true,
      organisation: true,
      preferredLocale: true,
      role: true,
      createdAt: true,
      updatedAt: true,
      sessions: { where: { expiresAt: { gt: now } }, select: { createdAt: true, expiresAt: true, userAgent: true }, orderBy: { createdAt: 'asc' } },
      enrolments: { select: { courseSlug: true, enrolledAt: true, lastActivityAt: true, lastLessonId: true, completedAt: true }, orderBy: { enrolledAt: 'asc' } },
      lessonProgress: {
        select: { courseSlug: true, lessonId: true, firstOpenedAt: true, lastSeenAt: true, completedAt: true, secondsSpent: true },
        orderBy: [{ courseSlug: 'asc' }, { firstOpenedAt: 'asc' }],
      },
      completions: { select: { courseSlug: true, completedAt: true }, orderBy: { completedAt: 'asc' } },
      quizAttempts: {
        select: { courseSlug: true, quizId: true, startedAt: true, submittedAt: true, answers: true, correct: true, total: true, percent: true, passed: true },
        orderBy: { startedAt: 'asc' },
      },
      reflectionNotes:
        audience === 'self'
          ? { select: { courseSlug: true, lessonId: true, reflectionId: true, text: true, updatedAt: true }, orderBy: { updatedAt: 'asc' } }
          : false,
      certificates: {
        select: { id: true, kind: true, courseSlug: true, recipientName: true, completedAt: true, issuedAt: true, revokedAt: true, revokedReason: true, supersededBy: true },
        orderBy: { issuedAt: 'asc' },
      },
      workshopAttendances: { select: { courseSlug: true, attendedOn: true, recordedAt: true } },
      cohortMemberships: { select: { joinedAt: true, attendedOn: true, cohort: { select: { name: true, country: true, courseSlug: true } } } },
      cascadeSessions: {
        select: { deliveredOn: true, place: true, country: true, audienceGroup: true, headcount: true, female: true, male: true, ageBands: true, notes: true, status: true, rejectionReason: true, createdAt: true },
        orderBy: { deliveredOn: 'asc' },
      },
    },
  })
  // Offline attendance lists that name this person's email.
  const attendance = await db.activityAttendee.findMany({
    where: { email: user.email },
    select: { name: true, stakeholderGroup: true, country: true, gender: true, organisation: true, activity: { select: { title: true, kind: true, startsOn: true, endsOn: true, country: true, city: true } } },
  })
  const { sessions, quizAttempts, cascadeSessions, certificates, ...rest } = user
  return {
    exportedAt: now.toISOString(),
    about:
      audience === 'self'
        ? 'Everything Trellis holds about your account. Dates are in UTC (ISO 8601).'
        : 'What Trellis holds about this account, less the reflection notes, which only the person can see. Dates are in UTC (ISO 8601).',
    ...rest,
    activeSessions: sessions,
    quizAttempts: quizAttempts.map((attempt) => ({ ...attempt, answers: parseJson(attempt.answers) })),
    certificates: certificates.map((certificate) => ({ ...certificate, verificationUrl: `${origin}/verify/${certificate.id}` })),
    cascadeSessions: cascadeSessions.map((session) => ({ ...session, ageBands: parseJson(session.ageBands) })),
    offlineAttendance: attendance,
  }
}

/** The person's progress, one row per lesson opened, for a spreadsheet. */
export async function myProgressCsv(userId: string, locale: Locale, columns: string[]) {
  const rows = await db.lessonProgress.findMany({
    where: { userId },
    select: { courseSlug: true, lessonId: true, firstOpenedAt: true, lastSeenAt: true, completedAt: true, secondsSpent: true },
    orderBy: [{ courseSlug: 'asc' }, { firstOpenedAt: 'asc' }],
  })
  const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '')
  const lines = rows.map((row) => {
    const course = findCourse(row.courseSlug)
    const courseTitle = course ? (pickLocalized(course.meta.title, locale, course.meta.defaultLocale)?.value ?? row.courseSlug) : row.courseSlug
    const lesson = course?.modules.flatMap((m) => m.lessons).find((l) => l.id === row.lessonId)
    const source = lesson ? (lesson.sources[locale] ?? lesson.sources[course!.meta.defaultLocale]) : undefined
    return [courseTitle, source?.frontmatter.title ?? row.lessonId, day(row.firstOpenedAt), day(row.lastSeenAt), day(row.completedAt), Math.round(row.secondsSpent / 60)]
  })
  // A byte-order mark so spreadsheet programs read the text (Arabic included) as UTF-8.
  return `\uFEFF${stringify([columns, ...lines])}`
}
