// The audit log's vocabulary: what admins do that is recorded (who, what,
// when). Labels are translated under `audit.actions.<action>`.

export const AUDIT_ACTIONS = [
  'user.role_changed',
  'user.deactivated',
  'user.reactivated',
  'user.reset_link_created',
  'user.data_exported',
  'certificate.revoked',
  'trainer.attendance_recorded',
  'activity.created',
  'activity.updated',
  'activity.deleted',
  'activity.headcounts_saved',
  'activity.attendance_imported',
  'activity.attendance_cleared',
  'cohort.created',
  'cohort.updated',
  'cohort.member_added',
  'cohort.member_removed',
  'cohort.attendance_marked',
  'cohort.attendance_unmarked',
  'cascade_session.verified',
  'cascade_session.rejected',
  'baseline.added',
  'baseline.deleted',
  'report.exported',
  'quiz.exception_granted',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const AUDIT_TARGET_TYPES = ['user', 'certificate', 'activity', 'cohort', 'cascade_session', 'baseline', 'report'] as const
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number]

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value)
}

/** Where an event's target can be seen in the app, if it still can (not after it was deleted). */
export function auditTargetPath(targetType: string | null, targetId: string | null, action = ''): string | null {
  if (!targetId || action.endsWith('.deleted')) return null
  switch (targetType) {
    case 'user':
      return `/admin/users/${targetId}`
    case 'certificate':
      return `/verify/${targetId}`
    case 'activity':
      return `/admin/activities/${targetId}`
    case 'cohort':
      return `/admin/cohorts/${targetId}`
    default:
      return null
  }
}

export type AuditDetails = Record<string, string | number | boolean | null | readonly string[]>

/** Details as `key: value` pairs in a stable order; a list stays a list (audit-details.server.ts names each item). */
export function auditDetailPairs(json: string): Array<[string, string | string[]]> {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    return []
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return []
  return Object.entries(parsed as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => [key, Array.isArray(value) ? value.map(String) : String(value)])
}
