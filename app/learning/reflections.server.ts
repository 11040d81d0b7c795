import { db } from '#app/utils/db.server.ts'

export const MAX_NOTE_LENGTH = 10_000

/** A learner's notes on a lesson's Reflection prompts, by prompt id. */
export async function getReflectionNotes(userId: string, courseSlug: string, lessonId: string) {
  const notes = await db.reflectionNote.findMany({
    where: { userId, courseSlug, lessonId },
    select: { reflectionId: true, text: true },
  })
  return Object.fromEntries(notes.map((n) => [n.reflectionId, n.text]))
}

/** Saves (or, when emptied, deletes) a learner's note on one prompt. */
export async function saveReflectionNote(userId: string, courseSlug: string, lessonId: string, reflectionId: string, text: string) {
  const key = { userId_courseSlug_lessonId_reflectionId: { userId, courseSlug, lessonId, reflectionId } }
  if (!text.trim()) {
    await db.reflectionNote.deleteMany({ where: { userId, courseSlug, lessonId, reflectionId } })
    return
  }
  await db.reflectionNote.upsert({
    where: key,
    create: { userId, courseSlug, lessonId, reflectionId, text },
    update: { text },
  })
}
