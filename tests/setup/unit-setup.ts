import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TEMPLATE_DB } from './unit-global-setup.ts'

// Each test file gets its own copy of the migrated database, so files can run
// in parallel and never see each other's rows.
const file = path.join(os.tmpdir(), `lantern-unit-${crypto.randomUUID()}.db`)
fs.copyFileSync(TEMPLATE_DB, file)
process.env.DATABASE_URL = `file:${file}`
process.on('exit', () => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
})
