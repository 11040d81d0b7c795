// npm run db:restore -- <backup file>: puts a backup in place of the database.
// Stop Trellis first (README, "Backups").
import 'dotenv/config'
import { restoreDatabase } from '#app/utils/backup.server.ts'
import { databaseUrl, sqliteFilePath } from '#app/utils/database-url.ts'

const backup = process.argv[2]
const target = sqliteFilePath(databaseUrl())
if (!backup || !target) {
  console.error('Usage: npm run db:restore -- <backup file> (with Trellis stopped; DATABASE_URL names the database to replace)')
  process.exit(1)
}
try {
  restoreDatabase(backup, target)
  console.log(`Restored ${backup} to ${target}. Start Trellis again; run npm run db:migrate first if the backup is older than this version.`)
} catch (error) {
  console.error(`The restore failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
