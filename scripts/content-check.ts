// npm run content:check — validates every course file and prints the
// translation coverage of each course. Exits 1 on any problem.
import path from 'node:path'
import { checkContent, coverageTable } from '#app/content/check.server.ts'

const root = path.resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content')
const { index, problems } = await checkContent(root)

const rows = coverageTable(index)
if (rows.length > 0) {
  console.log('Translation coverage\n')
  const header = { course: 'course', locale: 'language', lessons: 'lessons', quizzes: 'quizzes', status: 'status' }
  const columns = Object.keys(header) as (keyof typeof header)[]
  const widths = columns.map((c) => Math.max(header[c].length, ...rows.map((r) => r[c].length)))
  const line = (row: Record<string, string>) => '  ' + columns.map((c, i) => row[c]!.padEnd(widths[i]!)).join('  ')
  console.log(line(header))
  console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))
}
const lessons = index.courses.reduce((n, c) => n + c.lessonCount, 0)
console.log(`\n${index.courses.length} course(s), ${lessons} lesson(s) checked in ${path.relative(process.cwd(), root) || '.'}`)

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`)
  for (const p of problems) console.error(`  ${path.join(path.relative(process.cwd(), root), p.file)}${p.line ? `:${p.line}` : ''}  ${p.message}`)
  process.exit(1)
}
console.log('No problems found.')
