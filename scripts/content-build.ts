// Part of `npm run build`: compiles every lesson ahead of time, so that no
// request pays for bundling MDX. Fails on content problems.
import path from 'node:path'
import { compileAllLessons } from '#app/content/compiled.server.ts'
import { loadContent } from '#app/content/load.server.ts'

const root = path.resolve(process.env.CONTENT_DIR ?? 'content')
const { index, problems } = loadContent(root)
if (problems.length > 0) {
  console.error(`Content has ${problems.length} problem(s); run npm run content:check for details.`)
  process.exit(1)
}
const started = Date.now()
const { total, compiled } = await compileAllLessons(index)
console.log(`Lessons: ${total} (${compiled} compiled, ${total - compiled} already up to date) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
