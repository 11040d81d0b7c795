// The quiz workload a large Moodle site was load-tested with: many learners
// starting the same quiz within a minute, thinking 10–30 s between pages. Each
// learner (signed in beforehand: a session token each) opens the course, the
// quiz, starts an attempt, submits it, reads the result, opens the next
// lesson, marks it complete, opens the one after, then My learning: ten
// requests. Every request's latency is recorded, and every error counted.
//
//   node bench/quiz-workload.mjs <base-url> <tokens.json> [learners=2000]
//
// THINK_SCALE (default 1) shrinks the thinking for a quick run; START_WINDOW_S
// (default 60) is the window in which the learners start. Prints one JSON line.
import fs from 'node:fs'
import http from 'node:http'
import { percentile } from './load.mjs'

const COURSE = '/courses/introduction'
const QUIZ = `${COURSE}/children-online/quiz`
const LESSON = `${COURSE}/responding-well/privacy-and-footprint`

/**
 * The answers a learner gives: the first choice of every question on the form
 * (radio, checkbox or select), and the attempt's id.
 * @param {string} html
 */
export function answersFromQuizPage(html) {
  const form = new URLSearchParams()
  const attemptId = /name="attemptId" value="([^"]+)"/.exec(html)?.[1]
  if (!attemptId) return null
  form.set('intent', 'submit')
  form.set('attemptId', attemptId)
  const seen = new Set()
  for (const match of html.matchAll(/<input[^>]*type="(?:radio|checkbox)"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(match[0])?.[1]
    const value = /value="([^"]*)"/.exec(match[0])?.[1]
    if (name?.startsWith('q.') && value !== undefined && !seen.has(name)) {
      seen.add(name)
      form.append(name, value)
    }
  }
  for (const match of html.matchAll(/<select[^>]*name="(q\.[^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const [, name = '', options = ''] = match
    const value = [...options.matchAll(/<option[^>]*value="([^"]+)"/g)][0]?.[1]
    if (value) form.append(name, value)
  }
  return form
}

/** @param {{ base: string, tokens: string[], learners: number, thinkScale?: number, startWindowS?: number }} o */
export async function quizWorkload(o) {
  const base = new URL(o.base)
  // Idle connections are let go after 4 s, before the server's keep-alive
  // timeout (5 s) closes them: reusing one the server is closing would fail as
  // ECONNRESET, which a browser retries but this script would count as an error.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 * o.learners, timeout: 4_000 })
  /** @type {Record<string, number[]>} */
  const latencies = {}
  /** @type {Record<string, number>} */
  const errors = {}
  /** What went wrong, counted: "HTTP 500", "ECONNRESET"… @type {Record<string, number>} */
  const kinds = {}
  const failed = (/** @type {string} */ step, /** @type {string} */ kind) => {
    errors[step] = (errors[step] ?? 0) + 1
    kinds[`${step}: ${kind}`] = (kinds[`${step}: ${kind}`] ?? 0) + 1
  }
  let submitted = 0
  const think = () => new Promise((resolve) => setTimeout(resolve, (10_000 + Math.random() * 20_000) * (o.thinkScale ?? 1)))

  /** @typedef {{ status: number, location: string | null, body: string }} Answer */
  /** @param {string} step @param {string} token @param {string} path @param {URLSearchParams} [form] @returns {Promise<Answer>} */
  const send = (step, token, path, form) =>
    new Promise((resolve) => {
      const started = performance.now()
      const body = form?.toString()
      const request = http.request(
        new URL(path, base),
        {
          agent,
          method: form ? 'POST' : 'GET',
          headers: {
            Cookie: `trellis_session=${token}`,
            'Accept-Encoding': 'gzip',
            ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base.origin } : {}),
          },
        },
        (response) => {
          /** @type {Buffer[]} */
          const chunks = []
          response.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk))
          response.on('end', () => {
            ;(latencies[step] ??= []).push(performance.now() - started)
            const status = response.statusCode ?? 500
            if (status >= 400) failed(step, `HTTP ${status}`)
            // Pages are read as text only where the learner needs them (the quiz form).
            const raw = Buffer.concat(chunks)
            resolve({ status, location: response.headers.location ?? null, body: response.headers['content-encoding'] ? '' : raw.toString('utf8') })
          })
        },
      )
      request.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
        failed(step, error.code ?? error.message)
        resolve({ status: 0, location: null, body: '' })
      })
      request.end(body)
    })

  /** One learner's ten requests. @param {string} token */
  const learner = async (token) => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * (o.startWindowS ?? 60) * 1000))
    await send('course page', token, COURSE)
    await think()
    await send('quiz page', token, QUIZ)
    await think()
    const started = await send('start attempt', token, QUIZ, new URLSearchParams({ intent: 'start' }))
    // The form of the attempt (read uncompressed: it must be parsed).
    const page = await sendPlain('quiz form', token, started.location ?? QUIZ)
    await think()
    const answers = answersFromQuizPage(page.body)
    if (!answers) failed('quiz form', 'no form on the page')
    const result = answers ? await send('submit', token, QUIZ, answers) : null
    if (result && result.status === 302) submitted++
    else if (result && result.status > 0 && result.status < 400) failed('submit', `HTTP ${result.status} (not a redirect)`)
    if (result?.location) await send('result', token, result.location)
    await think()
    await send('lesson', token, LESSON)
    await think()
    const done = await send('mark complete', token, LESSON, new URLSearchParams({ intent: 'complete' }))
    if (done.location) await send('next lesson', token, done.location)
    await think()
    await send('my learning', token, '/me')
  }

  /** A GET without compression, for a page the learner's script reads. @param {string} step @param {string} token @param {string} path @returns {Promise<Answer>} */
  const sendPlain = (step, token, path) =>
    new Promise((resolve) => {
      const started = performance.now()
      const request = http.request(new URL(path, base), { agent, headers: { Cookie: `trellis_session=${token}` } }, (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (/** @type {string} */ chunk) => (text += chunk))
        response.on('end', () => {
          ;(latencies[step] ??= []).push(performance.now() - started)
          if ((response.statusCode ?? 500) >= 400) failed(step, `HTTP ${response.statusCode}`)
          resolve({ status: response.statusCode ?? 500, location: null, body: text })
        })
      })
      request.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
        failed(step, error.code ?? error.message)
        resolve({ status: 0, location: null, body: '' })
      })
      request.end()
    })

  const startedAt = performance.now()
  await Promise.all(o.tokens.slice(0, o.learners).map(learner))
  agent.destroy()
  const all = Object.values(latencies).flat().sort((a, b) => a - b)
  const round = (/** @type {number | null | undefined} */ n) => (n == null ? null : Math.round(n))
  const steps = Object.fromEntries(
    Object.entries(latencies).map(([step, values]) => {
      values.sort((a, b) => a - b)
      return [step, { requests: values.length, errors: errors[step] ?? 0, p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), p99: round(percentile(values, 99)) }]
    }),
  )
  return {
    learners: Math.min(o.learners, o.tokens.length),
    requests: all.length,
    errors: Object.values(errors).reduce((a, b) => a + b, 0),
    errorKinds: kinds,
    submitted,
    seconds: Math.round((performance.now() - startedAt) / 1000),
    p50: round(percentile(all, 50)),
    p95: round(percentile(all, 95)),
    p99: round(percentile(all, 99)),
    max: round(all.at(-1)),
    steps,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base, tokenFile, learners = '2000'] = process.argv.slice(2)
  if (!base || !tokenFile) {
    console.error('Usage: node bench/quiz-workload.mjs <base-url> <tokens.json> [learners]')
    process.exit(2)
  }
  const tokens = JSON.parse(fs.readFileSync(tokenFile, 'utf8'))
  const result = await quizWorkload({
    base,
    tokens: tokens.learners ?? tokens,
    learners: Number(learners),
    thinkScale: Number(process.env.THINK_SCALE ?? 1),
    startWindowS: Number(process.env.START_WINDOW_S ?? 60),
  })
  console.log(JSON.stringify(result))
}
