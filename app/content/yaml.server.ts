import fs from 'node:fs'
import { LineCounter, parseDocument, isNode } from 'yaml'
import type { z } from 'zod'

export type Problem = { file: string; line: number | null; message: string }

/**
 * Reads a YAML (or JSON, which is YAML) file and validates it with a schema.
 * Problems name the file and the line of the offending value.
 */
export function readDataFile<S extends z.ZodTypeAny>(
  absolutePath: string,
  displayPath: string,
  schema: S,
): { data: z.output<S> | null; problems: Problem[] } {
  const text = fs.readFileSync(absolutePath, 'utf8')
  return parseData(text, displayPath, schema)
}

export function parseData<S extends z.ZodTypeAny>(
  text: string,
  displayPath: string,
  schema: S,
  lineOffset = 0,
): { data: z.output<S> | null; problems: Problem[] } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  if (doc.errors.length > 0) {
    return {
      data: null,
      problems: doc.errors.map((error) => ({
        file: displayPath,
        line: lineCounter.linePos(error.pos[0]).line + lineOffset,
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    }
  }
  const parsed = schema.safeParse(doc.toJS())
  if (parsed.success) return { data: parsed.data, problems: [] }
  return {
    data: null,
    problems: parsed.error.issues.map((issue) => {
      const line = lineOf(doc, lineCounter, issue.path)
      const where = issue.path.length ? `${issue.path.join('.')}: ` : ''
      return { file: displayPath, line: line === null ? null : line + lineOffset, message: `${where}${issue.message}` }
    }),
  }
}

/** The line of the deepest node on `path` that exists in the document. */
function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: (string | number)[]): number | null {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line
  }
  return null
}
