// A realistic demo programme, so the dashboard and the programme report have
// something to show: `npm run db:seed -- --demo`. Six countries, about 400
// learners with their lessons, quizzes and certificates (2022–2024), five
// Training of Trainers cohorts whose graduates became trainers, a dozen offline
// activities, forty cascade sessions and the baselines of the years before.
//
// Deterministic: a seeded pseudo-random generator, so every run builds the same
// programme (only ids and certificate numbers differ). Idempotent: a marker
// account records that the programme was loaded, and a second run does
// nothing. A run that stopped half-way is cleared and done again.
//
// Demo accounts all live under @demo.trellis.example. Never load this into a
// real programme's database: it would count in its reports.
import type { StakeholderGroup } from '#app/auth/profile.ts'
import { generateCertificateId } from '#app/certificates/certificate.ts'
import { getContentIndex } from '#app/content/catalog.server.ts'
import type { CourseEntry } from '#app/content/load.server.ts'
import type { Question, QuizFile } from '#app/content/schema.ts'
import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import type { Locale } from '#app/i18n/config.ts'
import { courseShape } from '#app/learning/progress.server.ts'
import { drawAttempt, gradeAttempt, type Answer, type Answers } from '#app/learning/quiz.ts'
import { generateInviteCode } from '#app/reporting/cohorts.ts'
import { addDays, dateToDay, dayToDate, type Day } from '#app/reporting/dates.ts'
import { db as defaultDb } from '#app/utils/db.server.ts'

export const DEMO_EMAIL_DOMAIN = 'demo.trellis.example'
/** Exists once the demo programme is loaded; its name says whether loading finished. */
export const DEMO_MARKER_EMAIL = `demo-programme-marker@${DEMO_EMAIL_DOMAIN}`
const MARKER_LOADING = 'Demo programme team (loading)'
const MARKER_DONE = 'Demo programme team'

const PROGRAMME_END = new Date('2024-12-31T17:00:00Z')
const DAY_MS = 86_400_000

export type DemoSummary = {
  skipped: boolean
  learners: number
  completions: number
  cohorts: number
  trainers: number
  activities: number
  cascadeSessions: number
  baselines: number
  seconds: number
}

// ---------------------------------------------------------------------------
// A seeded pseudo-random generator (mulberry32): the same numbers every run.

function generator(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const chance = (p: number) => next() < p
  const weighted = <T extends string>(weights: Readonly<Record<T, number>>): T => {
    const entries = Object.entries(weights) as [T, number][]
    let r = next() * entries.reduce((sum, [, w]) => sum + w, 0)
    for (const [value, w] of entries) if ((r -= w) < 0) return value
    return entries.at(-1)![0]
  }
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy.slice(0, n)
  }
  return { next, int, pick, chance, weighted, sample }
}

type Random = ReturnType<typeof generator>

// ---------------------------------------------------------------------------
// The programme's countries and people.

/** A name in Latin letters (for the email address) and, for some, as written in Arabic. */
type Name = readonly [latin: string, arabic?: string]

type CountryPlan = {
  code: string
  /** When the programme started there: learners register from then on. */
  startsOn: Day
  learners: number
  locales: readonly Locale[]
  cities: readonly string[]
  firstNames: readonly Name[]
  lastNames: readonly Name[]
  companies: readonly string[]
  schools: readonly string[]
  government: readonly string[]
  civilSociety: readonly string[]
}

const COUNTRIES: CountryPlan[] = [
  {
    code: 'MW',
    startsOn: '2022-01-10',
    learners: 85,
    locales: ['en'],
    cities: ['Lilongwe', 'Blantyre', 'Mzuzu', 'Zomba'],
    firstNames: ['Chikondi', 'Tamanda', 'Kondwani', 'Thokozani', 'Mphatso', 'Chisomo', 'Limbani', 'Madalitso', 'Takondwa', 'Yamikani', 'Grace', 'Blessings', 'Esther', 'Joseph', 'Memory', 'Pemphero'].map((n) => [n] as const),
    lastNames: ['Banda', 'Phiri', 'Mwale', 'Chirwa', 'Kumwenda', 'Nyirenda', 'Gondwe', 'Msiska', 'Tembo', 'Mbewe', 'Chisale', 'Kalua'].map((n) => [n] as const),
    companies: ['Airtel Malawi', 'TNM', 'Malawi Digital Services'],
    schools: ['Lilongwe Girls Secondary School', 'Blantyre Primary School', 'Mzuzu Teachers College', 'Zomba Community Day School'],
    government: ['Ministry of Education', 'Malawi Communications Regulatory Authority'],
    civilSociety: ['Child Helpline Malawi', 'Youth Net and Counselling'],
  },
  {
    code: 'KE',
    startsOn: '2022-02-01',
    learners: 75,
    locales: ['en'],
    cities: ['Nairobi', 'Mombasa', 'Kisumu', 'Nakuru'],
    firstNames: ['Wanjiku', 'Achieng', 'Kamau', 'Otieno', 'Njeri', 'Kiprop', 'Wambui', 'Mwangi', 'Akinyi', 'Chebet', 'Omondi', 'Muthoni', 'Brian', 'Faith', 'Kevin', 'Mercy'].map((n) => [n] as const),
    lastNames: ['Odhiambo', 'Mutua', 'Wafula', 'Kiptoo', 'Njoroge', 'Ochieng', 'Kariuki', 'Wekesa', 'Chege', 'Owino', 'Maina', 'Kilonzo'].map((n) => [n] as const),
    companies: ['Safaricom', 'Airtel Kenya', 'Nairobi Apps Studio'],
    schools: ['Kisumu Day Secondary School', 'Nakuru Primary School', 'Mombasa Academy', 'Kenyatta Teachers College'],
    government: ['Communications Authority of Kenya', 'Ministry of Education'],
    civilSociety: ['Childline Kenya', 'Watoto Online Safety Network'],
  },
  {
    code: 'MA',
    startsOn: '2022-05-01',
    learners: 65,
    locales: ['fr', 'ar'],
    cities: ['Rabat', 'Casablanca', 'Marrakech', 'Fès'],
    firstNames: [
      ['Youssef', 'يوسف'],
      ['Fatima Zahra', 'فاطمة الزهراء'],
      ['Khadija', 'خديجة'],
      ['Mehdi', 'المهدي'],
      ['Salma', 'سلمى'],
      ['Amine', 'أمين'],
      ['Nadia', 'نادية'],
      ['Omar', 'عمر'],
      ['Imane', 'إيمان'],
      ['Hamza', 'حمزة'],
      ['Sanaa', 'سناء'],
      ['Karim', 'كريم'],
    ],
    lastNames: [
      ['Benali', 'بنعلي'],
      ['El Amrani', 'العمراني'],
      ['Bennani', 'بناني'],
      ['Alaoui', 'العلوي'],
      ['Tazi', 'التازي'],
      ['Berrada', 'برادة'],
      ['El Idrissi', 'الإدريسي'],
      ['Chraibi', 'الشرايبي'],
      ['Fassi', 'الفاسي'],
      ['Ouazzani', 'الوزاني'],
    ],
    companies: ['Maroc Telecom', 'Orange Maroc', 'inwi'],
    schools: ['Lycée Ibn Sina, Rabat', 'École primaire Al Amal, Casablanca', 'Collège Al Massira, Marrakech', 'CRMEF Fès-Meknès'],
    government: ['Agence Nationale de Réglementation des Télécommunications', 'Ministère de l’Éducation nationale'],
    civilSociety: ['Association Bayti', 'Réseau marocain pour la protection de l’enfance'],
  },
  {
    code: 'JO',
    startsOn: '2022-09-01',
    learners: 55,
    locales: ['ar', 'en'],
    cities: ['Amman', 'Irbid', 'Zarqa', 'Aqaba'],
    firstNames: [
      ['Layla', 'ليلى'],
      ['Ahmad', 'أحمد'],
      ['Rania', 'رانيا'],
      ['Omar', 'عمر'],
      ['Dana', 'دانة'],
      ['Khaled', 'خالد'],
      ['Hala', 'هالة'],
      ['Zaid', 'زيد'],
      ['Sara', 'سارة'],
      ['Yousef', 'يوسف'],
      ['Noor', 'نور'],
      ['Tareq', 'طارق'],
    ],
    lastNames: [
      ['Haddad', 'حداد'],
      ['Khoury', 'خوري'],
      ['Abu Zeid', 'أبو زيد'],
      ['Masri', 'المصري'],
      ['Nasser', 'ناصر'],
      ['Qasem', 'قاسم'],
      ['Saleh', 'صالح'],
      ['Hijazi', 'حجازي'],
      ['Odeh', 'عودة'],
      ['Shami', 'الشامي'],
    ],
    companies: ['Zain Jordan', 'Orange Jordan', 'Umniah'],
    schools: ['Amman Model School', 'Irbid Secondary School for Girls', 'Zarqa Basic School', 'Aqaba International School'],
    government: ['Telecommunications Regulatory Commission', 'Ministry of Education'],
    civilSociety: ['Jordan River Foundation', 'Family Guidance and Awareness Center'],
  },
  {
    code: 'BR',
    startsOn: '2023-01-15',
    learners: 60,
    locales: ['en', 'es'],
    cities: ['São Paulo', 'Rio de Janeiro', 'Recife', 'Brasília'],
    firstNames: ['Ana', 'João', 'Mariana', 'Pedro', 'Juliana', 'Lucas', 'Camila', 'Rafael', 'Beatriz', 'Gabriel', 'Larissa', 'Thiago'].map((n) => [n] as const),
    lastNames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Lima', 'Carvalho', 'Ferreira'].map((n) => [n] as const),
    companies: ['Vivo', 'TIM Brasil', 'Claro Brasil', 'Recife Games'],
    schools: ['Escola Estadual Machado de Assis', 'Colégio Municipal do Recife', 'Escola Parque de Brasília'],
    government: ['Anatel', 'Ministério dos Direitos Humanos'],
    civilSociety: ['SaferNet Brasil', 'Instituto Alana'],
  },
  {
    code: 'ID',
    startsOn: '2023-04-01',
    learners: 60,
    locales: ['en'],
    cities: ['Jakarta', 'Surabaya', 'Bandung', 'Yogyakarta'],
    firstNames: ['Siti', 'Budi', 'Dewi', 'Agus', 'Putri', 'Rizky', 'Intan', 'Adi', 'Ayu', 'Eko', 'Fitri', 'Wahyu'].map((n) => [n] as const),
    lastNames: ['Santoso', 'Wijaya', 'Saputra', 'Lestari', 'Hidayat', 'Pratama', 'Kusuma', 'Nugroho', 'Rahmawati', 'Setiawan', 'Susanto', 'Hartono'].map((n) => [n] as const),
    companies: ['Telkomsel', 'Indosat Ooredoo Hutchison', 'Jakarta Digital Studio'],
    schools: ['SMA Negeri 8 Jakarta', 'SD Negeri Surabaya 3', 'SMP Negeri 5 Bandung', 'Universitas Negeri Yogyakarta'],
    government: ['Ministry of Communication and Informatics', 'Ministry of Women’s Empowerment and Child Protection'],
    civilSociety: ['ECPAT Indonesia', 'Yayasan Sejiwa'],
  },
]

/** Mostly parents, carers, educators and industry staff, as in the programme's reports. */
const GROUP_WEIGHTS: Record<StakeholderGroup, number> = {
  parent_carer: 38,
  educator: 22,
  industry: 20,
  government: 4,
  civil_society: 7,
  child_youth: 4,
  other: 5,
}

type CohortPlan = { name: string; country: string; startsOn: Day; endsOn: Day; members: number; facilitators: string }

const COHORTS: CohortPlan[] = [
  { name: 'Lilongwe educators 2022', country: 'MW', startsOn: '2022-04-04', endsOn: '2022-04-08', members: 16, facilitators: 'Programme team with the Ministry of Education' },
  { name: 'Nairobi educators 2022', country: 'KE', startsOn: '2022-10-10', endsOn: '2022-10-14', members: 14, facilitators: 'Programme team with Childline Kenya' },
  { name: 'Rabat educators 2023', country: 'MA', startsOn: '2023-03-13', endsOn: '2023-03-17', members: 14, facilitators: 'Programme team with CRMEF Rabat-Salé-Kénitra' },
  { name: 'Amman educators 2023', country: 'JO', startsOn: '2023-11-05', endsOn: '2023-11-09', members: 12, facilitators: 'Programme team with the Ministry of Education' },
  { name: 'Jakarta educators 2024', country: 'ID', startsOn: '2024-05-20', endsOn: '2024-05-24', members: 12, facilitators: 'Programme team with ECPAT Indonesia' },
]

type LearnerPlan = {
  email: string
  displayName: string
  country: CountryPlan
  group: StakeholderGroup
  organisation: string | null
  locale: Locale
  createdAt: Date
  courses: string[]
  /** Index in COHORTS, for the educators of a ToT cohort. */
  cohort: number | null
}

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** An instant on a day, at a plausible working hour (UTC). */
function momentOn(random: Random, day: Day): Date {
  return new Date(dayToDate(day).getTime() + random.int(6, 18) * 3_600_000 + random.int(0, 59) * 60_000)
}

function dayBetween(random: Random, from: Day, to: Day, skewLate = false): Day {
  const span = Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / DAY_MS)
  // A growing programme: more newcomers each year.
  const r = skewLate ? Math.sqrt(random.next()) : random.next()
  return addDays(from, Math.floor(r * span))
}

function coursesFor(random: Random, group: StakeholderGroup): string[] {
  switch (group) {
    case 'industry':
      return random.chance(0.9) ? (random.chance(0.3) ? ['child-rights-business', 'introduction'] : ['child-rights-business']) : ['introduction']
    case 'educator':
      return random.chance(0.2) ? ['introduction', 'tot-educators'] : ['introduction']
    case 'government':
    case 'civil_society':
      return random.chance(0.4) ? ['introduction', 'child-rights-business'] : ['introduction']
    default:
      return ['introduction']
  }
}

function planLearners(random: Random): LearnerPlan[] {
  const plans: LearnerPlan[] = []
  let serial = 0
  const person = (country: CountryPlan, group: StakeholderGroup, createdAt: Date, courses: string[], cohort: number | null): LearnerPlan => {
    const first = random.pick(country.firstNames)
    const last = random.pick(country.lastNames)
    const locale = random.pick(country.locales)
    const arabic = locale === 'ar' && first[1] && last[1]
    const organisation =
      group === 'industry'
        ? random.pick(country.companies)
        : group === 'educator'
          ? random.pick(country.schools)
          : group === 'government'
            ? random.pick(country.government)
            : group === 'civil_society'
              ? random.pick(country.civilSociety)
              : null
    serial++
    return {
      email: `${ascii(first[0])}.${ascii(last[0])}.${serial}@${DEMO_EMAIL_DOMAIN}`,
      displayName: arabic ? `${first[1]} ${last[1]}` : `${first[0]} ${last[0]}`,
      country,
      group,
      organisation,
      locale,
      createdAt,
      courses,
      cohort,
    }
  }
  for (const country of COUNTRIES) {
    let left = country.learners
    COHORTS.forEach((cohort, index) => {
      if (cohort.country !== country.code) return
      for (let i = 0; i < cohort.members; i++) {
        // They register a few weeks before the workshop, to take the online part first.
        const registered = momentOn(random, addDays(cohort.startsOn, -random.int(25, 60)))
        plans.push(person(country, 'educator', registered, random.chance(0.3) ? ['tot-educators', 'introduction'] : ['tot-educators'], index))
        left--
      }
    })
    for (; left > 0; left--) {
      const group = random.weighted(GROUP_WEIGHTS)
      const registered = momentOn(random, dayBetween(random, country.startsOn, '2024-12-20', true))
      plans.push(person(country, group, registered, coursesFor(random, group), null))
    }
  }
  return plans
}

// ---------------------------------------------------------------------------
// Learning: lessons completed, quiz attempts, completions.

type Rows = {
  enrolments: { userId: string; courseSlug: string; enrolledAt: Date; lastLessonId: string | null; lastActivityAt: Date; completedAt: Date | null }[]
  lessons: { userId: string; courseSlug: string; lessonId: string; firstOpenedAt: Date; lastSeenAt: Date; completedAt: Date | null; secondsSpent: number }[]
  attempts: {
    userId: string
    courseSlug: string
    quizId: string
    questions: string
    startedAt: Date
    submittedAt: Date
    answers: string
    correct: number
    total: number
    percent: number
    passed: boolean
  }[]
  completions: { userId: string; courseSlug: string; completedAt: Date }[]
}

function rightAnswer(question: Question): Answer {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'true-false':
      return question.answer
    case 'ordering':
      return Object.fromEntries(question.items.map((item, i) => [item.id, String(i + 1)]))
    case 'matching':
      return Object.fromEntries(question.pairs.map((pair) => [pair.id, pair.id]))
  }
}

function wrongAnswer(question: Question): Answer {
  switch (question.type) {
    case 'single':
      return question.options.find((o) => o.id !== question.answer)!.id
    case 'multiple': {
      const extra = question.options.find((o) => !question.answer.includes(o.id))
      return extra ? [...question.answer, extra.id] : question.answer.slice(1)
    }
    case 'true-false':
      return !question.answer
    case 'ordering':
      return Object.fromEntries(question.items.map((item, i) => [item.id, String(question.items.length - i)]))
    case 'matching':
      return Object.fromEntries(question.pairs.map((pair, i) => [pair.id, question.pairs[(i + 1) % question.pairs.length]!.id]))
  }
}

/** One submitted attempt, graded by the real grader: `pass` decides how many answers are right. */
function attempt(random: Random, quiz: QuizFile, pass: boolean) {
  const drawn = drawAttempt(quiz, random.next)
  const total = drawn.length
  const needed = Math.ceil((quiz.passMark * total) / 100)
  const right = pass ? random.int(needed, total) : random.int(Math.max(0, needed - 3), Math.max(0, needed - 1))
  const rightIds = new Set(random.sample(drawn.map((d) => d.id), right))
  const answers: Answers = {}
  for (const { id } of drawn) {
    const question = quiz.questions.find((q) => q.id === id)!
    answers[id] = rightIds.has(id) ? rightAnswer(question) : wrongAnswer(question)
  }
  return { drawn, answers, grade: gradeAttempt(quiz, drawn, answers) }
}

function simulateCourse(random: Random, rows: Rows, userId: string, course: CourseEntry, start: Date, motivated: boolean) {
  const shape = courseShape(course)
  const lessonCount = shape.lessonIds.length
  const style = motivated ? (random.chance(0.88) ? 'full' : 'partial') : random.weighted({ browse: 12, partial: 40, full: 48 })
  const stopAfter = style === 'browse' ? 0 : style === 'partial' ? random.int(1, Math.max(1, lessonCount - 1)) : lessonCount
  const firstPass = motivated ? 0.82 : 0.72

  let clock = start.getTime() + random.int(5, 90) * 60_000
  const gap = () => {
    const days = random.chance(0.1) ? random.int(10, 45) : motivated ? random.next() * 2.5 : random.next() * 5
    clock += Math.round(days * DAY_MS) + random.int(10, 300) * 60_000
  }
  const enrolment: Rows['enrolments'][number] = { userId, courseSlug: course.slug, enrolledAt: start, lastLessonId: null, lastActivityAt: start, completedAt: null }
  rows.enrolments.push(enrolment)
  const passed = new Set<string>()
  let done = 0
  let stopped = false

  for (const module of course.modules) {
    for (const lesson of module.lessons) {
      if (done >= stopAfter) {
        // The next lesson, opened but not finished.
        if (clock < PROGRAMME_END.getTime() && (style === 'browse' || random.chance(0.6))) {
          const opened = new Date(clock)
          rows.lessons.push({ userId, courseSlug: course.slug, lessonId: lesson.id, firstOpenedAt: opened, lastSeenAt: opened, completedAt: null, secondsSpent: random.int(30, 400) })
          enrolment.lastLessonId = lesson.id
          enrolment.lastActivityAt = opened
        }
        stopped = true
        break
      }
      const seconds = random.int(240, 1500)
      if (clock + seconds * 1000 > PROGRAMME_END.getTime()) {
        stopped = true
        break
      }
      const opened = new Date(clock)
      clock += seconds * 1000
      const completed = new Date(clock)
      rows.lessons.push({ userId, courseSlug: course.slug, lessonId: lesson.id, firstOpenedAt: opened, lastSeenAt: completed, completedAt: completed, secondsSpent: seconds })
      enrolment.lastLessonId = lesson.id
      enrolment.lastActivityAt = completed
      done++
      gap()
    }
    if (stopped) break
    const entry = module.quiz
    const quiz = entry?.files[course.meta.defaultLocale]?.quiz
    if (!entry || !quiz) continue
    for (let n = 1; !passed.has(entry.id); n++) {
      if (quiz.maxAttempts !== undefined && n > quiz.maxAttempts) break
      const startedAt = clock + random.int(2, 30) * 60_000
      const submittedAt = startedAt + random.int(5, 20) * 60_000
      if (submittedAt > PROGRAMME_END.getTime()) break
      const { drawn, answers, grade } = attempt(random, quiz, random.chance(n === 1 ? firstPass : 0.85))
      rows.attempts.push({
        userId,
        courseSlug: course.slug,
        quizId: entry.id,
        questions: JSON.stringify(drawn),
        startedAt: new Date(startedAt),
        submittedAt: new Date(submittedAt),
        answers: JSON.stringify(answers),
        correct: grade.correct,
        total: grade.total,
        percent: grade.percent,
        passed: grade.passed,
      })
      clock = submittedAt
      enrolment.lastActivityAt = new Date(submittedAt)
      if (grade.passed) passed.add(entry.id)
      // Some give up after a failed attempt; others come back a day or two later.
      else if (!motivated && random.chance(0.25)) break
      else clock += random.int(1, 3) * DAY_MS
    }
    if (!passed.has(entry.id)) break
    gap()
  }

  const complete = done === lessonCount && shape.requiredQuizIds.every((id) => passed.has(id))
  if (complete) {
    enrolment.completedAt = enrolment.lastActivityAt
    rows.completions.push({ userId, courseSlug: course.slug, completedAt: enrolment.lastActivityAt })
  }
  return complete ? enrolment.lastActivityAt : null
}

// ---------------------------------------------------------------------------
// Offline activities, cascade sessions and baselines.

type Attendee = { name: string; email: string | null; stakeholderGroup: string; country: string | null; gender: string | null; organisation: string | null }

type ActivityPlan = {
  title: string
  kind: 'workshop' | 'training_session' | 'webinar' | 'conference' | 'other'
  startsOn: Day
  endsOn?: Day
  country: string
  city: string
  organiser: string
  audience: StakeholderGroup[]
  notes?: string
  /** A named list: this many people, of whom `learners` are demo learners of the country and first group. */
  named?: { count: number; learners: number }
  /** Headcounts per group, optionally by gender. */
  headcounts?: { group: StakeholderGroup; gender?: 'female' | 'male' | 'other' | 'undisclosed'; count: number }[]
}

const ACTIVITIES: ActivityPlan[] = [
  {
    title: 'Child online protection workshop for school leaders',
    kind: 'workshop',
    startsOn: '2022-06-14',
    endsOn: '2022-06-15',
    country: 'MW',
    city: 'Lilongwe',
    organiser: 'Programme team and Ministry of Education',
    audience: ['educator', 'government'],
    named: { count: 28, learners: 9 },
  },
  {
    title: 'Industry roundtable on child rights and business',
    kind: 'conference',
    startsOn: '2022-11-22',
    country: 'KE',
    city: 'Nairobi',
    organiser: 'Programme team',
    audience: ['industry', 'government', 'civil_society'],
    headcounts: [
      { group: 'industry', count: 34 },
      { group: 'government', count: 9 },
      { group: 'civil_society', count: 12 },
    ],
  },
  {
    title: 'Parents’ evening: keeping children safe online',
    kind: 'workshop',
    startsOn: '2023-02-18',
    country: 'MW',
    city: 'Blantyre',
    organiser: 'Blantyre Primary School parents’ association',
    audience: ['parent_carer'],
    headcounts: [
      { group: 'parent_carer', gender: 'female', count: 41 },
      { group: 'parent_carer', gender: 'male', count: 23 },
    ],
  },
  {
    title: 'Webinar: safety by design for app developers',
    kind: 'webinar',
    startsOn: '2023-04-26',
    country: 'BR',
    city: 'São Paulo',
    organiser: 'Programme team with SaferNet Brasil',
    audience: ['industry'],
    headcounts: [{ group: 'industry', count: 118 }],
  },
  {
    title: 'Training session for child helpline counsellors',
    kind: 'training_session',
    startsOn: '2023-06-07',
    endsOn: '2023-06-08',
    country: 'MA',
    city: 'Rabat',
    organiser: 'Réseau marocain pour la protection de l’enfance',
    audience: ['civil_society'],
    named: { count: 22, learners: 3 },
  },
  {
    title: 'Regulators’ briefing on age-appropriate design',
    kind: 'training_session',
    startsOn: '2023-09-12',
    country: 'JO',
    city: 'Amman',
    organiser: 'Programme team with the Telecommunications Regulatory Commission',
    audience: ['government'],
    named: { count: 15, learners: 2 },
  },
  {
    title: 'Community workshop for parents and carers',
    kind: 'workshop',
    startsOn: '2023-10-21',
    country: 'KE',
    city: 'Kisumu',
    organiser: 'Childline Kenya',
    audience: ['parent_carer', 'educator'],
    headcounts: [
      { group: 'parent_carer', gender: 'female', count: 52 },
      { group: 'parent_carer', gender: 'male', count: 30 },
      { group: 'educator', count: 14 },
    ],
  },
  {
    title: 'National conference on children’s digital rights',
    kind: 'conference',
    startsOn: '2024-02-27',
    endsOn: '2024-02-28',
    country: 'ID',
    city: 'Jakarta',
    organiser: 'Ministry of Women’s Empowerment and Child Protection with the programme',
    audience: ['government', 'industry', 'civil_society', 'educator'],
    headcounts: [
      { group: 'government', count: 60 },
      { group: 'industry', count: 85 },
      { group: 'civil_society', count: 40 },
      { group: 'educator', count: 55 },
    ],
  },
  {
    title: 'Youth panel: what makes apps feel safe',
    kind: 'workshop',
    startsOn: '2024-04-13',
    country: 'BR',
    city: 'Recife',
    organiser: 'Instituto Alana',
    audience: ['child_youth'],
    notes: 'Young people aged 15 to 19, with their parents’ consent.',
    headcounts: [
      { group: 'child_youth', gender: 'female', count: 18 },
      { group: 'child_youth', gender: 'male', count: 15 },
      { group: 'child_youth', gender: 'other', count: 2 },
    ],
  },
  {
    title: 'Workshop for teachers on responding to disclosures',
    kind: 'workshop',
    startsOn: '2024-07-09',
    country: 'JO',
    city: 'Irbid',
    organiser: 'Programme team with the Ministry of Education',
    audience: ['educator'],
    named: { count: 26, learners: 8 },
  },
  {
    title: 'Telecom staff training on reporting child sexual abuse material',
    kind: 'training_session',
    startsOn: '2024-09-18',
    country: 'MA',
    city: 'Casablanca',
    organiser: 'Programme team',
    audience: ['industry'],
    named: { count: 19, learners: 6 },
  },
  {
    title: 'Webinar for parents: gaming and online chat',
    kind: 'webinar',
    startsOn: '2024-11-20',
    country: 'ID',
    city: '',
    organiser: 'ECPAT Indonesia',
    audience: ['parent_carer'],
    headcounts: [{ group: 'parent_carer', count: 240 }],
  },
]

const BASELINE_NOTE = 'Programme annual report 2021 (before Trellis)'

const BASELINES: { activityKind: string; stakeholderGroup: StakeholderGroup; country: string; participants: number }[] = [
  { activityKind: 'offline_activity', stakeholderGroup: 'parent_carer', country: 'MW', participants: 900 },
  { activityKind: 'offline_activity', stakeholderGroup: 'educator', country: 'MW', participants: 600 },
  { activityKind: 'offline_activity', stakeholderGroup: 'government', country: 'KE', participants: 40 },
  { activityKind: 'offline_activity', stakeholderGroup: 'civil_society', country: 'KE', participants: 55 },
  { activityKind: 'tot', stakeholderGroup: 'educator', country: 'MW', participants: 24 },
  { activityKind: 'tot', stakeholderGroup: 'educator', country: 'GH', participants: 30 },
  { activityKind: 'tot', stakeholderGroup: 'educator', country: 'UG', participants: 21 },
  { activityKind: 'cascade_session', stakeholderGroup: 'parent_carer', country: 'GH', participants: 420 },
  { activityKind: 'cascade_session', stakeholderGroup: 'child_youth', country: 'UG', participants: 310 },
  { activityKind: 'online_course', stakeholderGroup: 'industry', country: 'MA', participants: 85 },
]

const REJECTION_REASONS = [
  'This session was already logged for the same day and place. Please keep only one of the two.',
  'The headcount (180) is more than the hall holds. Please check the attendance sheet and log the session again.',
  'The place does not say which town it was in. Please add it and log the session again.',
]

const SESSION_PLACES: Record<string, string[]> = {
  MW: ['Lilongwe Primary School hall', 'Area 25 community centre, Lilongwe', 'Mzuzu Teachers College', 'Chilomoni parish hall, Blantyre'],
  KE: ['Kibera community library, Nairobi', 'Kisumu Day Secondary School', 'Nakuru Primary School hall', 'Mombasa youth centre'],
  MA: ['Lycée Ibn Sina, Rabat', 'Maison de jeunes Hay Mohammadi, Casablanca', 'École primaire Al Amal, Casablanca', 'Centre culturel de Fès'],
  JO: ['Amman Model School', 'Irbid community centre', 'Zarqa Basic School', 'Aqaba youth club'],
  ID: ['SMA Negeri 8 Jakarta', 'Balai warga Tebet, Jakarta', 'SD Negeri Surabaya 3', 'SMP Negeri 5 Bandung'],
}

// ---------------------------------------------------------------------------

/** Removes the demo programme (or what a run that stopped half-way left). */
export async function removeDemoProgramme(db: PrismaClient = defaultDb) {
  const marker = await db.user.findUnique({ where: { email: DEMO_MARKER_EMAIL }, select: { id: true } })
  const demoUsers = { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` } }
  await db.cohort.deleteMany({ where: { members: { some: { user: demoUsers } } } })
  if (marker) {
    await db.activity.deleteMany({ where: { createdById: marker.id } })
    await db.baseline.deleteMany({ where: { createdById: marker.id } })
  }
  // Their enrolments, progress, attempts, certificates and sessions go with them.
  await db.user.deleteMany({ where: demoUsers })
}

/** Loads the demo programme once; later runs do nothing. */
export async function seedDemoProgramme(db: PrismaClient = defaultDb): Promise<DemoSummary> {
  const started = Date.now()
  const existing = await db.user.findUnique({ where: { email: DEMO_MARKER_EMAIL }, select: { displayName: true } })
  const summary = (skipped: boolean, counts: Partial<DemoSummary> = {}): DemoSummary => ({
    skipped,
    learners: 0,
    completions: 0,
    cohorts: 0,
    trainers: 0,
    activities: 0,
    cascadeSessions: 0,
    baselines: 0,
    ...counts,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  })
  if (existing?.displayName === MARKER_DONE) return summary(true)
  await removeDemoProgramme(db)

  const random = generator(20_221_231)
  // Read once: outside production, every findCourse() reads content/ again.
  const { courses: allCourses } = getContentIndex()
  const courses = new Map(['introduction', 'child-rights-business', 'tot-educators'].map((slug) => [slug, allCourses.find((c) => c.slug === slug)]))
  for (const [slug, course] of courses) if (!course) throw new Error(`The demo programme needs the course "${slug}" in content/.`)

  // Demo people cannot sign in: no password verifies against this (sign in with
  // the demo accounts of the README to look around).
  const passwordHash = '!'
  const team = await db.user.create({
    data: {
      email: DEMO_MARKER_EMAIL,
      displayName: MARKER_LOADING,
      // No password verifies against this: the marker cannot sign in.
      passwordHash: '!',
      role: 'admin',
      country: 'CH',
      stakeholderGroup: 'other',
      organisation: 'Programme team',
      createdAt: new Date('2021-11-15T09:00:00Z'),
    },
  })

  // People.
  const plans = planLearners(random)
  const users = await db.user.createManyAndReturn({
    data: plans.map((plan) => ({
      email: plan.email,
      displayName: plan.displayName,
      passwordHash,
      country: plan.country.code,
      stakeholderGroup: plan.group,
      organisation: plan.organisation,
      preferredLocale: plan.locale,
      createdAt: plan.createdAt,
    })),
    select: { id: true, email: true },
  })
  const idOf = new Map(users.map((u) => [u.email, u.id]))
  const nameOf = new Map(plans.map((p) => [idOf.get(p.email)!, p.displayName]))

  // Learning.
  const rows: Rows = { enrolments: [], lessons: [], attempts: [], completions: [] }
  const totCompletedAt = new Map<string, Date>()
  for (const plan of plans) {
    const userId = idOf.get(plan.email)!
    let start = new Date(plan.createdAt.getTime() + random.int(0, 3) * DAY_MS + random.int(1, 120) * 60_000)
    for (const slug of plan.courses) {
      if (start > PROGRAMME_END) break
      const motivated = plan.cohort !== null && slug === 'tot-educators'
      const completedAt = simulateCourse(random, rows, userId, courses.get(slug)!, start, motivated)
      if (completedAt && slug === 'tot-educators') totCompletedAt.set(userId, completedAt)
      start = new Date(start.getTime() + random.int(7, 120) * DAY_MS)
    }
  }
  await db.enrolment.createMany({ data: rows.enrolments })
  await db.lessonProgress.createMany({ data: rows.lessons })
  await db.quizAttempt.createMany({ data: rows.attempts })
  await db.courseCompletion.createMany({ data: rows.completions })
  // What issueCertificate() and certifyTrainerIfEligible() record, written in
  // bulk: one at a time, they would take a minute (the test checks both agree).
  const certificate = (userId: string, courseSlug: string, kind: 'course' | 'trainer', completedAt: Date) => ({
    id: generateCertificateId(),
    userId,
    courseSlug,
    kind,
    recipientName: nameOf.get(userId)!,
    completedAt,
    issuedAt: completedAt,
  })
  await db.certificate.createMany({ data: rows.completions.map((c) => certificate(c.userId, c.courseSlug, 'course', c.completedAt)) })

  // Training of Trainers cohorts: members, workshop attendance, certification
  // of those who also completed the online course (on the later of the two days).
  const trainers: { userId: string; country: string; certifiedOn: Date }[] = []
  const workshops: Prisma.WorkshopAttendanceCreateManyInput[] = []
  for (const [index, cohort] of COHORTS.entries()) {
    const members = plans.filter((p) => p.cohort === index)
    const workshopDays = Math.round((dayToDate(cohort.endsOn).getTime() - dayToDate(cohort.startsOn).getTime()) / DAY_MS)
    const attendance = members.map((plan) => ({
      userId: idOf.get(plan.email)!,
      joinedAt: new Date(plan.createdAt.getTime() + random.int(1, 4) * 3_600_000),
      attendedOn: random.chance(0.88) ? dayToDate(addDays(cohort.startsOn, random.int(0, workshopDays))) : null,
    }))
    await db.cohort.create({
      data: {
        name: cohort.name,
        country: cohort.country,
        courseSlug: 'tot-educators',
        startsOn: dayToDate(cohort.startsOn),
        endsOn: dayToDate(cohort.endsOn),
        facilitators: cohort.facilitators,
        inviteCode: generateInviteCode(),
        createdAt: momentOn(random, addDays(cohort.startsOn, -75)),
        members: { createMany: { data: attendance } },
      },
    })
    for (const { userId, attendedOn } of attendance) {
      if (!attendedOn) continue
      workshops.push({ userId, courseSlug: 'tot-educators', attendedOn, recordedById: team.id, recordedAt: attendedOn })
      const completedAt = totCompletedAt.get(userId)
      if (completedAt) trainers.push({ userId, country: cohort.country, certifiedOn: completedAt > attendedOn ? completedAt : attendedOn })
    }
  }
  await db.workshopAttendance.createMany({ data: workshops })
  await db.certificate.createMany({ data: trainers.map((t) => certificate(t.userId, 'tot-educators', 'trainer', t.certifiedOn)) })
  await db.user.updateMany({ where: { id: { in: trainers.map((t) => t.userId) } }, data: { role: 'trainer' } })

  // Cascade sessions by the new trainers: most verified, a few waiting, a few sent back.
  const sessions: Prisma.CascadeSessionCreateManyInput[] = []
  const active = random.sample(trainers, Math.min(trainers.length, 18))
  const sessionPlans: { trainer: (typeof trainers)[number]; day: Day }[] = []
  const eligible = active.filter((trainer) => addDays(dateToDay(trainer.certifiedOn), 14) <= '2024-12-15')
  // Forty in all: some trainers busier than others.
  for (let round = 0; eligible.length > 0 && sessionPlans.length < 40; round++) {
    for (const trainer of eligible) {
      if (sessionPlans.length >= 40 || (round > 0 && random.chance(0.5))) continue
      sessionPlans.push({ trainer, day: dayBetween(random, addDays(dateToDay(trainer.certifiedOn), 14), '2024-12-20') })
    }
  }
  sessionPlans.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
  sessionPlans.forEach(({ trainer, day }, i) => {
    const fromEnd = sessionPlans.length - i
    const status = fromEnd <= 4 ? 'pending' : i % 12 === 5 ? 'rejected' : 'verified'
    const audienceGroup = random.weighted({ parent_carer: 50, child_youth: 35, educator: 15 })
    const headcount = audienceGroup === 'child_youth' ? random.int(20, 60) : random.int(12, 45)
    const byGender = random.chance(0.7)
    const female = byGender ? random.int(Math.floor(headcount * 0.4), Math.floor(headcount * 0.75)) : null
    const under13 = random.int(0, headcount)
    const logged = momentOn(random, addDays(day, random.int(0, 3)))
    sessions.push({
      trainerId: trainer.userId,
      deliveredOn: dayToDate(day),
      place: random.pick(SESSION_PLACES[trainer.country] ?? ['Community centre']),
      country: trainer.country,
      audienceGroup,
      headcount,
      female,
      male: female === null ? null : headcount - female,
      ageBands: audienceGroup === 'child_youth' ? JSON.stringify({ under_13: under13, '13_17': headcount - under13 }) : null,
      notes: audienceGroup === 'parent_carer' ? 'Evening session with the school’s parents.' : audienceGroup === 'child_youth' ? 'Two classes together, with their teachers.' : '',
      status,
      reviewedById: status === 'pending' ? null : team.id,
      reviewedAt: status === 'pending' ? null : new Date(logged.getTime() + random.int(1, 6) * DAY_MS),
      rejectionReason: status === 'rejected' ? REJECTION_REASONS[Math.floor(i / 12) % REJECTION_REASONS.length]! : null,
      createdAt: logged,
    })
  })
  await db.cascadeSession.createMany({ data: sessions })

  // Offline activities, with named lists (some of whom are learners too) or headcounts.
  for (const plan of ACTIVITIES) {
    const country = COUNTRIES.find((c) => c.code === plan.country)!
    const attendees: Attendee[] = []
    if (plan.named) {
      const group = plan.audience[0]!
      const learners = random.sample(
        plans.filter((p) => p.country.code === plan.country && p.group === group && p.createdAt < dayToDate(plan.startsOn)),
        plan.named.learners,
      )
      for (const learner of learners) {
        attendees.push({ name: learner.displayName, email: learner.email, stakeholderGroup: group, country: plan.country, gender: random.chance(0.8) ? random.pick(['female', 'male']) : null, organisation: learner.organisation })
      }
      while (attendees.length < plan.named.count) {
        const first = random.pick(country.firstNames)[0]
        const last = random.pick(country.lastNames)[0]
        const withEmail = random.chance(0.6)
        attendees.push({
          name: `${first} ${last}`,
          email: withEmail ? `${ascii(first)}.${ascii(last)}.a${attendees.length}@${ascii(plan.city || 'online')}.example.org` : null,
          stakeholderGroup: random.chance(0.85) ? group : random.pick(plan.audience),
          country: plan.country,
          gender: random.chance(0.8) ? random.pick(['female', 'male']) : random.chance(0.5) ? 'undisclosed' : null,
          organisation: null,
        })
      }
    }
    await db.activity.create({
      data: {
        title: plan.title,
        kind: plan.kind,
        startsOn: dayToDate(plan.startsOn),
        endsOn: dayToDate(plan.endsOn ?? plan.startsOn),
        country: plan.country,
        city: plan.city,
        organiser: plan.organiser,
        audienceGroups: JSON.stringify(plan.audience),
        notes: plan.notes ?? '',
        createdById: team.id,
        createdAt: momentOn(random, addDays(plan.endsOn ?? plan.startsOn, random.int(1, 10))),
        attendees: { createMany: { data: attendees } },
        headcounts: { createMany: { data: (plan.headcounts ?? []).map((h) => ({ stakeholderGroup: h.group, gender: h.gender ?? null, count: h.count })) } },
      },
    })
  }

  // What the programme counted before Trellis.
  await db.baseline.createMany({
    data: BASELINES.map((b) => ({ ...b, asOf: dayToDate('2021-12-31'), note: BASELINE_NOTE, createdById: team.id, createdAt: new Date('2022-01-10T09:00:00Z') })),
  })

  // Loaded: a later run does nothing.
  await db.user.update({ where: { id: team.id }, data: { displayName: MARKER_DONE } })
  return summary(false, {
    learners: plans.length,
    completions: rows.completions.length,
    cohorts: COHORTS.length,
    trainers: trainers.length,
    activities: ACTIVITIES.length,
    cascadeSessions: sessions.length,
    baselines: BASELINES.length,
  })
}
