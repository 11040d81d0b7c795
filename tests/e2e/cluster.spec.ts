import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { SESSION_COOKIE, createSession } from '#app/auth/session.server.ts'
import { E2E_DATA_DIR, E2E_DATABASE_URL, E2E_OUTBOX_DIR } from './database.ts'
import { expect, test } from './fixtures.ts'

// The production server on every core: a second Trellis on the end-to-end
// database (and on the build the run made), with three workers. They share the
// port and the sessions; a worker that dies is replaced; a stop signal stops
// them all.

const port = Number(process.env.E2E_PORT ?? 3100) + 7
const base = `http://localhost:${port}`

/** The processes whose parent is `pid`, read from /proc (Linux). */
function childrenOf(pid: number) {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((entry) => {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
        // The fields after the command name (which may hold spaces) start with the state, then the parent's pid.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        return ppid === pid ? [Number(entry)] : []
      } catch {
        return []
      }
    })
}

async function until<T>(probe: () => Promise<T> | T, ok: (value: T | undefined) => boolean, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined)
    if (value !== undefined && ok(value)) return value
    if (Date.now() > end) throw new Error('Timed out')
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

let server: ChildProcess
test.afterEach(() => {
  if (server.exitCode === null) server.kill('SIGKILL')
})

test('three workers share the port and the sessions; a dead worker is replaced; SIGTERM stops them all', async ({ makeUser }) => {
  test.setTimeout(90_000)
  server = spawn(process.execPath, ['server.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      WEB_CONCURRENCY: '3',
      DATABASE_URL: E2E_DATABASE_URL,
      ISSUER_KEY_FILE: path.join(E2E_DATA_DIR, 'secrets/issuer-key.json'),
      OUTBOX_DIR: E2E_OUTBOX_DIR,
      SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout!.on('data', (chunk) => (output += chunk))
  server.stderr!.on('data', (chunk) => (output += chunk))
  await until(() => fetch(`${base}/`).then((r) => r.status), (status) => status === 200)
  const workers = await until(() => childrenOf(server.pid!), (pids) => pids!.length === 3)
  expect(output).toContain('Trellis starts 3 workers')

  // A session made anywhere is known to every worker: each request is answered signed in.
  const user = await makeUser({ displayName: 'Cluster Learner' })
  const { token } = await createSession(user.id)
  const signedIn = async () => {
    const response = await fetch(`${base}/me`, { headers: { Cookie: `${SESSION_COOKIE}=${token}` }, redirect: 'manual' })
    return response.status === 200 && (await response.text()).includes('Cluster Learner')
  }
  const answers = await Promise.all(Array.from({ length: 24 }, signedIn))
  expect(answers.every(Boolean)).toBe(true)

  // A worker killed outright is replaced, and the server goes on answering.
  process.kill(workers[0]!, 'SIGKILL')
  const replaced = await until(() => childrenOf(server.pid!), (pids) => pids!.length === 3 && !pids!.includes(workers[0]!))
  expect(replaced.filter((pid) => workers.includes(pid))).toHaveLength(2)
  expect(output).toMatch(/Worker \d+ stopped \(SIGKILL\); starting another/)
  expect((await Promise.all(Array.from({ length: 12 }, signedIn))).every(Boolean)).toBe(true)

  // SIGTERM: the workers finish and exit, then the primary.
  server.kill('SIGTERM')
  const code = await new Promise<number | null>((resolve) => server.once('exit', resolve))
  expect(code).toBe(0)
  await until(() => replaced.filter((pid) => fs.existsSync(`/proc/${pid}`)), (alive) => alive!.length === 0, 10_000)
})
