-- CreateTable
CREATE TABLE "Cohort" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "facilitators" TEXT NOT NULL DEFAULT '',
    "inviteCode" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CohortMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attendedOn" DATETIME,
    CONSTRAINT "CohortMember_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CohortMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startsOn" DATETIME NOT NULL,
    "endsOn" DATETIME NOT NULL,
    "country" TEXT NOT NULL,
    "city" TEXT NOT NULL DEFAULT '',
    "organiser" TEXT NOT NULL DEFAULT '',
    "audienceGroups" TEXT NOT NULL DEFAULT '[]',
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ActivityAttendee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "stakeholderGroup" TEXT NOT NULL,
    "country" TEXT,
    "gender" TEXT,
    "organisation" TEXT,
    CONSTRAINT "ActivityAttendee_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ActivityHeadcount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "activityId" TEXT NOT NULL,
    "stakeholderGroup" TEXT NOT NULL,
    "gender" TEXT,
    "count" INTEGER NOT NULL,
    CONSTRAINT "ActivityHeadcount_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CascadeSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trainerId" TEXT NOT NULL,
    "deliveredOn" DATETIME NOT NULL,
    "place" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "audienceGroup" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "female" INTEGER,
    "male" INTEGER,
    "ageBands" TEXT,
    "notes" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "rejectionReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CascadeSession_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Baseline" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "asOf" DATETIME NOT NULL,
    "activityKind" TEXT NOT NULL,
    "stakeholderGroup" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Cohort_inviteCode_key" ON "Cohort"("inviteCode");

-- CreateIndex
CREATE INDEX "Cohort_country_startsOn_idx" ON "Cohort"("country", "startsOn");

-- CreateIndex
CREATE INDEX "CohortMember_userId_idx" ON "CohortMember"("userId");

-- CreateIndex
CREATE INDEX "CohortMember_attendedOn_idx" ON "CohortMember"("attendedOn");

-- CreateIndex
CREATE UNIQUE INDEX "CohortMember_cohortId_userId_key" ON "CohortMember"("cohortId", "userId");

-- CreateIndex
CREATE INDEX "Activity_startsOn_idx" ON "Activity"("startsOn");

-- CreateIndex
CREATE INDEX "Activity_country_startsOn_idx" ON "Activity"("country", "startsOn");

-- CreateIndex
CREATE INDEX "ActivityAttendee_activityId_idx" ON "ActivityAttendee"("activityId");

-- CreateIndex
CREATE INDEX "ActivityAttendee_email_idx" ON "ActivityAttendee"("email");

-- CreateIndex
CREATE INDEX "ActivityHeadcount_activityId_idx" ON "ActivityHeadcount"("activityId");

-- CreateIndex
CREATE INDEX "CascadeSession_status_deliveredOn_idx" ON "CascadeSession"("status", "deliveredOn");

-- CreateIndex
CREATE INDEX "CascadeSession_trainerId_deliveredOn_idx" ON "CascadeSession"("trainerId", "deliveredOn");

-- CreateIndex
CREATE INDEX "Baseline_asOf_idx" ON "Baseline"("asOf");

-- CreateIndex
CREATE INDEX "LessonProgress_userId_completedAt_idx" ON "LessonProgress"("userId", "completedAt");

