import { bench, describe } from 'vitest'
import en from '#app/locales/en/common.json'
import ar from '#app/locales/ar/common.json'
import {
  renderCertificatePdf,
  renderCertificatePdfUncached,
  type CertificatePdfInput,
  type CertificatePdfLabels,
} from '#app/certificates/pdf.server.ts'

// `npm run bench`: one certificate drawn from scratch (fonts already parsed, as
// in a running server after its first certificate), and served from the cache.

const id = 'k7m2qx4vbn3rt5wy6zpa2cde'
const base = {
  id,
  kind: 'course',
  completedOn: 'March 15, 2026',
  issuer: 'Trellis',
  verifyUrl: `https://learn.example.org/v/${id}`,
} as const

const cases: Record<string, CertificatePdfInput> = {
  Latin: {
    ...base,
    recipientName: 'Amélie Dubois',
    course: { title: 'Introduction to child online protection', lang: 'en' },
    locale: 'en',
    labels: en.certificatePdf as CertificatePdfLabels,
  },
  Arabic: {
    ...base,
    recipientName: 'سلمى بنعلي',
    course: { title: 'مدخل إلى حماية الأطفال على الإنترنت', lang: 'ar' },
    completedOn: '15 مارس 2026',
    locale: 'ar',
    labels: ar.certificatePdf as CertificatePdfLabels,
  },
  Chinese: {
    ...base,
    recipientName: '王小明',
    course: { title: 'Introduction to child online protection', lang: 'en' },
    locale: 'en',
    labels: en.certificatePdf as CertificatePdfLabels,
  },
}

for (const [script, input] of Object.entries(cases)) {
  describe(`${script} certificate`, () => {
    // The first one in the process reads and parses the fonts; not what is measured.
    const warm = renderCertificatePdfUncached(input)
    bench('drawn', async () => {
      await warm
      await renderCertificatePdfUncached(input)
    }, { time: 2000 })
    bench('cached', async () => {
      await renderCertificatePdf(input)
    }, { time: 500 })
  })
}
