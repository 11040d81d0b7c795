import path from 'node:path'

/** Where an end-to-end run keeps its data; E2E_DATA_DIR lets two runs side by side use separate folders. */
export const E2E_DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? 'tests/.data')

/** The end-to-end run's own database, made afresh by start-server.mjs. */
export const E2E_DATABASE_URL = `file:${path.join(E2E_DATA_DIR, 'e2e.db')}`

/** The folder the server writes email to (no SMTP in the tests). */
export const E2E_OUTBOX_DIR = path.join(E2E_DATA_DIR, 'outbox')
