-- CreateTable
CREATE TABLE "Enrolment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "enrolledAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLessonId" TEXT,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    CONSTRAINT "Enrolment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LessonProgress" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "lessonId" TEXT NOT NULL,
    "firstOpenedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    "secondsSpent" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "LessonProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CourseCompletion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "completedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CourseCompletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Enrolment_courseSlug_enrolledAt_idx" ON "Enrolment"("courseSlug", "enrolledAt");

-- CreateIndex
CREATE INDEX "Enrolment_completedAt_idx" ON "Enrolment"("completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_userId_courseSlug_key" ON "Enrolment"("userId", "courseSlug");

-- CreateIndex
CREATE INDEX "LessonProgress_courseSlug_completedAt_idx" ON "LessonProgress"("courseSlug", "completedAt");

-- CreateIndex
CREATE INDEX "LessonProgress_completedAt_idx" ON "LessonProgress"("completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LessonProgress_userId_courseSlug_lessonId_key" ON "LessonProgress"("userId", "courseSlug", "lessonId");

-- CreateIndex
CREATE INDEX "CourseCompletion_courseSlug_completedAt_idx" ON "CourseCompletion"("courseSlug", "completedAt");

-- CreateIndex
CREATE INDEX "CourseCompletion_completedAt_idx" ON "CourseCompletion"("completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CourseCompletion_userId_courseSlug_key" ON "CourseCompletion"("userId", "courseSlug");

