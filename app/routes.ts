import { index, route, type RouteConfig } from '@remix-run/route-config'

// Every URL of the app, one file each (docs/decisions/004-route-config.md).
export default [
  index('routes/home.tsx'),
  route('login', 'routes/login.tsx'),
  route('register', 'routes/register.tsx'),
  route('logout', 'routes/logout.tsx'),
  route('language', 'routes/language.tsx'),
  route('courses', 'routes/courses.tsx'),
  route('courses/:course', 'routes/course.tsx'),
  route('courses/:course/glossary', 'routes/course-glossary.tsx'),
  route('courses/:course/assets/*', 'routes/course-asset.ts'),
  route('courses/:course/:module/quiz', 'routes/quiz.tsx'),
  route('courses/:course/:module/quiz/:attempt', 'routes/quiz-result.tsx'),
  route('courses/:course/:module/:lesson', 'routes/lesson.tsx'),
  route('lesson-code/:file', 'routes/lesson-code.ts'),
  route('me', 'routes/me.tsx'),
  route('me/profile', 'routes/profile.tsx'),
  route('verify', 'routes/verify-credential.tsx'),
  route('verify/:id', 'routes/verify.tsx'),
  route('v/:id', 'routes/verify-short.ts'),
  route('certificates/:id/certificate.pdf', 'routes/certificate-pdf.ts'),
  route('certificates/:id/credential.json', 'routes/certificate-credential.ts'),
  route('issuer', 'routes/issuer.ts'),
  route('admin', 'routes/admin.tsx'),
  route('admin/trainers', 'routes/admin-trainers.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
