import fs from 'node:fs/promises'
import path from 'node:path'
import { compileMdx } from './compile-mdx.server.ts'
import type { ContentIndex, LessonSource } from './load.server.ts'

// Compiled lessons are kept on disk by content hash: `npm run build` compiles
// every lesson ahead (scripts/content-build.ts), so no request bundles MDX; a
// lesson changed after the build is compiled once, on first view, and kept.
const CACHE_DIR = path.resolve(process.env.MDX_CACHE_DIR ?? 'build/mdx')
const inMemory = new Map<string, Promise<string>>()
const ready = new Map<string, string>()

export function getCompiledLesson(source: LessonSource): Promise<string> {
  let code = inMemory.get(source.hash)
  if (!code) {
    code = readOrCompile(source)
    inMemory.set(source.hash, code)
    code.then(
      (text) => ready.set(source.hash, text),
      () => inMemory.delete(source.hash),
    )
  }
  return code
}

/**
 * The code of a lesson a loader has already loaded, for the server's render
 * (entry.server.tsx provides it to the page), so the code never has to travel
 * in the page's data.
 */
export function loadedLessonCode(hash: string): string | undefined {
  return ready.get(hash)
}

async function readOrCompile(source: LessonSource): Promise<string> {
  const file = path.join(CACHE_DIR, `${source.hash}.js`)
  try {
    return await fs.readFile(file, 'utf8')
  } catch {
    const { code } = await compileMdx(await fs.readFile(source.absolutePath, 'utf8'))
    await fs.mkdir(CACHE_DIR, { recursive: true })
    // Write then rename, so a reader never sees half a file.
    const temporary = `${file}.${process.pid}.tmp`
    await fs.writeFile(temporary, code)
    await fs.rename(temporary, file)
    return code
  }
}

/** Compiles every lesson that is not compiled yet; returns how many were. */
export async function compileAllLessons(index: ContentIndex): Promise<{ total: number; compiled: number }> {
  const sources = index.courses.flatMap((c) => c.modules.flatMap((m) => m.lessons.flatMap((l) => Object.values(l.sources))))
  let compiled = 0
  for (const source of sources) {
    const exists = await fs
      .access(path.join(CACHE_DIR, `${source.hash}.js`))
      .then(() => true)
      .catch(() => false)
    if (!exists) {
      await getCompiledLesson(source)
      compiled++
    }
  }
  return { total: sources.length, compiled }
}
