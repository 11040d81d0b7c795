/** Throws a response (404 by default) when `condition` is falsy. */
export function invariantResponse(
  condition: unknown,
  message = 'Not found',
  init: ResponseInit = { status: 404 },
): asserts condition {
  if (!condition) throw new Response(message, { statusText: message, ...init })
}
