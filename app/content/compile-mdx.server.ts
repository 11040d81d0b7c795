// The one MDX compile function (kentcdodds.com's compile-mdx.server.ts in
// spirit): mdx-bundler with one list of remark/rehype plugins. It also reports
// what a lesson uses (components, links) with line numbers, for the checker.
import { bundleMDX } from 'mdx-bundler'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import { visit } from 'unist-util-visit'

/** Bump when the plugins or their options change: cached output is keyed by it. */
export const COMPILER_VERSION = '1'

export type ComponentUse = {
  name: string
  /** Props given as plain text; `null` for an expression like `{…}`. */
  props: Record<string, string | null>
  line: number
}

export type LinkUse = { url: string; line: number }

export type CompiledMdx = {
  code: string
  frontmatter: Record<string, unknown>
  components: ComponentUse[]
  links: LinkUse[]
}

export class MdxCompileError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message)
  }
}

type JsxAttribute = { type: string; name?: string; value?: unknown }
type JsxNode = { name?: string | null; attributes?: JsxAttribute[]; position?: { start: { line: number } } }

function collectUses(components: ComponentUse[], links: LinkUse[]) {
  return () => (tree: Parameters<typeof visit>[0]) => {
    visit(tree, (node) => {
      const line = node.position?.start.line ?? 0
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const jsx = node as unknown as JsxNode
        const props: Record<string, string | null> = {}
        for (const attribute of jsx.attributes ?? []) {
          if (attribute.type === 'mdxJsxAttribute' && attribute.name) {
            props[attribute.name] = typeof attribute.value === 'string' ? attribute.value : attribute.value == null ? '' : null
          }
        }
        components.push({ name: jsx.name ?? '(fragment)', props, line })
      }
      if (node.type === 'image') {
        // Markdown images have no caption and often no alt text: authors use <Figure>.
        components.push({ name: '(Markdown image)', props: {}, line })
      }
      if (node.type === 'link' || node.type === 'definition') {
        links.push({ url: String((node as unknown as { url: string }).url), line })
      }
    })
  }
}

export async function compileMdx(source: string): Promise<CompiledMdx> {
  const components: ComponentUse[] = []
  const links: LinkUse[] = []
  try {
    const { code, frontmatter } = await bundleMDX({
      source,
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, collectUses(components, links)]
        options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeSlug]
        return options
      },
      esbuildOptions(options) {
        options.minify = true
        options.logLevel = 'silent'
        options.target = ['es2020']
        return options
      },
    })
    return { code, frontmatter: frontmatter as Record<string, unknown>, components, links }
  } catch (error) {
    throw toCompileError(error)
  }
}

function toCompileError(error: unknown): MdxCompileError {
  const failure = error as { errors?: { text?: string; location?: { line?: number } | null; detail?: unknown }[]; message?: string }
  const first = failure.errors?.[0]
  if (first) {
    const detail = first.detail as { place?: { line?: number; start?: { line?: number } }; line?: number } | undefined
    const text = (first.text ?? String(error)).replace(/^Cannot process MDX file with esbuild:\s*/, '')
    // MDX reports where in the file: "(7:1-7:22)" or "7:1:" in its message.
    const fromText = text.match(/\((\d+):\d+(?:-\d+:\d+)?\)/) ?? text.match(/^(\d+):\d+/)
    const line =
      detail?.place?.start?.line ?? detail?.place?.line ?? (fromText ? Number(fromText[1]) : null) ?? first.location?.line ?? null
    return new MdxCompileError(text.replace(/^\d+:\d+:\s*/, '').trim(), line)
  }
  return new MdxCompileError(failure.message ?? String(error), null)
}
