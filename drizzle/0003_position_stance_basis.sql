ALTER TABLE "position" ADD COLUMN "stance_basis" text;--> statement-breakpoint
CREATE INDEX "position_review_state_author_id_index" ON "position" USING btree ("review_state","author_id");