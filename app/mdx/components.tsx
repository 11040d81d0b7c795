// The components lesson authors can use in MDX (app/mdx/registry.ts lists
// their props for the checker). All work without JavaScript and mirror in
// right-to-left languages.
import { useActionData, useFetcher, useLocation } from '@remix-run/react'
import { useId, type ComponentProps, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { TableWrap } from '#app/components/table-wrap.tsx'
import type { MdxComponentName } from './registry.ts'
import { assetUrl, useLessonContext } from './lesson-context.ts'

const CALLOUT_ICONS = { note: 'ℹ', tip: '✦', warning: '⚠' } as const

function Callout({ type = 'note', title, children }: { type?: 'note' | 'tip' | 'warning'; title?: string; children?: ReactNode }) {
  const { t } = useTranslation()
  const kind = type in CALLOUT_ICONS ? type : 'note'
  return (
    <aside className={`callout callout--${kind}`} aria-label={title ?? t(`mdx.callout.${kind}`)}>
      <p className="callout__title">
        <span aria-hidden="true">{CALLOUT_ICONS[kind]} </span>
        {title ?? t(`mdx.callout.${kind}`)}
      </p>
      <div className="callout__body">{children}</div>
    </aside>
  )
}

function Scenario({ title, question, children }: { title: string; question: string; children?: ReactNode }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <section className="scenario" aria-labelledby={`${id}-title`}>
      <p className="scenario__kicker">{t('mdx.scenario')}</p>
      <h3 id={`${id}-title`} className="scenario__title">
        {title}
      </h3>
      <div className="scenario__story">{children}</div>
      <p className="scenario__question">
        <strong>{t('mdx.thinkAbout')}</strong> {question}
      </p>
    </section>
  )
}

function Reflection({ id, prompt }: { id: string; prompt: string }) {
  const { t } = useTranslation()
  const { notes } = useLessonContext()
  const fetcher = useFetcher<{ savedNote?: string; noteError?: string }>()
  // Without JavaScript the form posts to the page, whose action data says the same.
  const actionData = useActionData<{ savedNote?: string; noteError?: string }>()
  const result = fetcher.data ?? actionData
  const fieldId = `reflection-${id}`
  const location = useLocation()
  const saved = fetcher.state === 'idle' && result?.savedNote === id
  const error = result?.noteError
  return (
    <section className="reflection" id={fieldId} aria-labelledby={`${fieldId}-label`}>
      <p className="reflection__kicker" id={`${fieldId}-label`}>
        {t('mdx.reflection')}
      </p>
      <p className="reflection__prompt">{prompt}</p>
      {notes ? (
        // Without JavaScript the page comes back at this box (its fragment), the confirmation beside it.
        <fetcher.Form method="post" action={`${location.pathname}${location.search}#${fieldId}`}>
          <input type="hidden" name="intent" value="save-note" />
          <input type="hidden" name="reflectionId" value={id} />
          <label htmlFor={`${fieldId}-text`} className="reflection__label">
            {t('mdx.yourNotes')}
          </label>
          <textarea
            id={`${fieldId}-text`}
            name="text"
            rows={4}
            maxLength={10_000}
            defaultValue={notes[id] ?? ''}
            aria-describedby={`${fieldId}-help`}
            aria-invalid={error ? true : undefined}
          />
          <p className="reflection__help" id={`${fieldId}-help`}>
            {error ? <span className="field__error">{t(error)}</span> : t('mdx.notesPrivate')}
          </p>
          <p className="reflection__actions">
            <button type="submit" className="button button--small button--secondary" disabled={fetcher.state !== 'idle'}>
              {t('mdx.saveNote')}
            </button>
            <span role="status" className="reflection__status">
              {saved ? t('mdx.noteSaved') : ''}
            </span>
          </p>
        </fetcher.Form>
      ) : (
        <p className="reflection__help">{t('mdx.signInForNotes')}</p>
      )}
    </section>
  )
}

function KeyTakeaways({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <section className="takeaways" aria-labelledby={id}>
      <h2 id={id} className="takeaways__title">
        {title ?? t('mdx.keyTakeaways')}
      </h2>
      {children}
    </section>
  )
}

function Figure({ src, alt, caption }: { src: string; alt: string; caption: string }) {
  const { courseSlug } = useLessonContext()
  return (
    <figure className="figure">
      <img src={assetUrl(courseSlug, src)} alt={alt} loading="lazy" decoding="async" />
      <figcaption>{caption}</figcaption>
    </figure>
  )
}

function Term({ id, children }: { id: string; children?: ReactNode }) {
  const { glossary, courseSlug } = useLessonContext()
  const entry = glossary.find((e) => e.id === id)
  const tipId = `term-${id}-${useId().replace(/:/g, '')}`
  if (!entry) return <>{children}</>
  // The definition shows on hover and keyboard focus (CSS), is read by screen
  // readers as the link's description, and the link opens the glossary.
  return (
    <span className="term">
      <a href={`/courses/${courseSlug}/glossary#${id}`} aria-describedby={tipId} className="term__link">
        <dfn>{children}</dfn>
      </a>
      <span role="tooltip" id={tipId} className="term__tip">
        <strong>{entry.term}:</strong> {entry.definition}
      </span>
    </span>
  )
}

function Video({ src, captions, title, poster }: { src: string; captions: string; title: string; poster?: string }) {
  const { t } = useTranslation()
  const { courseSlug, locale } = useLessonContext()
  return (
    <figure className="video">
      <video controls preload="metadata" poster={poster ? assetUrl(courseSlug, poster) : undefined} aria-label={title}>
        <source src={assetUrl(courseSlug, src)} />
        <track kind="captions" src={assetUrl(courseSlug, captions)} srcLang={locale} label={t('mdx.captions')} default />
      </video>
      <figcaption>
        {title} · <a href={assetUrl(courseSlug, captions)}>{t('mdx.transcript')}</a>
      </figcaption>
    </figure>
  )
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each component has its own props
export const mdxComponents: Record<MdxComponentName, (props: any) => ReactNode> = {
  Callout,
  Scenario,
  Reflection,
  KeyTakeaways,
  Figure,
  Term,
  Video,
}

/** Markdown tables in lessons: wide ones scroll sideways in a focusable region, with a cue that there is more. */
function LessonTable(props: ComponentProps<'table'>) {
  return (
    <TableWrap>
      <table {...props} />
    </TableWrap>
  )
}

/** What a lesson's MDX is rendered with: the authors' components, and the HTML elements Trellis styles itself. */
export const lessonComponents = { ...mdxComponents, table: LessonTable }
