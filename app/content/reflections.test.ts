import { expect, test } from 'vitest'
import { reflectionIdsIn } from './load.server.ts'

test('a lesson’s reflection boxes are found by their ids, once each', () => {
  const mdx = '---\ntitle: "T"\n---\n\n<Reflection id="first-thought" prompt="Why?" />\n\nText\n\n<Reflection prompt="And?" id="second" />\n<Reflection id="first-thought" prompt="Again" />'
  expect(reflectionIdsIn(mdx)).toEqual(['first-thought', 'second'])
  expect(reflectionIdsIn('No boxes here, not even <Reflections>.')).toEqual([])
})
