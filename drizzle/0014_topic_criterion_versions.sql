ALTER TABLE "topic" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "ban_criterion" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;