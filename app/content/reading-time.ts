/** Words of prose in an MDX lesson: front matter, tags and punctuation left out. */
export function countWords(mdx: string): number {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n?/, '')
  const prose = body
    .replace(/<[^>]*>/g, ' ') // JSX tags (their text props are not read aloud in the flow)
    .replace(/\]\([^)]*\)/g, ']') // link targets
    .replace(/[#*_>`|[\]{}~-]+/g, ' ')
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** Minutes to read, at 200 words a minute (a careful, not a skimming, pace). */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 200))
}
