-- CreateTable
CREATE TABLE "SandboxLease" (
    "sandboxId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "fence" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxLease_pkey" PRIMARY KEY ("sandboxId")
);

-- CreateIndex
CREATE INDEX "SandboxLease_ownerId_idx" ON "SandboxLease"("ownerId");

-- CreateIndex
CREATE INDEX "SandboxLease_userId_idx" ON "SandboxLease"("userId");
