import { z } from 'zod'

// Every environment variable the running app reads, validated once. The README's
// configuration table lists the same variables.
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** `auto`: Secure cookies whenever the request came over HTTPS. */
  SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  /** The organisation named as issuer on certificates. */
  ISSUER_NAME: z.string().trim().min(1).default('Lantern'),
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
