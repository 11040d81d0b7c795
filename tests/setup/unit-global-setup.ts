import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

/**
 * Builds one database from the committed migrations; each test file copies it.
 * Each run has its own, so two runs side by side do not pull it from under
 * each other; the workers find it through TRELLIS_UNIT_TEMPLATE_DB.
 */
export default function setup() {
  const template = path.resolve(`tests/.data/unit-template-${process.pid}.db`)
  fs.mkdirSync(path.dirname(template), { recursive: true })
  execFileSync(process.execPath, ['scripts/prisma.mjs', 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: `file:${template}` },
    stdio: 'pipe',
  })
  process.env.TRELLIS_UNIT_TEMPLATE_DB = template
  return () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(template + suffix, { force: true })
  }
}
