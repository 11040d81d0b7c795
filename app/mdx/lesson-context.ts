import { createContext, useContext } from 'react'

export type LessonContextValue = {
  courseSlug: string
  lessonId: string
  /** The language the lesson is written in. */
  locale: string
  /** The learner's saved Reflection notes by prompt id; null for visitors who are not signed in. */
  notes: Record<string, string> | null
  /** Glossary entries in the lesson's language. */
  glossary: { id: string; term: string; definition: string }[]
}

export const LessonContext = createContext<LessonContextValue>({ courseSlug: '', lessonId: '', locale: 'en', notes: null, glossary: [] })
export const useLessonContext = () => useContext(LessonContext)

export const assetUrl = (courseSlug: string, file: string) =>
  `/courses/${courseSlug}/assets/${file.split('/').map(encodeURIComponent).join('/')}`
