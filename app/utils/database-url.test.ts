import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, test, vi } from 'vitest'
import { DEFAULT_DATABASE_URL, OLD_DEFAULT_DATABASE_URL, defaultDatabaseUrl, sqliteFilePath } from './database-url.ts'

const folder = () => fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-db-url-'))
const touch = (root: string, url: string) => {
  const file = sqliteFilePath(url, root)!
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, '')
}

describe('the default database file', () => {
  test('is data/trellis.db on a fresh clone, without a word in the log', () => {
    const log = vi.fn()
    expect(defaultDatabaseUrl(folder(), log)).toBe('file:./data/trellis.db')
    expect(log).not.toHaveBeenCalled()
  })

  test('stays data/trellis.db when both files exist', () => {
    const root = folder()
    touch(root, DEFAULT_DATABASE_URL)
    touch(root, OLD_DEFAULT_DATABASE_URL)
    const log = vi.fn()
    expect(defaultDatabaseUrl(root, log)).toBe(DEFAULT_DATABASE_URL)
    expect(log).not.toHaveBeenCalled()
  })

  test('is the old data/lantern.db when only that one exists, said once in the log', () => {
    const root = folder()
    touch(root, OLD_DEFAULT_DATABASE_URL)
    const log = vi.fn()
    expect(defaultDatabaseUrl(root, log)).toBe('file:./data/lantern.db')
    expect(defaultDatabaseUrl(root, log)).toBe('file:./data/lantern.db')
    expect(log).toHaveBeenCalledTimes(1)
    expect(log.mock.calls[0]![0]).toContain('data/lantern.db')
    expect(log.mock.calls[0]![0]).toContain('data/trellis.db')
  })
})
