-- AlterTable
ALTER TABLE "image" ADD COLUMN     "purged_at" TIMESTAMP(3);

