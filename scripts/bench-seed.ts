// `npm run bench:seed`: a large programme for the benchmarks, the same every
// time (every value follows from a row's number through a fixed hash, so two
// runs make identical databases). At full scale: 100,000 learners in 40
// countries, 250,000 enrolments, 2,000,000 lesson-progress rows, 300,000 quiz
// attempts, 60,000 course completions with their certificates, 2,000 offline
// activities and 10,000 cascade sessions, over five years (2022–2026). Rows
// are made by SQLite itself (recursive CTEs, one INSERT … SELECT a table), so
// it takes minutes, not hours. It also opens sessions for the quiz workload's
// learners and an admin, and writes their tokens beside the database
// (sessions.json).
//
//   DATABASE_URL=file:./data/bench/bench.db npx tsx scripts/bench-seed.ts [--scale=1] [--workload=2000]
//
// The database must be migrated and empty of programme data.
import fs from 'node:fs'
import path from 'node:path'
import { getContentIndex } from '#app/content/catalog.server.ts'
import { generateSessionToken, newExpiry, sessionIdFromToken } from '#app/auth/session.ts'
import { db } from '#app/utils/db.server.ts'

export const FULL = {
  learners: 100_000,
  countries: 40,
  enrolments: 250_000,
  progress: 2_000_000,
  attempts: 300_000,
  completions: 60_000,
  activities: 2_000,
  cascadeSessions: 10_000,
}

/** Forty countries of the programme's regions (ISO 3166 codes). */
const COUNTRIES = ['MW', 'KE', 'MA', 'JO', 'ZM', 'TZ', 'UG', 'GH', 'NG', 'SN', 'CI', 'CM', 'RW', 'ET', 'ZA', 'EG', 'TN', 'DZ', 'LB', 'IQ',
  'BR', 'CO', 'PE', 'MX', 'GT', 'HN', 'EC', 'BO', 'AR', 'CL', 'ID', 'PH', 'VN', 'KH', 'BD', 'NP', 'PK', 'LK', 'FJ', 'PG'] as const
const GROUPS = ['parent_carer', 'educator', 'industry', 'government', 'civil_society', 'child_youth', 'other'] as const

/** SQL for a deterministic pseudo-random number in [0, n) from a row number and a salt. */
const hash = (expr: string, salt: number, n: number) => `(abs(((${expr}) * 2654435761 + ${salt * 40503}) % 4294967291) % ${n})`
/** SQL for a Prisma-stored instant, `minutes` after 2022-01-01. */
const instant = (minutes: string) => `strftime('%Y-%m-%dT%H:%M:%S.000+00:00', '2022-01-01', '+' || (${minutes}) || ' minutes')`
/** SQL for a Prisma-stored day, `days` after 2022-01-01. */
const day = (days: string) => `strftime('%Y-%m-%dT00:00:00.000+00:00', '2022-01-01', '+' || (${days}) || ' days')`
/** SQL for a certificate number (24 of a–z and 2–7) made from a row number: "bench" and its digits as letters. */
export const certificateId = (expr: string) => `'bench' || ${[...'0123456789'].reduce((sql, digit) => `replace(${sql}, '${digit}', '${'abcdefghij'[Number(digit)]}')`, `printf('%019d', ${expr})`)}`
const FIVE_YEARS_MINUTES = 5 * 365 * 24 * 60 - 60 * 24 * 31
const list = (values: readonly string[]) => `CASE %s ${values.map((v, i) => `WHEN ${i} THEN '${v}'`).join(' ')} END`

export type BenchCounts = typeof FULL

/** The counts for a scale (1 = full size; 0.002 is the smoke test's 200 learners). */
export function countsFor(scale: number): BenchCounts {
  return Object.fromEntries(Object.entries(FULL).map(([k, v]) => [k, k === 'countries' ? v : Math.max(1, Math.round(v * scale))])) as BenchCounts
}

async function run(label: string, sql: string) {
  const started = performance.now()
  const rows = await db.$executeRawUnsafe(sql)
  console.log(`  ${label}: ${rows.toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/** Makes the programme; returns what it made. */
export async function seedBenchProgramme(scale = 1) {
  const c = countsFor(scale)
  const courses = getContentIndex().courses.map((course) => ({
    slug: course.slug,
    lessons: course.modules.flatMap((m) => m.lessons.map((l) => l.id)),
    quizzes: course.modules.flatMap((m) => (m.quiz ? [m.quiz.id] : [])),
  }))
  await db.$executeRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe('PRAGMA synchronous = OFF')
  await db.$executeRawUnsafe('DROP TABLE IF EXISTS _bench_lessons')
  await db.$executeRawUnsafe('CREATE TABLE _bench_lessons (course INTEGER, slug TEXT, position INTEGER, lessonId TEXT, lessons INTEGER)')
  for (const [ci, course] of courses.entries()) {
    for (const [position, lessonId] of course.lessons.entries()) {
      await db.$executeRawUnsafe(`INSERT INTO _bench_lessons VALUES (${ci}, '${course.slug}', ${position}, '${lessonId}', ${course.lessons.length})`)
    }
  }
  const courseSlug = (expr: string) => list(courses.map((x) => x.slug)).replace('%s', expr)
  const nCourses = courses.length
  const numbers = (n: number) => `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})`

  console.log(`Seeding the benchmark programme (scale ${scale}):`)
  await run(
    'learners',
    `INSERT INTO User (id, email, displayName, passwordHash, country, stakeholderGroup, preferredLocale, role, createdAt, updatedAt)
     ${numbers(c.learners)}
     SELECT 'bl' || i, 'learner' || i || '@bench.example.org', 'Learner ' || i, 'x',
       ${list(COUNTRIES).replace('%s', hash('i', 1, c.countries))},
       ${list(GROUPS).replace('%s', hash('i', 2, GROUPS.length))},
       ${list(['en', 'fr', 'es', 'ar']).replace('%s', hash('i', 3, 4))},
       'learner', ${instant(hash('i', 4, FIVE_YEARS_MINUTES))}, ${instant(hash('i', 4, FIVE_YEARS_MINUTES))}
     FROM n`,
  )
  // Enrolment e belongs to learner ((e - 1) % learners) + 1, in course ((e - 1) / learners + learner) % courses:
  // each learner has their enrolments in different courses.
  await run(
    'enrolments',
    `INSERT INTO Enrolment (id, userId, courseSlug, enrolledAt, lastActivityAt, completedAt)
     ${numbers(c.enrolments)}
     SELECT 'be' || i, 'bl' || (((i - 1) % ${c.learners}) + 1),
       ${courseSlug(`((i - 1) / ${c.learners} + ((i - 1) % ${c.learners})) % ${nCourses}`)},
       ${instant(hash('i', 5, FIVE_YEARS_MINUTES))}, ${instant(hash('i', 5, FIVE_YEARS_MINUTES))},
       CASE WHEN i <= ${c.completions} THEN ${instant(`${hash('i', 5, FIVE_YEARS_MINUTES)} + ${hash('i', 6, 60 * 24 * 30)}`)} END
     FROM n`,
  )
  // Lesson progress: each enrolment has opened its course's lessons from the
  // first on, a completed one all of them, the others 1 to all (evenly
  // spread), every opened lesson completed but the last. About 2,000,000 rows
  // at full scale (the courses have 6 to 18 lessons).
  const reach = `CASE WHEN e.completedAt IS NOT NULL THEN l.lessons ELSE 1 + ${hash('substr(e.id, 3)', 7, 'l.lessons' as unknown as number)} END`
  await run(
    'lesson progress',
    `INSERT INTO LessonProgress (id, userId, courseSlug, lessonId, firstOpenedAt, lastSeenAt, completedAt, secondsSpent)
     SELECT 'bp' || substr(e.id, 3) || '-' || l.position, e.userId, e.courseSlug, l.lessonId,
       ${instant(`(julianday(e.enrolledAt) - julianday('2022-01-01')) * 1440 + l.position * 30`)},
       ${instant(`(julianday(e.enrolledAt) - julianday('2022-01-01')) * 1440 + l.position * 30 + 10`)},
       CASE WHEN e.completedAt IS NOT NULL OR l.position < ${reach} - 1 THEN
         ${instant(`(julianday(e.enrolledAt) - julianday('2022-01-01')) * 1440 + l.position * 30 + 10`)} END,
       60 + ${hash('substr(e.id, 3) + l.position', 8, 900)}
     FROM Enrolment e JOIN _bench_lessons l ON l.slug = e.courseSlug
     WHERE e.id LIKE 'be%' AND l.position < ${reach}`,
  )
  await run(
    'course completions',
    `INSERT INTO CourseCompletion (id, userId, courseSlug, completedAt)
     SELECT 'bc' || substr(id, 3), userId, courseSlug, completedAt FROM Enrolment WHERE id LIKE 'be%' AND completedAt IS NOT NULL`,
  )
  await run(
    'certificates',
    `INSERT INTO Certificate (id, userId, courseSlug, kind, recipientName, completedAt, issuedAt)
     SELECT ${certificateId('substr(e.id, 3)')}, e.userId, e.courseSlug, 'course', u.displayName, e.completedAt, e.completedAt
     FROM Enrolment e JOIN User u ON u.id = e.userId WHERE e.id LIKE 'be%' AND e.completedAt IS NOT NULL`,
  )
  const quizzes = courses.flatMap((course) => course.quizzes.map((quizId) => ({ slug: course.slug, quizId })))
  await db.$executeRawUnsafe('DROP TABLE IF EXISTS _bench_quizzes')
  await db.$executeRawUnsafe('CREATE TABLE _bench_quizzes (n INTEGER, slug TEXT, quizId TEXT)')
  for (const [i, quiz] of quizzes.entries()) await db.$executeRawUnsafe(`INSERT INTO _bench_quizzes VALUES (${i}, '${quiz.slug}', '${quiz.quizId}')`)
  await run(
    'quiz attempts',
    `INSERT INTO QuizAttempt (id, userId, courseSlug, quizId, questions, startedAt, submittedAt, answers, correct, total, percent, passed)
     ${numbers(c.attempts)}
     SELECT 'ba' || i, 'bl' || (${hash('i', 10, c.learners)} + 1), q.slug, q.quizId, '[]',
       ${instant(hash('i', 11, FIVE_YEARS_MINUTES))}, ${instant(`${hash('i', 11, FIVE_YEARS_MINUTES)} + 12`)}, '{}',
       ${hash('i', 12, 6)}, 5, ${hash('i', 12, 6)} * 20, ${hash('i', 12, 6)} >= 4
     FROM n JOIN _bench_quizzes q ON q.n = ${hash('i', 13, quizzes.length)}`,
  )
  const trainers = Math.max(1, Math.round(c.cascadeSessions / 20))
  await run('trainers', `UPDATE User SET role = 'trainer', stakeholderGroup = 'educator' WHERE id IN (SELECT 'bl' || (i * 37 % ${c.learners} + 1) FROM (${numbers(trainers)} SELECT i FROM n))`)
  await run(
    'offline activities',
    `INSERT INTO Activity (id, title, kind, startsOn, endsOn, country, audienceGroups, createdAt, updatedAt)
     ${numbers(c.activities)}
     SELECT 'bact' || i, 'Workshop ' || i, ${list(['workshop', 'training_session', 'webinar', 'conference']).replace('%s', hash('i', 14, 4))},
       ${day(hash('i', 15, 5 * 365 - 31))}, ${day(hash('i', 15, 5 * 365 - 31))},
       ${list(COUNTRIES).replace('%s', hash('i', 16, c.countries))},
       '["' || ${list(GROUPS).replace('%s', hash('i', 17, GROUPS.length))} || '"]', ${instant('0')}, ${instant('0')}
     FROM n`,
  )
  await run(
    'headcounts',
    `INSERT INTO ActivityHeadcount (id, activityId, stakeholderGroup, count)
     SELECT 'bh' || substr(id, 5), id, json_extract(audienceGroups, '$[0]'), 10 + ${hash('substr(id, 5)', 18, 90)} FROM Activity WHERE id LIKE 'bact%'`,
  )
  await run(
    'cascade sessions',
    `INSERT INTO CascadeSession (id, trainerId, deliveredOn, place, country, audienceGroup, headcount, status, createdAt)
     ${numbers(c.cascadeSessions)}
     SELECT 'bcs' || i, 'bl' || ((i % ${trainers}) * 37 % ${c.learners} + 1), ${day(hash('i', 19, 5 * 365 - 31))}, 'School ' || i,
       ${list(COUNTRIES).replace('%s', hash('i', 20, c.countries))}, ${list(['parent_carer', 'child_youth', 'educator']).replace('%s', hash('i', 21, 3))},
       5 + ${hash('i', 22, 40)}, CASE WHEN ${hash('i', 23, 10)} < 8 THEN 'verified' WHEN ${hash('i', 23, 10)} = 8 THEN 'pending' ELSE 'rejected' END, ${instant('0')}
     FROM n`,
  )
  await db.$executeRawUnsafe('DROP TABLE _bench_lessons')
  await db.$executeRawUnsafe('DROP TABLE _bench_quizzes')
  await db.$executeRawUnsafe('PRAGMA synchronous = FULL')
  await db.$executeRawUnsafe('ANALYZE')
  return c
}

/**
 * Learners for the quiz workload, registered beforehand: `count` new accounts
 * in Malawi, each signed in (a session), their tokens returned.
 */
export async function workloadLearners(count: number, prefix = 'bq') {
  // A session as signing in makes it (30 days): no renewal write on the first request.
  const expiresAt = newExpiry(new Date())
  const tokens: string[] = []
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, k) => start + k + 1)
    await db.user.createMany({
      data: batch.map((i) => ({ id: `${prefix}${i}`, email: `${prefix}${i}@bench.example.org`, displayName: `Quiz learner ${i}`, passwordHash: 'x', country: 'MW', stakeholderGroup: 'educator' })),
    })
    const made = batch.map(() => generateSessionToken())
    await db.session.createMany({ data: made.map((token, k) => ({ id: sessionIdFromToken(token), userId: `${prefix}${batch[k]}`, expiresAt })) })
    tokens.push(...made)
  }
  return tokens
}

/** An administrator for the dashboard scenarios, signed in: their session token. */
export async function benchAdmin() {
  await db.user.create({ data: { id: 'badmin', email: 'admin@bench.example.org', displayName: 'Bench Admin', passwordHash: 'x', country: 'MW', stakeholderGroup: 'other', role: 'admin' } })
  const token = generateSessionToken()
  await db.session.create({ data: { id: sessionIdFromToken(token), userId: 'badmin', expiresAt: newExpiry(new Date()) } })
  return token
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback
  const scale = Number(arg('scale', '1'))
  const workload = Number(arg('workload', '2000'))
  const started = performance.now()
  // --fresh-learners=N --out=file: only N new signed-in learners (each benchmark run's quiz workload has its own).
  const fresh = Number(arg('fresh-learners', '0'))
  if (fresh > 0) {
    const tokens = await workloadLearners(fresh, `bq${Date.now().toString(36)}-`)
    fs.writeFileSync(arg('out', 'workload.json'), JSON.stringify({ learners: tokens }))
    await db.$disconnect()
    process.exit(0)
  }
  if ((await db.user.count({ where: { id: { startsWith: 'bl' } } })) > 0) {
    console.error('This database already has the benchmark programme: use a fresh one.')
    process.exit(1)
  }
  await seedBenchProgramme(scale)
  const tokens = await workloadLearners(workload)
  const admin = await benchAdmin()
  const url = process.env.DATABASE_URL ?? ''
  const tokenFile = path.join(path.dirname(url.replace(/^file:/, '')), 'sessions.json')
  fs.writeFileSync(tokenFile, JSON.stringify({ learners: tokens, admin }))
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(0)} s; ${tokens.length} quiz-workload sessions and an admin's in ${tokenFile}.`)
  await db.$disconnect()
}
