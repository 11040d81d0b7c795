// `npm run bench`: Trellis under load, on this machine, with a large programme.
//
// 1. Builds (BENCH_SKIP_BUILD=1 skips it), then makes the benchmark database
//    once (data/bench/bench.db: migrations, then scripts/bench-seed.ts; delete
//    the folder, or BENCH_FRESH=1, to make it again).
// 2. Starts the production server on it (every core) and times its start.
// 3. Measures two floors in the same run: a bare Node `http` server sending the
//    signed-in lesson page's bytes, and the app's smallest route (/healthz).
// 4. Drives each scenario from a separate process (bench/load.mjs) and the
//    quiz workload (bench/quiz-workload.mjs), then checks no answer was lost.
// 5. Prints a table, each throughput as a ratio to the floors, each budget met
//    or not, and writes bench/results.json.
//
// `npm run bench:seed` only makes the database afresh (BENCH_SEED_ONLY=1).
// `npm run bench:micro` runs the in-process micro-benchmarks (bench/*.bench.ts).
//
// BENCH_SECONDS (default 10) per scenario, BENCH_CONNECTIONS (16),
// BENCH_LEARNERS (2000) and THINK_SCALE (1) for the quiz workload,
// BENCH_SCALE (1) for the database's size.
import { execFile, execFileSync, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import Database from 'better-sqlite3'

const root = path.resolve(import.meta.dirname, '..')
const dataDir = path.join(root, 'data/bench')
const dbFile = path.join(dataDir, 'bench.db')
const sessionsFile = path.join(dataDir, 'sessions.json')
const port = Number(process.env.BENCH_PORT ?? 3400)
const floorPort = port + 1
const base = `http://localhost:${port}`
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16)
const learners = Number(process.env.BENCH_LEARNERS ?? 2000)
const scale = Number(process.env.BENCH_SCALE ?? 1)
/** @type {NodeJS.ProcessEnv} */
const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, NODE_ENV: /** @type {const} */ ('production'), ISSUER_KEY_FILE: path.join(dataDir, 'issuer-key.json'), OUTBOX_DIR: path.join(dataDir, 'outbox'), SMTP_URL: '' }
const node = process.execPath
const log = (/** @type {string} */ line) => console.log(line)

/** @param {string[]} args */
const run = (args) => execFileSync(node, args, { cwd: root, env, stdio: 'inherit' })

// 1. Build and database.
if (process.env.BENCH_SKIP_BUILD !== '1') {
  log('Building…')
  run(['node_modules/@remix-run/dev/dist/cli.js', 'vite:build'])
  run(['node_modules/tsx/dist/cli.mjs', 'scripts/content-build.ts'])
}
let seeded = null
if (process.env.BENCH_FRESH === '1') fs.rmSync(dataDir, { recursive: true, force: true })
if (!fs.existsSync(sessionsFile)) {
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.mkdirSync(dataDir, { recursive: true })
  log(`Making the benchmark database (scale ${scale})…`)
  const started = performance.now()
  run(['scripts/prisma.mjs', 'migrate', 'deploy'])
  run(['node_modules/tsx/dist/cli.mjs', 'scripts/bench-seed.ts', `--scale=${scale}`, `--workload=10`])
  seeded = Math.round((performance.now() - started) / 1000)
}
if (process.env.BENCH_SEED_ONLY === '1') {
  log(`The benchmark database is ready: ${dbFile} (${seeded ?? 0} s).`)
  process.exit(0)
}
const sessions = JSON.parse(fs.readFileSync(sessionsFile, 'utf8'))
// The signed-in scenarios use workload learners past the workload's own.
const learnerCookie = `trellis_session=${sessions.learners.at(-1)}`
const adminCookie = `trellis_session=${sessions.admin}`

// 2. The server, timed from spawn to its first answer.
/** @param {string} url */
const answers = (url) =>
  new Promise((resolve) => {
    http.get(url, (response) => {
      response.resume()
      resolve(response.statusCode === 200)
    }).on('error', () => resolve(false))
  })
const spawnedAt = performance.now()
const server = spawn(node, ['server.js'], { cwd: root, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] })
process.on('exit', () => {
  if (server.exitCode === null) server.kill('SIGTERM')
})
while (!(await answers(`${base}/healthz`))) await new Promise((resolve) => setTimeout(resolve, 50))
const startSeconds = (performance.now() - spawnedAt) / 1000
log(`Server answering after ${startSeconds.toFixed(2)} s.`)

/** A page's body as the app sends it (gzip), with its headers, for the bare floor. @param {string} p @param {string} cookie */
const fetchRaw = (p, cookie) =>
  new Promise((resolve, reject) => {
    http.get(`${base}${p}`, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } }, (response) => {
      /** @type {Buffer[]} */
      const chunks = []
      response.on('data', (c) => chunks.push(c))
      response.on('end', () => resolve({ body: Buffer.concat(chunks), encoding: response.headers['content-encoding'] }))
    }).on('error', reject)
  })

// 3. The bare floor: Node's http sending the lesson page's very bytes.
const lessonPath = '/courses/introduction/children-online/four-kinds-of-risk'
const lessonBytes = /** @type {{ body: Buffer, encoding?: string }} */ (await fetchRaw(lessonPath, learnerCookie))
const bare = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(lessonBytes.encoding ? { 'Content-Encoding': lessonBytes.encoding } : {}) })
  response.end(lessonBytes.body)
})
await new Promise((resolve) => bare.listen(floorPort, () => resolve(undefined)))

/**
 * Runs the load generator in its own process (asynchronously: the bare floor
 * server answers from this one). @param {string} url @param {Record<string, string>} [headers]
 */
const loadOf = async (url, headers = {}) => {
  const script = `import('${path.join(root, 'bench/load.mjs')}').then(async (m) => console.log(JSON.stringify(await m.load(${JSON.stringify({ url, connections, seconds, headers })}))))`
  const { stdout } = await promisify(execFile)(node, ['-e', script], { cwd: root })
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}')
}

const results = { pageWeight: /** @type {any} */ (null), machine: { cores: (await import('node:os')).availableParallelism(), node: process.version }, seededSeconds: seeded, startSeconds, scenarios: /** @type {Record<string, any>} */ ({}), workload: /** @type {any} */ (null), budgets: /** @type {any[]} */ ([]) }
const scenario = async (/** @type {string} */ name, /** @type {string} */ url, /** @type {Record<string, string>} */ headers = {}) => {
  log(`  ${name}…`)
  results.scenarios[name] = await loadOf(url, headers)
}

log(`Scenarios (${connections} connections, ${seconds} s each):`)
await scenario('floor: bare Node http, same bytes', `http://localhost:${floorPort}/`)
await scenario('floor: smallest route (/healthz)', `${base}/healthz`)
await scenario('catalogue', `${base}/courses`)
await scenario('course page, signed in', `${base}/courses/introduction`, { Cookie: learnerCookie })
await scenario('lesson, anonymous', `${base}/courses/introduction/children-online/how-children-use-the-internet`)
await scenario('lesson, signed in', `${base}${lessonPath}`, { Cookie: learnerCookie })
await scenario('quiz page, signed in', `${base}/courses/introduction/children-online/quiz`, { Cookie: learnerCookie })
// The first seeded certificate (scripts/bench-seed.ts certificateId(1)).
await scenario('verify page', `${base}/v/benchaaaaaaaaaaaaaaaaaab`)
await scenario('dashboard, a year', `${base}/admin/reports?preset=custom&from=2025-01-01&to=2025-12-31`, { Cookie: adminCookie })
await scenario('dashboard, five years', `${base}/admin/reports?preset=custom&from=2022-01-01&to=2026-12-31`, { Cookie: adminCookie })
await scenario('programme report, a year', `${base}/admin/reports/programme?preset=custom&from=2025-01-01&to=2025-12-31`, { Cookie: adminCookie })
bare.close()

// The lesson page's weight on a first visit: its HTML, and the scripts and
// styles it loads, as sent (gzip).
/** @param {string} p @param {string} cookie */
const pageWeight = async (p, cookie) => {
  const html = /** @type {{ body: Buffer }} */ (await fetchRaw(p, cookie))
  const text = zlib.gunzipSync(html.body).toString('utf8')
  const urls = [...new Set([...text.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? ''))]
  let js = 0
  let css = 0
  for (const url of urls) {
    const asset = /** @type {{ body: Buffer }} */ (await fetchRaw(url, ''))
    if (url.endsWith('.js')) js += asset.body.length
    else css += asset.body.length
  }
  return { htmlKb: Math.round(html.body.length / 102.4) / 10, jsKb: Math.round(js / 102.4) / 10, cssKb: Math.round(css / 102.4) / 10, totalKb: Math.round((html.body.length + js + css) / 102.4) / 10 }
}
const weight = await pageWeight(lessonPath, learnerCookie)
results.pageWeight = weight
log(`Lesson page, first visit: ${weight.htmlKb} KB HTML + ${weight.jsKb} KB JavaScript + ${weight.cssKb} KB CSS (compressed).`)

// 4. The quiz workload, then: was every answer kept?
log(`Quiz workload: ${learners} learners starting within ${process.env.START_WINDOW_S ?? 60} s (think-time scale ${process.env.THINK_SCALE ?? 1})…`)
const before = new Database(dbFile, { readonly: true })
const submittedBefore = /** @type {{ n: number }} */ (before.prepare("SELECT COUNT(*) AS n FROM QuizAttempt WHERE userId LIKE 'bq%' AND submittedAt IS NOT NULL").get()).n
before.close()
// Learners of their own for this run: a reused database still sees first attempts.
const workloadFile = path.join(dataDir, 'workload.json')
run(['node_modules/tsx/dist/cli.mjs', 'scripts/bench-seed.ts', `--fresh-learners=${learners}`, `--out=${workloadFile}`])
const workloadOut = execFileSync(node, ['bench/quiz-workload.mjs', base, workloadFile, String(learners)], { cwd: root, env: process.env, maxBuffer: 16 * 1024 * 1024 })
results.workload = JSON.parse(workloadOut.toString().trim().split('\n').at(-1) ?? '{}')
const after = new Database(dbFile, { readonly: true })
const submittedAfter = /** @type {{ n: number }} */ (after.prepare("SELECT COUNT(*) AS n FROM QuizAttempt WHERE userId LIKE 'bq%' AND submittedAt IS NOT NULL").get()).n
after.close()
results.workload.kept = submittedAfter - submittedBefore
results.workload.lost = results.workload.submitted - results.workload.kept

// 5. Budgets (docs/performance.md), and the table.
const s = results.scenarios
const floor = s['floor: smallest route (/healthz)'].rps
const w = results.workload
const budget = (/** @type {string} */ name, /** @type {boolean} */ met, /** @type {string} */ measured) => results.budgets.push({ name, met, measured })
budget('quiz workload: no errors, no lost answers', w.errors === 0 && w.lost === 0, `${w.errors} errors, ${w.lost} lost of ${w.submitted}`)
budget('quiz workload: p95 < 500 ms, p99 < 1 s', w.p95 < 500 && w.p99 < 1000, `p95 ${w.p95} ms, p99 ${w.p99} ms`)
budget('signed-in lesson ≥ 0.75 × smallest route', s['lesson, signed in'].rps >= 0.75 * floor, `${(s['lesson, signed in'].rps / floor).toFixed(2)} ×`)
budget('signed-in lesson p95 < 60 ms at 16 connections', s['lesson, signed in'].p95 < 60, `p95 ${s['lesson, signed in'].p95} ms`)
budget('dashboard for a year p95 < 300 ms', s['dashboard, a year'].p95 < 300, `p95 ${s['dashboard, a year'].p95} ms`)
budget('programme report for a year p95 < 300 ms', s['programme report, a year'].p95 < 300, `p95 ${s['programme report, a year'].p95} ms`)
budget('server start < 3 s', startSeconds < 3, `${startSeconds.toFixed(2)} s`)
budget('lesson page first load < 150 KB JavaScript, < 250 KB in all', weight.jsKb < 150 && weight.totalKb < 250, `${weight.jsKb} KB JavaScript, ${weight.totalKb} KB in all`)

const bareRps = s['floor: bare Node http, same bytes'].rps
log('')
log('| scenario | req/s | × bare | × smallest route | p50 ms | p95 ms | p99 ms | errors |')
log('|---|---:|---:|---:|---:|---:|---:|---:|')
for (const [name, r] of Object.entries(s)) {
  log(`| ${name} | ${r.rps} | ${(r.rps / bareRps).toFixed(3)} | ${(r.rps / floor).toFixed(2)} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`)
}
log('')
log(`Quiz workload: ${w.learners} learners, ${w.requests} requests in ${w.seconds} s, ${w.errors} errors, ${w.submitted} answers submitted (${w.kept} kept); p50 ${w.p50} ms, p95 ${w.p95} ms, p99 ${w.p99} ms, max ${w.max} ms.`)
log('')
for (const b of results.budgets) log(`${b.met ? '✓' : '✗'} ${b.name}: ${b.measured}`)
fs.writeFileSync(path.join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
log('\nWritten to bench/results.json.')
server.kill('SIGTERM')
await new Promise((resolve) => server.once('exit', resolve))
process.exit(0)
