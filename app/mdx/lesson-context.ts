import { createContext, useContext } from 'react'

export type LessonContextValue = {
  courseSlug: string
  lessonId: string
  /** The language the lesson is written in. */
  locale: string
  /** Glossary entries in the lesson's language. */
  glossary: { id: string; term: string; definition: string }[]
}

export const LessonContext = createContext<LessonContextValue>({ courseSlug: '', lessonId: '', locale: 'en', glossary: [] })
export const useLessonContext = () => useContext(LessonContext)

export const assetUrl = (courseSlug: string, file: string) =>
  `/courses/${courseSlug}/assets/${file.split('/').map(encodeURIComponent).join('/')}`
