import fs from 'node:fs'
import net from 'node:net'
import { afterAll, expect, test } from 'vitest'

// With SMTP_URL set, email goes to that server (here a minimal SMTP server in
// the test) and nothing is written to the outbox.

const received: string[] = []
const server = net.createServer((socket) => {
  let data = false
  let message = ''
  socket.write('220 test ESMTP\r\n')
  socket.on('data', (chunk) => {
    for (const line of chunk.toString('utf8').split('\r\n')) {
      if (data) {
        if (line === '.') {
          data = false
          received.push(message)
          socket.write('250 OK queued\r\n')
        } else message += `${line}\n`
        continue
      }
      if (/^(EHLO|HELO)/i.test(line)) socket.write('250-test\r\n250 8BITMIME\r\n')
      else if (/^(MAIL FROM|RCPT TO)/i.test(line)) socket.write('250 OK\r\n')
      else if (/^DATA/i.test(line)) {
        data = true
        socket.write('354 go ahead\r\n')
      } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n')
      else if (line) socket.write('250 OK\r\n')
    }
  })
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
process.env.SMTP_URL = `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`
process.env.MAIL_FROM = 'Programme <programme@example.org>'
const { sendMail, mailIsConfigured } = await import('./mail.server.ts')
const { env } = await import('./env.server.ts')

afterAll(() => server.close())

test('sends through the SMTP server named by SMTP_URL', async () => {
  expect(mailIsConfigured()).toBe(true)
  await sendMail({ to: 'grace@example.org', subject: 'Réinitialiser votre mot de passe', text: 'Bonjour,\nvoici le lien.', lang: 'fr' })
  expect(received).toHaveLength(1)
  const message = received[0]!
  expect(message).toMatch(/^From: Programme <programme@example\.org>$/m)
  expect(message).toMatch(/^To: grace@example\.org$/m)
  expect(message).toMatch(/^Content-Language: fr$/m)
  expect(fs.existsSync(env.OUTBOX_DIR)).toBe(false)
})
