import path from 'node:path'

/** The end-to-end run's own database, made afresh by start-server.mjs. */
export const E2E_DATABASE_URL = `file:${path.resolve('tests/.data/e2e.db')}`
