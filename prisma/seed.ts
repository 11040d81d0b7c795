// Idempotent seed: run it any number of times (npm start runs it on every start).
// Creates the demo accounts unless SEED_DEMO_ACCOUNTS=false; their passwords
// come from the environment, with local defaults documented in the README.
// `npm run db:seed -- --demo` also loads a demo programme (prisma/demo-programme.ts).
import 'dotenv/config'
import { hashPassword, verifyPassword } from '#app/auth/password.server.ts'
import { passwordProblem } from '#app/auth/password.ts'
import type { Role } from '#app/auth/roles.ts'
import { issuerKey } from '#app/certificates/issuer-key.server.ts'
import { db } from '#app/utils/db.server.ts'
import { seedDemoProgramme } from './demo-programme.ts'

type DemoAccount = {
  email: string
  displayName: string
  role: Role
  passwordVariable: string
  defaultPassword: string
  country: string
  stakeholderGroup: string
  organisation: string | null
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'learner@example.org',
    displayName: 'Lina Learner',
    role: 'learner',
    passwordVariable: 'DEMO_LEARNER_PASSWORD',
    defaultPassword: 'trellis-learner-demo',
    country: 'MA',
    stakeholderGroup: 'industry',
    organisation: 'Example Telecom',
  },
  {
    email: 'trainer@example.org',
    displayName: 'Tamala Trainer',
    role: 'trainer',
    passwordVariable: 'DEMO_TRAINER_PASSWORD',
    defaultPassword: 'trellis-trainer-demo',
    country: 'MW',
    stakeholderGroup: 'educator',
    organisation: 'Lilongwe Primary School',
  },
  {
    email: 'admin@example.org',
    displayName: 'Ada Admin',
    role: 'admin',
    passwordVariable: 'DEMO_ADMIN_PASSWORD',
    defaultPassword: 'trellis-admin-demo',
    country: 'CH',
    stakeholderGroup: 'other',
    organisation: 'Programme team',
  },
]

async function seedDemoAccounts() {
  for (const account of DEMO_ACCOUNTS) {
    const password = process.env[account.passwordVariable] || account.defaultPassword
    const problem = passwordProblem(password, account.email)
    if (problem) throw new Error(`${account.passwordVariable} is not an acceptable password (${problem}).`)
    const existing = await db.user.findUnique({
      where: { email: account.email },
      select: { id: true, passwordHash: true, role: true },
    })
    if (!existing) {
      await db.user.create({
        data: {
          email: account.email,
          displayName: account.displayName,
          passwordHash: await hashPassword(password),
          role: account.role,
          country: account.country,
          stakeholderGroup: account.stakeholderGroup,
          organisation: account.organisation,
          preferredLocale: 'en',
        },
      })
      console.log(`Created demo ${account.role} ${account.email}`)
      continue
    }
    // Keep the account usable with the configured password and role.
    const passwordMatches = await verifyPassword(existing.passwordHash, password)
    if (!passwordMatches || existing.role !== account.role) {
      await db.user.update({
        where: { id: existing.id },
        data: {
          role: account.role,
          ...(passwordMatches ? {} : { passwordHash: await hashPassword(password) }),
        },
      })
      console.log(`Updated demo ${account.role} ${account.email}`)
    }
  }
}

async function main() {
  if (process.env.SEED_DEMO_ACCOUNTS === 'false') {
    console.log('SEED_DEMO_ACCOUNTS=false: no demo accounts.')
  } else {
    await seedDemoAccounts()
  }
  // The Open Badges signing key, made on the first run (and kept after).
  await issuerKey()
  if (process.argv.includes('--demo')) {
    const demo = await seedDemoProgramme(db)
    console.log(
      demo.skipped
        ? 'The demo programme is already loaded.'
        : `Loaded the demo programme in ${demo.seconds} s: ${demo.learners} learners, ${demo.completions} course completions, ${demo.cohorts} ToT cohorts, ${demo.trainers} certified trainers, ${demo.activities} offline activities, ${demo.cascadeSessions} cascade sessions, ${demo.baselines} baselines.`,
    )
  }
}

main()
  .then(() => db.$disconnect())
  .catch(async (error: unknown) => {
    console.error(error)
    await db.$disconnect()
    process.exit(1)
  })
