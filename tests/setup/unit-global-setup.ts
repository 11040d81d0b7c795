import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const TEMPLATE_DB = path.resolve('tests/.data/unit-template.db')

/** Builds one database from the committed migrations; each test file copies it. */
export default function setup() {
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true })
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(TEMPLATE_DB + suffix, { force: true })
  execFileSync(process.execPath, ['scripts/prisma.mjs', 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE_DB}` },
    stdio: 'pipe',
  })
}
