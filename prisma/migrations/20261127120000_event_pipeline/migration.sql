-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ingest_source" AS ENUM ('c-store', 'stow-rs', 'upload');

-- CreateEnum
CREATE TYPE "exam_status" AS ENUM ('received', 'judged', 'failed');

-- CreateEnum
CREATE TYPE "image_format" AS ENUM ('dicom', 'png', 'jpeg');

-- CreateTable
CREATE TABLE "exam" (
    "id" UUID NOT NULL,
    "sop_instance_uid" VARCHAR(64) NOT NULL,
    "study_instance_uid" VARCHAR(64),
    "series_instance_uid" VARCHAR(64),
    "patient_id_hash" VARCHAR(128),
    "station_id" UUID,
    "technologist_id" UUID,
    "source" "ingest_source" NOT NULL,
    "requested_view" VARCHAR(16),
    "requested_pixel_spacing_mm" DOUBLE PRECISION,
    "status" "exam_status" NOT NULL DEFAULT 'received',
    "received_at" TIMESTAMP(3) NOT NULL,
    "judged_at" TIMESTAMP(3),
    "failure_code" TEXT,
    "failure_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "exam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "image" (
    "exam_id" UUID NOT NULL,
    "storage_key" TEXT NOT NULL,
    "format" "image_format" NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "sop_class_uid" VARCHAR(64),
    "transfer_syntax_uid" VARCHAR(64),
    "width" INTEGER,
    "height" INTEGER,
    "view_position" VARCHAR(16),
    "body_part_examined" VARCHAR(64),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "image_pkey" PRIMARY KEY ("exam_id")
);

-- CreateTable
CREATE TABLE "verdict" (
    "id" UUID NOT NULL,
    "exam_id" UUID NOT NULL,
    "view" VARCHAR(16) NOT NULL,
    "view_source" VARCHAR(16) NOT NULL,
    "qualified" BOOLEAN NOT NULL,
    "not_assessable" BOOLEAN NOT NULL,
    "reason" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "pixel_spacing_row_mm" DOUBLE PRECISION NOT NULL,
    "pixel_spacing_col_mm" DOUBLE PRECISION NOT NULL,
    "pixel_spacing_source" TEXT NOT NULL,
    "model_version_id" UUID NOT NULL,
    "rules_version_id" UUID NOT NULL,
    "vertebrae" JSONB NOT NULL,
    "timings_ms" JSONB NOT NULL,
    "worker" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "judged_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verdict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "criterion_result" (
    "id" UUID NOT NULL,
    "verdict_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "criterion_id" VARCHAR(64) NOT NULL,
    "label" TEXT NOT NULL,
    "passed" BOOLEAN,
    "value" DOUBLE PRECISION,
    "range_low" DOUBLE PRECISION,
    "range_high" DOUBLE PRECISION,
    "unit" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "correction" TEXT,

    CONSTRAINT "criterion_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "station" (
    "id" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "station_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "technologist" (
    "id" UUID NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "technologist_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_version" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rules_version" (
    "id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rules_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_failure" (
    "id" UUID NOT NULL,
    "source" "ingest_source" NOT NULL,
    "error_code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "sop_instance_uid" VARCHAR(64),
    "calling_ae_title" VARCHAR(16),
    "remote_address" TEXT,
    "storage_key" TEXT,
    "size_bytes" INTEGER NOT NULL,
    "exam_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_failure_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "exam_sop_instance_uid_key" ON "exam"("sop_instance_uid");

-- CreateIndex
CREATE INDEX "exam_received_at_id_idx" ON "exam"("received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "exam_station_id_received_at_idx" ON "exam"("station_id", "received_at" DESC);

-- CreateIndex
CREATE INDEX "exam_technologist_id_received_at_idx" ON "exam"("technologist_id", "received_at" DESC);

-- CreateIndex
CREATE INDEX "exam_status_received_at_idx" ON "exam"("status", "received_at" DESC);

-- CreateIndex
CREATE INDEX "exam_patient_id_hash_idx" ON "exam"("patient_id_hash");

-- CreateIndex
CREATE INDEX "image_sha256_idx" ON "image"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "verdict_exam_id_key" ON "verdict"("exam_id");

-- CreateIndex
CREATE INDEX "verdict_view_qualified_not_assessable_idx" ON "verdict"("view", "qualified", "not_assessable");

-- CreateIndex
CREATE INDEX "verdict_model_version_id_idx" ON "verdict"("model_version_id");

-- CreateIndex
CREATE INDEX "verdict_rules_version_id_idx" ON "verdict"("rules_version_id");

-- CreateIndex
CREATE INDEX "criterion_result_criterion_id_passed_verdict_id_idx" ON "criterion_result"("criterion_id", "passed", "verdict_id");

-- CreateIndex
CREATE UNIQUE INDEX "criterion_result_verdict_id_position_key" ON "criterion_result"("verdict_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "station_name_key" ON "station"("name");

-- CreateIndex
CREATE UNIQUE INDEX "technologist_name_key" ON "technologist"("name");

-- CreateIndex
CREATE UNIQUE INDEX "model_version_name_key" ON "model_version"("name");

-- CreateIndex
CREATE UNIQUE INDEX "rules_version_version_key" ON "rules_version"("version");

-- CreateIndex
CREATE INDEX "ingest_failure_created_at_idx" ON "ingest_failure"("created_at" DESC);

-- CreateIndex
CREATE INDEX "ingest_failure_sop_instance_uid_idx" ON "ingest_failure"("sop_instance_uid");

-- AddForeignKey
ALTER TABLE "exam" ADD CONSTRAINT "exam_station_id_fkey" FOREIGN KEY ("station_id") REFERENCES "station"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exam" ADD CONSTRAINT "exam_technologist_id_fkey" FOREIGN KEY ("technologist_id") REFERENCES "technologist"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "image" ADD CONSTRAINT "image_exam_id_fkey" FOREIGN KEY ("exam_id") REFERENCES "exam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict" ADD CONSTRAINT "verdict_exam_id_fkey" FOREIGN KEY ("exam_id") REFERENCES "exam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict" ADD CONSTRAINT "verdict_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "verdict" ADD CONSTRAINT "verdict_rules_version_id_fkey" FOREIGN KEY ("rules_version_id") REFERENCES "rules_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "criterion_result" ADD CONSTRAINT "criterion_result_verdict_id_fkey" FOREIGN KEY ("verdict_id") REFERENCES "verdict"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingest_failure" ADD CONSTRAINT "ingest_failure_exam_id_fkey" FOREIGN KEY ("exam_id") REFERENCES "exam"("id") ON DELETE SET NULL ON UPDATE CASCADE;

