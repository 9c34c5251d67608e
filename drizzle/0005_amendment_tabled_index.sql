DROP INDEX "amendment_tabled_on_idx";--> statement-breakpoint
CREATE INDEX "amendment_tabled_idx" ON "amendment" USING btree ("dossier_id","tabled_on" DESC NULLS LAST,"visibility","status","id");