-- CreateTable
CREATE TABLE "SandboxLease" (
    "sandboxId" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "fence" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SandboxLease_ownerId_idx" ON "SandboxLease"("ownerId");

-- CreateIndex
CREATE INDEX "SandboxLease_userId_idx" ON "SandboxLease"("userId");
