#!/usr/bin/env node
// Runs the Prisma CLI the same way for every npm script (see
// docs/decisions/002-prisma-offline.md).
//
// Trellis runs Prisma with its JavaScript engine and the better-sqlite3 driver
// adapter (prisma.config.ts: `engine: 'js'`), so Prisma's native query and
// schema engines are never executed. The CLI still looks for their files first
// and, when they are missing, tries to download them, which fails on a machine
// without internet access. When the native files are absent, we point Prisma at
// empty placeholder files so it skips the download; when they are present (a
// machine whose install could download them), Prisma's normal path is used.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const enginesDir = path.join(root, 'node_modules', '@prisma', 'engines')
/** @param {string} prefix */
const hasNative = (prefix) =>
  fs.existsSync(enginesDir) && fs.readdirSync(enginesDir).some((f) => f.startsWith(prefix))

const env = { ...process.env }
const placeholderDir = path.join(root, 'node_modules', '.cache', 'trellis-prisma')
/** @param {string} name */
function placeholder(name) {
  fs.mkdirSync(placeholderDir, { recursive: true })
  const file = path.join(placeholderDir, name)
  if (!fs.existsSync(file)) fs.writeFileSync(file, '')
  return file
}
if (!env.PRISMA_QUERY_ENGINE_LIBRARY && !hasNative('libquery_engine')) {
  env.PRISMA_QUERY_ENGINE_LIBRARY = placeholder('libquery_engine-placeholder.so.node')
}
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasNative('schema-engine')) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder('schema-engine-placeholder')
}
env.PRISMA_HIDE_UPDATE_MESSAGE ??= '1'
env.CHECKPOINT_DISABLE ??= '1'

const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js')
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
})
process.exit(result.status ?? 1)
