// Text that people write (names, places, titles) is shown to others: on pages,
// certificates and the public verification page. Characters that nobody types
// on purpose, and that can change how the text around them is shown, are
// refused in forms and removed from imported files and printed certificates.
//
// - C0 and C1 control characters (NUL, escape…), except tab and line breaks;
// - bidirectional embeddings, overrides and isolates (U+202A–U+202E,
//   U+2066–U+2069): "Ali<U+202E>fdp.exe" would show as "Aliexe.pdf";
// - line and paragraph separators (U+2028, U+2029) and the byte-order mark.
//
// Joiners (U+200C, U+200D) and the left-to-right and right-to-left marks
// stay: Arabic, Persian and emoji need them, and they reorder nothing beyond
// the neighbouring punctuation.

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/
const CONTROL_ALL = new RegExp(CONTROL.source, 'g')

/** Does the text hold a character that no one types on purpose? */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text)
}

/** The text without those characters (for text that comes from files, or was stored before they were refused). */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL_ALL, '')
}

/** Text isolated from what surrounds it (first-strong isolate … pop), for user text inside a translated sentence. */
export function isolate(text: string): string {
  return `\u2068${withoutControlCharacters(text)}\u2069`
}
