-- CreateTable
CREATE TABLE "WorkshopAttendance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseSlug" TEXT NOT NULL,
    "attendedOn" DATETIME NOT NULL,
    "recordedById" TEXT,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WorkshopAttendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "WorkshopAttendance_courseSlug_attendedOn_idx" ON "WorkshopAttendance"("courseSlug", "attendedOn");

-- CreateIndex
CREATE UNIQUE INDEX "WorkshopAttendance_userId_courseSlug_key" ON "WorkshopAttendance"("userId", "courseSlug");

