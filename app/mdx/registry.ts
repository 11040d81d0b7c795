// The components lesson authors may use, and the props each one needs. The
// React map (components.tsx) and the content checker both follow this list.

export type ComponentRule = {
  /** Props that must be given as text. */
  required: readonly string[]
  /** Every prop the component takes. */
  allowed: readonly string[]
  /** Props limited to a few values. */
  values?: Readonly<Record<string, readonly string[]>>
  /** Props naming a file in the course's assets/ folder. */
  assets?: readonly string[]
  /** Whether it wraps content (Markdown children). */
  children: boolean
}

export const MDX_COMPONENT_RULES = {
  Callout: {
    required: ['type'],
    allowed: ['type', 'title'],
    values: { type: ['note', 'tip', 'warning'] },
    children: true,
  },
  Scenario: { required: ['title', 'question'], allowed: ['title', 'question'], children: true },
  Reflection: { required: ['id', 'prompt'], allowed: ['id', 'prompt'], children: false },
  KeyTakeaways: { required: [], allowed: ['title'], children: true },
  Figure: { required: ['src', 'alt', 'caption'], allowed: ['src', 'alt', 'caption'], assets: ['src'], children: false },
  Term: { required: ['id'], allowed: ['id'], children: true },
  Video: {
    required: ['src', 'captions', 'title'],
    allowed: ['src', 'captions', 'title', 'poster'],
    assets: ['src', 'captions', 'poster'],
    children: false,
  },
} as const satisfies Record<string, ComponentRule>

export type MdxComponentName = keyof typeof MDX_COMPONENT_RULES

export function isMdxComponentName(name: string): name is MdxComponentName {
  return Object.hasOwn(MDX_COMPONENT_RULES, name)
}
