import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { SUPPORTED_LOCALES } from './config.ts'

// Every UI string must exist in every language: a missing key fails here.
const localesDir = path.resolve('app/locales')
const PLURAL = /_(zero|one|two|few|many|other)$/

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(full, value)
    else for (const [k, v] of flatten(value, full)) out.set(k, v)
  }
  return out
}

function load(locale: string, ns: string) {
  return flatten(JSON.parse(fs.readFileSync(path.join(localesDir, locale, `${ns}.json`), 'utf8')))
}

const namespaces = fs.readdirSync(path.join(localesDir, 'en')).map((f) => f.replace(/\.json$/, ''))
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()

describe.each(namespaces)('namespace %s', (ns) => {
  const english = load('en', ns)
  const baseKeys = new Set([...english.keys()].map((k) => k.replace(PLURAL, '')))
  const pluralBases = new Set([...english.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))

  test.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))('%s has every key, and no stray ones', (locale) => {
    const strings = load(locale, ns)
    const keys = new Set([...strings.keys()].map((k) => k.replace(PLURAL, '')))
    expect([...baseKeys].filter((k) => !keys.has(k)), 'missing keys').toEqual([])
    expect([...keys].filter((k) => !baseKeys.has(k)), 'keys not in English').toEqual([])
  })

  test.each([...SUPPORTED_LOCALES])('%s has every plural form its grammar needs', (locale) => {
    const strings = load(locale, ns)
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories
    const missing = [...pluralBases].flatMap((base) =>
      categories.filter((c) => !strings.has(`${base}_${c}`)).map((c) => `${base}_${c}`),
    )
    expect(missing).toEqual([])
  })

  test.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))('%s keeps the placeholders of each string', (locale) => {
    const strings = load(locale, ns)
    const wrong: string[] = []
    for (const [key, text] of english) {
      if (PLURAL.test(key)) continue
      const translated = strings.get(key)
      if (translated !== undefined && placeholders(translated).join() !== placeholders(text).join()) wrong.push(key)
    }
    expect(wrong).toEqual([])
  })

  test.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))('%s has no empty strings', (locale) => {
    expect([...load(locale, ns)].filter(([, v]) => !v.trim()).map(([k]) => k)).toEqual([])
  })
})
