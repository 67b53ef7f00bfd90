-- CreateTable
CREATE TABLE "ExamAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "examSlug" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadline" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endReason" TEXT,
    "flags" TEXT NOT NULL DEFAULT '[]',
    "results" TEXT,
    "score" REAL,
    "passed" BOOLEAN,
    CONSTRAINT "ExamAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ExamAttempt_userId_examSlug_idx" ON "ExamAttempt"("userId", "examSlug");

-- CreateIndex
CREATE INDEX "ExamAttempt_endedAt_deadline_idx" ON "ExamAttempt"("endedAt", "deadline");
