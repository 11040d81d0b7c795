import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { env } from './env.server.ts'

// Trellis's email. With SMTP_URL set, nodemailer sends through that server.
// Without it (a workshop with no reliable email), nodemailer still composes
// the message and it is written to OUTBOX_DIR as an .eml file that any mail
// program opens; admins can also hand a reset link over in person.

export type Mail = { to: string; subject: string; text: string; lang: string }

const outboxTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
let smtpTransport: ReturnType<typeof nodemailer.createTransport> | undefined

export function mailIsConfigured(): boolean {
  return Boolean(env.SMTP_URL)
}

/** Sends (or writes to the outbox) one plain-text message. */
export async function sendMail(mail: Mail): Promise<void> {
  const message = {
    from: env.MAIL_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    headers: { 'Content-Language': mail.lang },
  }
  if (env.SMTP_URL) {
    smtpTransport ??= nodemailer.createTransport(env.SMTP_URL)
    await smtpTransport.sendMail(message)
    return
  }
  const info = await outboxTransport.sendMail(message)
  const file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`
  await fs.mkdir(env.OUTBOX_DIR, { recursive: true })
  await fs.writeFile(path.join(env.OUTBOX_DIR, file), info.message as Buffer, { mode: 0o600 })
}
