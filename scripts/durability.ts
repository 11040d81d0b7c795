// npm run test:durability: 50 learners complete lessons, write notes and
// take quizzes on the production server while it is killed (SIGKILL) in the
// middle, three times. After each kill the database must pass SQLite's
// integrity check and hold every write the server had answered for; no
// learner may ever get a 5xx (a busy database included). CI runs it after
// `npm test`.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'

const LEARNERS = Number(process.env.DURABILITY_LEARNERS ?? 50)
const ROUNDS = Number(process.env.DURABILITY_ROUNDS ?? 3)
/** Acknowledged writes per round before the kill (the kill lands among requests in flight). */
const WRITES_PER_ROUND = Number(process.env.DURABILITY_WRITES ?? 400)
const PORT = Number(process.env.DURABILITY_PORT ?? 3300)
const BASE = `http://127.0.0.1:${PORT}`

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-durability-'))
const dbFile = path.join(dir, 'durability.db')
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  DATABASE_URL: `file:${dbFile}`,
  PORT: String(PORT),
  ISSUER_KEY_FILE: path.join(dir, 'issuer-key.json'),
  OUTBOX_DIR: path.join(dir, 'outbox'),
  SMTP_URL: '',
  SEED_DEMO_ACCOUNTS: 'false',
}
process.env.DATABASE_URL = env.DATABASE_URL

const run = (args: string[]) => execFileSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'] })
run(['scripts/prisma.mjs', 'migrate', 'deploy'])
if (!fs.existsSync('build/server/index.js') || !fs.existsSync('build/mdx')) {
  console.log('Building the app (npm run build)…')
  execFileSync('npm', ['run', 'build'], { env: { ...process.env, NODE_ENV: 'production' }, stdio: 'ignore' })
}

const { db } = await import('#app/utils/db.server.ts')
const { createSession, SESSION_COOKIE } = await import('#app/auth/session.server.ts')
const { loadContent } = await import('#app/content/load.server.ts')

// Learners, each signed in.
const learners: { id: string; cookie: string }[] = []
for (let i = 0; i < LEARNERS; i++) {
  const user = await db.user.create({
    data: { email: `durable-${i}@example.org`, displayName: `Durable ${i}`, passwordHash: 'x', country: 'MW', stakeholderGroup: 'educator', preferredLocale: 'en' },
  })
  learners.push({ id: user.id, cookie: `${SESSION_COOKIE}=${(await createSession(user.id)).token}` })
}
await db.$disconnect()

// What there is to do: the introduction course's lessons, its quizzes, a reflection box.
const course = loadContent('content').index.courses.find((c) => c.slug === 'introduction')!
const lessons = course.modules.flatMap((m) => m.lessons.map((l) => ({ id: l.id, url: `/courses/introduction/${l.moduleSlug}/${l.slug}`, reflections: l.sources.en?.reflectionIds ?? [] })))
const quizzes = course.modules.filter((m) => m.quiz).map((m) => `/courses/introduction/${m.slug}/quiz`)

type Ack =
  | { kind: 'lesson'; userId: string; lessonId: string }
  | { kind: 'note'; userId: string; lessonId: string; reflectionId: string; text: string }
  | { kind: 'attempt'; userId: string; attemptId: string }
const acks: Ack[] = []
/** Every note text sent, answered or not, in order, by box: one sent when the server died may be there too. */
const notesSent = new Map<string, string[]>()
const serverErrors: string[] = []

function startServer(): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['server.js'], { env, stdio: ['ignore', 'ignore', 'pipe'] })
  server.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString()
    if (/SQLITE_BUSY|database is locked/i.test(text)) serverErrors.push(text.trim())
  })
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = async () => {
      try {
        if ((await fetch(`${BASE}/`)).ok) return resolve(server)
      } catch {
        // not listening yet
      }
      if (Date.now() - started > 60_000) return reject(new Error('the server did not start within 60 s'))
      setTimeout(poll, 100)
    }
    void poll()
  })
}

async function post(cookie: string, url: string, fields: Record<string, string>) {
  const response = await fetch(`${BASE}${url}`, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  })
  if (response.status >= 500) serverErrors.push(`${response.status} on POST ${url}`)
  return response
}

/** One learner's work, until told to stop; every answered write is recorded. */
async function learn(learner: (typeof learners)[number], round: number, stop: () => boolean) {
  let step = 0
  while (!stop()) {
    const lesson = lessons[(step + round) % lessons.length]!
    try {
      if (step % 3 === 2 && lesson.reflections[0]) {
        const text = `round ${round} step ${step} by ${learner.id}`
        const key = `${learner.id} ${lesson.id} ${lesson.reflections[0]}`
        notesSent.set(key, [...(notesSent.get(key) ?? []), text])
        const response = await post(learner.cookie, lesson.url, { intent: 'save-note', reflectionId: lesson.reflections[0], text })
        if (response.status === 200) acks.push({ kind: 'note', userId: learner.id, lessonId: lesson.id, reflectionId: lesson.reflections[0], text })
      } else if (step % 5 === 4 && quizzes.length > 0) {
        const quiz = quizzes[step % quizzes.length]!
        const started = await post(learner.cookie, quiz, { intent: 'start' })
        if (started.status !== 302) {
          step++
          continue
        }
        const page = await fetch(`${BASE}${quiz}`, { headers: { Cookie: learner.cookie } })
        const attemptId = /name="attemptId" value="([^"]+)"/.exec(await page.text())?.[1]
        if (attemptId) {
          const submitted = await post(learner.cookie, quiz, { intent: 'submit', attemptId })
          if (submitted.status === 302) acks.push({ kind: 'attempt', userId: learner.id, attemptId })
        }
      } else {
        const response = await post(learner.cookie, lesson.url, { intent: 'complete' })
        if (response.status === 302) acks.push({ kind: 'lesson', userId: learner.id, lessonId: lesson.id })
      }
    } catch {
      // The server was killed with this request in flight: it was never answered.
      return
    }
    step++
  }
}

function verify(round: number) {
  const database = new Database(dbFile)
  try {
    const integrity = database.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new Error(`round ${round}: integrity_check says ${String(integrity)}`)
    const lesson = database.prepare('SELECT 1 FROM LessonProgress WHERE userId = ? AND courseSlug = ? AND lessonId = ? AND completedAt IS NOT NULL')
    const note = database.prepare('SELECT text FROM ReflectionNote WHERE userId = ? AND courseSlug = ? AND lessonId = ? AND reflectionId = ?')
    const attempt = database.prepare('SELECT 1 FROM QuizAttempt WHERE id = ? AND userId = ? AND submittedAt IS NOT NULL')
    const missing: string[] = []
    // A later note on the same box replaces an earlier one: only the last must be there.
    const lastNotes = new Map<string, Extract<Ack, { kind: 'note' }>>()
    for (const ack of acks) {
      if (ack.kind === 'lesson' && !lesson.get(ack.userId, 'introduction', ack.lessonId)) missing.push(`lesson ${ack.lessonId} of ${ack.userId}`)
      if (ack.kind === 'attempt' && !attempt.get(ack.attemptId, ack.userId)) missing.push(`attempt ${ack.attemptId}`)
      if (ack.kind === 'note') lastNotes.set(`${ack.userId} ${ack.lessonId} ${ack.reflectionId}`, ack)
    }
    for (const [key, ack] of lastNotes) {
      const row = note.get(ack.userId, 'introduction', ack.lessonId, ack.reflectionId) as { text: string } | undefined
      // The last answered text, or one sent after it whose answer the kill cut off.
      const sent = notesSent.get(key) ?? []
      const acceptable = sent.slice(sent.indexOf(ack.text))
      if (!row || !acceptable.includes(row.text)) missing.push(`note on ${ack.lessonId} of ${ack.userId}`)
    }
    return missing
  } finally {
    database.close()
  }
}

let passed = 0
let failed = 0
for (let round = 1; round <= ROUNDS; round++) {
  const server = await startServer()
  const before = acks.length
  let killed = false
  const killer = setInterval(() => {
    if (acks.length - before >= WRITES_PER_ROUND && !killed) {
      killed = true
      server.kill('SIGKILL')
    }
  }, 5)
  await Promise.all(learners.map((learner) => learn(learner, round, () => killed)))
  clearInterval(killer)
  if (!killed) server.kill('SIGKILL')
  if (server.exitCode === null && server.signalCode === null) await new Promise((resolve) => server.once('exit', resolve))
  const missing = verify(round)
  const written = acks.length - before
  if (missing.length === 0) {
    passed++
    console.log(`round ${round}: killed after ${written} answered writes; integrity ok; all ${acks.length} answered writes so far are there`)
  } else {
    failed++
    console.error(`round ${round}: ${missing.length} answered writes are missing, e.g. ${missing.slice(0, 5).join('; ')}`)
  }
}
if (serverErrors.length > 0) {
  failed++
  console.error(`learners got server errors: ${serverErrors.slice(0, 5).join(' | ')}`)
}
fs.rmSync(dir, { recursive: true, force: true })
console.log(`durability: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
