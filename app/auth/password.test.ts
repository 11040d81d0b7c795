import { describe, expect, test } from 'vitest'
import { passwordProblem } from './password.ts'
import { hashPassword, verifyPassword } from './password.server.ts'

describe('password rules', () => {
  test('at least ten characters', () => {
    expect(passwordProblem('short-pw1')).toBe('passwordTooShort')
    expect(passwordProblem('river-otter-lamp')).toBeNull()
  })

  test('length counts characters, not bytes', () => {
    // Nine Arabic letters are 18 bytes but still too short.
    expect(passwordProblem('كلمةمرورط')).toBe('passwordTooShort')
    expect(passwordProblem('كلمة مرور طويلة')).toBeNull()
  })

  test('the most common passwords are refused whatever their case', () => {
    expect(passwordProblem('password123')).toBe('passwordTooCommon')
    expect(passwordProblem('QwertyUiop')).toBe('passwordTooCommon')
    expect(passwordProblem('1234567890')).toBe('passwordTooCommon')
    expect(passwordProblem('motdepasse123')).toBe('passwordTooCommon')
  })

  test('one character repeated, or the email address, is refused', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('passwordTooCommon')
    expect(passwordProblem('amina.teacher@example.org', 'Amina.Teacher@example.org')).toBe(
      'passwordTooCommon',
    )
    expect(passwordProblem('amina.teacher', 'amina.teacher@example.org')).toBe('passwordTooCommon')
  })

  test('absurdly long passwords are refused', () => {
    expect(passwordProblem('x'.repeat(100) + 'y'.repeat(200))).toBe('passwordTooLong')
  })
})

describe('password hashing', () => {
  test('argon2id hashes verify the right password only', async () => {
    const hash = await hashPassword('correct horse battery')
    expect(hash.startsWith('$argon2id$')).toBe(true)
    expect(hash).not.toContain('correct horse battery')
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true)
    expect(await verifyPassword(hash, 'correct horse battery!')).toBe(false)
  })

  test('the same password hashes differently each time (salted)', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')])
    expect(a).not.toBe(b)
  })

  test('a corrupt stored hash is a failed check, not a crash', async () => {
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false)
  })
})
