-- CreateEnum
CREATE TYPE "feedback_source" AS ENUM ('tablet', 'review');

-- CreateTable
CREATE TABLE "exam_feedback" (
    "id" UUID NOT NULL,
    "exam_id" UUID NOT NULL,
    "agree" BOOLEAN NOT NULL,
    "criterion_id" VARCHAR(64),
    "reason" VARCHAR(500),
    "author" VARCHAR(64) NOT NULL,
    "source" "feedback_source" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exam_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "exam_feedback_exam_id_created_at_idx" ON "exam_feedback"("exam_id", "created_at");

-- AddForeignKey
ALTER TABLE "exam_feedback" ADD CONSTRAINT "exam_feedback_exam_id_fkey" FOREIGN KEY ("exam_id") REFERENCES "exam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

