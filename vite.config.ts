import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  plugins: [
    // Vitest loads this file too; Remix's plugin is only for the app build.
    !process.env.VITEST &&
      remix({
        ignoredRouteFiles: ['**/*'],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
          v3_routeConfig: true,
        },
      }),
  ],
  build: {
    // Small pages for slow connections: no source maps shipped to browsers.
    sourcemap: false,
    cssMinify: true,
  },
  server: { port: 3000 },
})
