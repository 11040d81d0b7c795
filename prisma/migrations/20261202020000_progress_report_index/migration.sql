-- CreateIndex
CREATE INDEX "LessonProgress_userId_courseSlug_completedAt_idx" ON "LessonProgress"("userId", "courseSlug", "completedAt");

