import { COMMON_PASSWORDS } from './common-passwords.ts'

export const PASSWORD_MIN_LENGTH = 10
/** Long enough for any passphrase, short enough that hashing cannot be abused. */
export const PASSWORD_MAX_LENGTH = 256

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordTooCommon'

/**
 * Why a new password is not acceptable, as a translation key under `errors.`,
 * or null when it is. Length counts characters as a person sees them.
 */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length
  if (length < PASSWORD_MIN_LENGTH) return 'passwordTooShort'
  if (length > PASSWORD_MAX_LENGTH) return 'passwordTooLong'
  const lower = password.toLowerCase()
  if (COMMON_PASSWORDS.has(lower)) return 'passwordTooCommon'
  if (new Set(lower).size === 1) return 'passwordTooCommon'
  if (email) {
    const address = email.trim().toLowerCase()
    if (lower === address || lower === address.split('@')[0]) return 'passwordTooCommon'
  }
  return null
}
