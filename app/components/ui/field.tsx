import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { useTranslation } from 'react-i18next'

type Common = {
  label: ReactNode
  name: string
  /** Translation key of the field's problem, if any. */
  error?: string
  help?: ReactNode
}

function useFieldIds(name: string, idProp?: string, error?: string, help?: ReactNode) {
  const generated = `${useId()}-${name}`.replace(/:/g, '')
  const id = idProp ?? generated
  const helpId = help ? `${id}-help` : undefined
  const errorId = error ? `${id}-error` : undefined
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined
  return { id, helpId, errorId, describedBy }
}

function FieldMessages({ help, helpId, error, errorId }: { help?: ReactNode; helpId?: string; error?: string; errorId?: string }) {
  const { t } = useTranslation()
  return (
    <>
      {help ? (
        <p className="field__help" id={helpId}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {t(error)}
        </p>
      ) : null}
    </>
  )
}

/** A labelled input with help and error text tied to it (label above, messages below). */
export function Field({ label, name, error, help, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const rest = input
  const ids = useFieldIds(name, rest.id, error, help)
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={ids.id}>{label}</label>
      <input
        {...input}
        id={ids.id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      />
      <FieldMessages help={help} helpId={ids.helpId} error={error} errorId={ids.errorId} />
    </div>
  )
}

export function SelectField({
  label,
  name,
  error,
  help,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const rest = select
  const ids = useFieldIds(name, rest.id, error, help)
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={ids.id}>{label}</label>
      <select
        {...select}
        id={ids.id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
      >
        {children}
      </select>
      <FieldMessages help={help} helpId={ids.helpId} error={error} errorId={ids.errorId} />
    </div>
  )
}

/** A labelled multi-line text box, help above it (it can be tall), error below. */
export function TextAreaField({ label, name, error, help, ...textarea }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(name, textarea.id, error, help)
  const { t } = useTranslation()
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={ids.id}>{label}</label>
      {help ? (
        <p className="field__help" id={ids.helpId}>
          {help}
        </p>
      ) : null}
      <textarea {...textarea} id={ids.id} name={name} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} />
      {error ? (
        <p className="field__error" id={ids.errorId}>
          <span aria-hidden="true">⚠ </span>
          {t(error)}
        </p>
      ) : null}
    </div>
  )
}

/**
 * The "I understand" checkbox before something that cannot be undone
 * (deleting, clearing, deactivating), with its error below it.
 */
export function ConfirmCheckbox({ id, name = 'confirm', label, error }: { id: string; name?: string; label: ReactNode; error?: string | null }) {
  const { t } = useTranslation()
  const errorId = `${id}-error`
  return (
    <div>
      <div className="confirm-field">
        <input type="checkbox" id={id} name={name} value="yes" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
        <label htmlFor={id}>{label}</label>
      </div>
      {error ? (
        <p className="field__error" id={errorId}>
          <span aria-hidden="true">⚠ </span>
          {t(error)}
        </p>
      ) : null}
    </div>
  )
}
