import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'server/**/*.test.{js,ts}', 'scripts/**/*.test.{js,ts}'],
    environment: 'node',
    globalSetup: ['./tests/setup/unit-global-setup.ts'],
    setupFiles: ['./tests/setup/unit-setup.ts'],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
})
