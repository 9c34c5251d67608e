ALTER TABLE "procedure_event" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "ban_score" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;