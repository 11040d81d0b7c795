import { E2E_DATABASE_URL } from './database.ts'

// Imported first by the fixtures, so the app's database module (imported after)
// opens the end-to-end run's database rather than the development one.
process.env.DATABASE_URL = E2E_DATABASE_URL
