import type { z } from 'zod'
import { hasControlCharacters } from './text.ts'

/** The key of a problem with the whole form rather than one field. */
export const FORM_ERROR = 'form'

/** Field name (or FORM_ERROR) → translation key of its first problem. */
export type FieldErrors = Record<string, string>

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, string> }

/**
 * Validates a submitted form with a Zod schema whose messages are translation
 * keys. On failure, returns each field's first error and the submitted text
 * (never passwords) so the form can be shown again as it was filled in.
 * Every field but passwords is refused if it holds control characters or
 * bidirectional overrides (app/utils/text.ts), whatever the schema says.
 */
export function parseForm<S extends z.ZodTypeAny>(
  schema: S,
  formData: FormData,
): FormResult<z.output<S>> {
  const values: Record<string, string> = {}
  const errors: FieldErrors = {}
  for (const [key, value] of formData) {
    if (typeof value !== 'string') continue
    values[key] = value
    if (!/password/i.test(key) && hasControlCharacters(value)) errors[key] ??= 'errors.controlCharacters'
  }
  const parsed = schema.safeParse(values)
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data }
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? FORM_ERROR)
    errors[field] ??= issue.message
  }
  return { ok: false, errors, values: formValues(formData) }
}

/** The submitted text fields, without passwords, to fill a form in again. */
export function formValues(formData: FormData): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !/password/i.test(key)) kept[key] = value
  }
  return kept
}
