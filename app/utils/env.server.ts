import { z } from 'zod'

// Every environment variable the running app reads, validated once. The README's
// configuration table lists the same variables.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** `auto`: Secure cookies whenever the request came over HTTPS. */
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  /** The organisation named as issuer on certificates. */
  ISSUER_NAME: z.string().trim().min(1).default('Trellis'),
  /** The site's public address (e.g. https://learn.example.org): its origin starts the links printed on certificates. Unset: the request's. */
  PUBLIC_URL: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().url().transform((url) => new URL(url).origin).optional(),
  ),
  /** Other host names the site answers to (comma-separated), besides PUBLIC_URL's and loopback; any other Host is refused. */
  ALLOWED_HOSTS: z.string().trim().optional(),
  /** The programme's time zone (IANA name): report periods are its calendar days. */
  PROGRAMME_TIME_ZONE: z
    .string()
    .trim()
    .default('UTC')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone })
        return true
      } catch {
        return false
      }
    }, 'not a time zone name such as Africa/Blantyre'),
  /** Lets other tools read /api/reports with `Authorization: Bearer <token>`; unset: admins' sessions only. */
  REPORTS_API_TOKEN: z.string().trim().min(24, 'use at least 24 characters').optional(),
  /** Where the issuer's Ed25519 signing key lives; made on first use (docs/decisions/010-open-badges.md). */
  ISSUER_KEY_FILE: z.string().trim().min(1).default('secrets/issuer-key.json'),
  /** How email is sent, e.g. smtps://user:password@mail.example.org:465. Unset: messages go to OUTBOX_DIR. */
  SMTP_URL: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().trim().regex(/^smtps?:\/\//, 'an smtp:// or smtps:// address').optional(),
  ),
  /** The sender of Trellis's email. */
  MAIL_FROM: z.string().trim().min(3).default('Trellis <no-reply@localhost>'),
  /** Where email is written as .eml files when SMTP_URL is unset. */
  OUTBOX_DIR: z.string().trim().min(1).default('data/outbox'),
})

export type Env = z.infer<typeof schema>

function readEnv(): Env {
  const parsed = schema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment variables:\n${problems.join('\n')}`)
  }
  return parsed.data
}

export const env = readEnv()
