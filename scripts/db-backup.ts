// npm run db:backup [-- <file>]: an online copy of the database, taken while
// Trellis serves (README, "Backups").
import 'dotenv/config'
import { backupDatabase, defaultBackupFile } from '#app/utils/backup.server.ts'
import { databaseUrl, sqliteFilePath } from '#app/utils/database-url.ts'

const source = sqliteFilePath(databaseUrl())
if (!source) {
  console.error('DATABASE_URL is not a SQLite file: back it up with its own tools.')
  process.exit(1)
}
const destination = process.argv[2] ?? defaultBackupFile(source)
try {
  const { bytes } = await backupDatabase(source, destination)
  console.log(`Backed up ${source} to ${destination} (${(bytes / 1024 / 1024).toFixed(1)} MB, integrity checked).`)
} catch (error) {
  console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
