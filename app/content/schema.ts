// The format of Trellis's course files, shared by the app and `content:check`.
// docs/authoring.md explains it for authors.
import { z } from 'zod'
import { STAKEHOLDER_GROUPS } from '#app/auth/profile.ts'
import { SUPPORTED_LOCALES } from '#app/i18n/config.ts'

export const localeSchema = z.enum(SUPPORTED_LOCALES)

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens')

/** Text in several languages: `{ en: "…", fr: "…" }`. */
const localized = <T extends z.ZodTypeAny>(value: T) => z.record(localeSchema, value)
const text = z.string().trim().min(1)

// course.yml
export const courseFileSchema = z
  .object({
    title: localized(text),
    summary: localized(text),
    audience: z.array(z.enum(STAKEHOLDER_GROUPS)).min(1),
    estimatedHours: z.number().positive().max(200),
    defaultLocale: localeSchema,
    certifiesTrainers: z.boolean().default(false),
    objectives: localized(z.array(text).min(1)).optional(),
    /** Module slugs, in order (folders are named `<nn>-<slug>`). */
    modules: z.array(slug).min(1),
  })
  .strict()
  .superRefine((course, ctx) => {
    for (const field of ['title', 'summary'] as const) {
      if (!course[field][course.defaultLocale]) {
        ctx.addIssue({ code: 'custom', path: [field], message: `needs a ${course.defaultLocale} text (the default locale)` })
      }
    }
    if (new Set(course.modules).size !== course.modules.length) {
      ctx.addIssue({ code: 'custom', path: ['modules'], message: 'lists a module twice' })
    }
  })
export type CourseFile = z.output<typeof courseFileSchema>

// <nn>-<module>/module.yml
export const moduleFileSchema = z
  .object({
    title: localized(text),
    summary: localized(text).optional(),
  })
  .strict()
export type ModuleFile = z.output<typeof moduleFileSchema>

// Front matter of <nn>-<lesson>.<locale>.mdx
export const lessonFrontmatterSchema = z
  .object({
    title: text,
    summary: text.optional(),
    /** Reading time; computed from the text when left out. */
    minutes: z.number().int().positive().max(240).optional(),
    /** Deals with abuse or exploitation: opens with a content note, ends with where to find support. */
    sensitive: z.boolean().default(false),
  })
  .strict()
export type LessonFrontmatter = z.output<typeof lessonFrontmatterSchema>

// glossary.<locale>.yml
export const glossarySchema = z
  .array(
    z
      .object({
        id: slug,
        term: text,
        definition: text,
      })
      .strict(),
  )
  .superRefine((entries, ctx) => {
    const seen = new Set<string>()
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate term id "${entry.id}"` })
      seen.add(entry.id)
    })
  })
export type Glossary = z.output<typeof glossarySchema>

// quiz.<locale>.yml
const optionSchema = z.object({ id: slug, text }).strict()
const questionBase = {
  id: slug,
  prompt: text,
  /** Shown after the attempt is submitted, whatever the answer. */
  explanation: text,
}

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('single'), options: z.array(optionSchema).min(2), answer: slug }).strict(),
  z
    .object({ ...questionBase, type: z.literal('multiple'), options: z.array(optionSchema).min(2), answer: z.array(slug).min(1) })
    .strict(),
  z.object({ ...questionBase, type: z.literal('true-false'), answer: z.boolean() }).strict(),
  /** Items are listed in the correct order; they are shuffled for the learner. */
  z.object({ ...questionBase, type: z.literal('ordering'), items: z.array(optionSchema).min(2) }).strict(),
  /** Each left side matches its right side; the right sides are shuffled. */
  z
    .object({
      ...questionBase,
      type: z.literal('matching'),
      pairs: z.array(z.object({ id: slug, left: text, right: text }).strict()).min(2),
    })
    .strict(),
])
export type Question = z.output<typeof questionSchema>

export const quizFileSchema = z
  .object({
    title: text,
    /** Percentage of the drawn questions to answer correctly. */
    passMark: z.number().min(0).max(100),
    /** Left out: unlimited attempts. */
    maxAttempts: z.number().int().positive().optional(),
    cooldownMinutes: z.number().int().min(0).default(0),
    shuffleQuestions: z.boolean().default(true),
    shuffleOptions: z.boolean().default(true),
    /** Questions drawn per attempt from the pool; left out: all of them. */
    draw: z.number().int().positive().optional(),
    /** Whether passing it is needed to complete the course. */
    required: z.boolean().default(true),
    /**
     * When the result page shows the right answers (and explanations) of the
     * questions answered wrongly: `always`, `after-pass` (once the learner has
     * passed), or `never`. Left out: `after-pass` for a quiz that draws from a
     * larger pool (its questions come back), `always` otherwise.
     */
    showAnswers: z.enum(['always', 'after-pass', 'never']).optional(),
    questions: z.array(questionSchema).min(1),
  })
  .strict()
  .superRefine((quiz, ctx) => {
    if (quiz.draw !== undefined && quiz.draw > quiz.questions.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['draw'],
        message: `draws ${quiz.draw} questions from a pool of ${quiz.questions.length}`,
      })
    }
    const questionIds = new Set<string>()
    quiz.questions.forEach((question, index) => {
      if (questionIds.has(question.id)) {
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'id'], message: `duplicate question id "${question.id}"` })
      }
      questionIds.add(question.id)
      const choices =
        question.type === 'single' || question.type === 'multiple' || question.type === 'ordering'
          ? 'options' in question
            ? question.options
            : question.items
          : question.type === 'matching'
            ? question.pairs
            : []
      const choiceIds = new Set<string>()
      for (const choice of choices) {
        if (choiceIds.has(choice.id)) {
          ctx.addIssue({ code: 'custom', path: ['questions', index], message: `question "${question.id}" repeats option id "${choice.id}"` })
        }
        choiceIds.add(choice.id)
      }
      const answers = question.type === 'single' ? [question.answer] : question.type === 'multiple' ? question.answer : []
      for (const answer of answers) {
        if (!choiceIds.has(answer)) {
          ctx.addIssue({
            code: 'custom',
            path: ['questions', index, 'answer'],
            message: `question "${question.id}" gives the answer "${answer}", which is not one of its options`,
          })
        }
      }
      if (question.type === 'multiple' && new Set(question.answer).size !== question.answer.length) {
        ctx.addIssue({ code: 'custom', path: ['questions', index, 'answer'], message: `question "${question.id}" lists an answer twice` })
      }
    })
  })
export type QuizFile = z.output<typeof quizFileSchema>
export type ShowAnswers = NonNullable<QuizFile['showAnswers']>
