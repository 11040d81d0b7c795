-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN "statusIndex" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_statusIndex_key" ON "Certificate"("statusIndex");

