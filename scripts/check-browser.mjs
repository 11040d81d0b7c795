// Runs before `npm test` (npm's pretest): the end-to-end tests need a Chromium,
// and without one they would fail midway with a stack trace. Say what to do in
// one sentence instead, before anything else runs.
import fs from 'node:fs'
import { chromium } from '@playwright/test'

const chosen = process.env.CHROMIUM_PATH
const system = '/usr/bin/chromium'

if (chosen) {
  if (!fs.existsSync(chosen)) fail(`CHROMIUM_PATH is set to ${chosen}, but there is no file there.`)
} else if (!fs.existsSync(system) && !fs.existsSync(chromium.executablePath())) {
  fail(
    `The end-to-end tests need Chromium: install Debian's (sudo apt-get install chromium), ` +
      `set CHROMIUM_PATH to a Chromium or Chrome executable, or run "npx playwright install chromium".`,
  )
}

/** @param {string} message */
function fail(message) {
  console.error(`\n${message}\n`)
  process.exit(1)
}
