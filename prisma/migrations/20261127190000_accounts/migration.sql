-- Accounts, bearer tokens (stored as SHA-256 only) and the audit log (issue 6), and who recorded each feedback entry.

-- CreateEnum
CREATE TYPE "user_role" AS ENUM ('technologist', 'qa_manager', 'admin');

-- CreateEnum
CREATE TYPE "auth_token_kind" AS ENUM ('session', 'api', 'device');

-- CreateEnum
CREATE TYPE "token_role" AS ENUM ('technologist', 'qa_manager', 'admin', 'ingest', 'device');

-- AlterTable
ALTER TABLE "exam_feedback" ADD COLUMN     "recorded_by" VARCHAR(128);

-- CreateTable
CREATE TABLE "account" (
    "id" UUID NOT NULL,
    "username" VARCHAR(64) NOT NULL,
    "display_name" VARCHAR(64) NOT NULL,
    "role" "user_role" NOT NULL,
    "password_hash" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "last_login_at" TIMESTAMP(3),

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_token" (
    "id" UUID NOT NULL,
    "kind" "auth_token_kind" NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL,
    "prefix" VARCHAR(16) NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "role" "token_role" NOT NULL,
    "account_id" UUID,
    "station" VARCHAR(64),
    "created_by" VARCHAR(64),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3),
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "auth_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" VARCHAR(64) NOT NULL,
    "actor" VARCHAR(128) NOT NULL,
    "target" VARCHAR(256),
    "detail" JSONB NOT NULL DEFAULT '{}',
    "remote_address" VARCHAR(64),

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "account_username_key" ON "account"("username");

-- CreateIndex
CREATE UNIQUE INDEX "auth_token_token_hash_key" ON "auth_token"("token_hash");

-- CreateIndex
CREATE INDEX "auth_token_kind_revoked_at_idx" ON "auth_token"("kind", "revoked_at");

-- CreateIndex
CREATE INDEX "auth_token_account_id_idx" ON "auth_token"("account_id");

-- CreateIndex
CREATE INDEX "audit_event_at_id_idx" ON "audit_event"("at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_event_action_at_id_idx" ON "audit_event"("action", "at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "auth_token" ADD CONSTRAINT "auth_token_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Guards Prisma does not model: usernames are compared lower-case, and a token is only ever stored as its hash.
ALTER TABLE "account" ADD CONSTRAINT "account_username_lower_check" CHECK ("username" = lower("username"));
ALTER TABLE "auth_token" ADD CONSTRAINT "auth_token_token_hash_check" CHECK ("token_hash" ~ '^[0-9a-f]{64}$');
