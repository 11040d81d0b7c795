import Bowser from 'bowser'

// Names a device from its browser's User-Agent, for the list of sessions:
// "Chrome · Android". Bowser knows the browsers and systems; anything it
// cannot name is null, shown as "Unknown device".

export const USER_AGENT_MAX_LENGTH = 512

export type Device = { browser: string | null; os: string | null }

export function describeDevice(userAgent: string | null | undefined): Device | null {
  if (!userAgent?.trim()) return null
  const parsed = Bowser.parse(userAgent.slice(0, USER_AGENT_MAX_LENGTH))
  const browser = parsed.browser.name || null
  const os = parsed.os.name || null
  return browser || os ? { browser, os } : null
}

/** What to store of a request's User-Agent header. */
export function storedUserAgent(request: Request): string | null {
  return request.headers.get('User-Agent')?.slice(0, USER_AGENT_MAX_LENGTH) || null
}
