import { expect, test } from 'vitest'
import { hasRole, isRole } from './roles.ts'

test('a learner has only the learner role', () => {
  expect(hasRole('learner', 'learner')).toBe(true)
  expect(hasRole('learner', 'trainer')).toBe(false)
  expect(hasRole('learner', 'admin')).toBe(false)
})

test('a trainer is also a learner, not an admin', () => {
  expect(hasRole('trainer', 'learner')).toBe(true)
  expect(hasRole('trainer', 'trainer')).toBe(true)
  expect(hasRole('trainer', 'admin')).toBe(false)
})

test('an admin passes every guard', () => {
  expect(hasRole('admin', 'learner')).toBe(true)
  expect(hasRole('admin', 'trainer')).toBe(true)
  expect(hasRole('admin', 'admin')).toBe(true)
})

test('an unknown role in the database grants nothing', () => {
  expect(isRole('superuser')).toBe(false)
  expect(hasRole('superuser', 'learner')).toBe(false)
  expect(hasRole('', 'learner')).toBe(false)
})
