import { describe, expect, test } from 'vitest'
import { auditDetailPairs, auditTargetPath } from './audit.ts'

describe('audit entries for display', () => {
  test('link to what they concern while it exists', () => {
    expect(auditTargetPath('user', 'u1', 'user.deactivated')).toBe('/admin/users/u1')
    expect(auditTargetPath('certificate', 'abc', 'certificate.revoked')).toBe('/verify/abc')
    expect(auditTargetPath('activity', 'a1', 'activity.updated')).toBe('/admin/activities/a1')
    expect(auditTargetPath('activity', 'a1', 'activity.deleted')).toBeNull()
    expect(auditTargetPath('cascade_session', 's1', 'cascade_session.verified')).toBeNull()
    expect(auditTargetPath('user', null, 'user.deactivated')).toBeNull()
  })

  test('details read as pairs, empty values and broken JSON left out', () => {
    expect(auditDetailPairs('{"from":"learner","to":"trainer","note":"","kinds":["workshop","webinar"],"count":3}')).toEqual([
      ['from', 'learner'],
      ['to', 'trainer'],
      ['kinds', ['workshop', 'webinar']],
      ['count', '3'],
    ])
    expect(auditDetailPairs('not json')).toEqual([])
    expect(auditDetailPairs('[1,2]')).toEqual([])
  })
})
