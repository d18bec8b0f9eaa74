-- AlterTable
ALTER TABLE "ingest_failure" ADD COLUMN     "purged_at" TIMESTAMP(3);
