import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Each test file gets its own copy of the migrated database, so files can run
// in parallel and never see each other's rows.
const file = path.join(os.tmpdir(), `trellis-unit-${crypto.randomUUID()}.db`)
fs.copyFileSync(process.env.TRELLIS_UNIT_TEMPLATE_DB!, file)
process.env.DATABASE_URL = `file:${file}`
// And its own issuer signing key, made on first use.
const keyFile = path.join(os.tmpdir(), `trellis-unit-${crypto.randomUUID()}-issuer-key.json`)
process.env.ISSUER_KEY_FILE = keyFile
// And its own outbox for email (no SMTP in tests).
const outbox = path.join(os.tmpdir(), `trellis-unit-${crypto.randomUUID()}-outbox`)
process.env.OUTBOX_DIR = outbox
delete process.env.SMTP_URL
process.on('exit', () => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  fs.rmSync(keyFile, { force: true })
  fs.rmSync(outbox, { recursive: true, force: true })
})
