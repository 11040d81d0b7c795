// Starts Trellis for the end-to-end tests: a fresh database from the committed
// migrations, the idempotent seed, a production build, then the real server.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const dataDir = path.resolve(process.env.E2E_DATA_DIR ?? 'tests/.data')
const dbFile = path.join(dataDir, 'e2e.db')
fs.mkdirSync(path.dirname(dbFile), { recursive: true })
for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true })
// A new issuer key each run, made by the server on first use as in production.
const keyFile = path.join(dataDir, 'secrets/issuer-key.json')
fs.rmSync(keyFile, { force: true })
// Email goes to an outbox folder (no SMTP), emptied each run; tests read it.
const outbox = path.join(dataDir, 'outbox') // tests/e2e/database.ts E2E_OUTBOX_DIR
fs.rmSync(outbox, { recursive: true, force: true })

/** @type {NodeJS.ProcessEnv} */
const env = {
  ...process.env,
  DATABASE_URL: `file:${dbFile}`,
  PORT: process.env.E2E_PORT ?? '3100',
  NODE_ENV: 'production',
  ISSUER_KEY_FILE: keyFile,
  REPORTS_API_TOKEN: 'e2e-reports-token-0123456789abcdef',
  OUTBOX_DIR: outbox,
  SMTP_URL: '',
}
/** @param {string} command @param {string[]} args */
const run = (command, args) => execFileSync(command, args, { env, stdio: 'inherit' })

run(process.execPath, ['scripts/prisma.mjs', 'migrate', 'deploy'])
run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'prisma/seed.ts'])
if (process.env.E2E_SKIP_BUILD !== '1') run(process.execPath, ['node_modules/@remix-run/dev/dist/cli.js', 'vite:build'])

const server = spawn(process.execPath, ['server.js'], { env, stdio: 'inherit' })
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => server.kill(signal))
}
server.on('exit', (code) => process.exit(code ?? 0))
