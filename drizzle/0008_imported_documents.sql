ALTER TABLE "document" ADD COLUMN "previous_id" integer;--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "actor_id" integer;--> statement-breakpoint
ALTER TABLE "text_version" ADD COLUMN "marks" jsonb;--> statement-breakpoint
ALTER TABLE "actor" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "actor" ADD COLUMN "national_party" text;--> statement-breakpoint
ALTER TABLE "actor" ADD COLUMN "unmatched" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "amendment_author" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_previous_id_document_id_fk" FOREIGN KEY ("previous_id") REFERENCES "public"."document"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_actor_id_actor_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actor"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actor_parent_id_index" ON "actor" USING btree ("parent_id");