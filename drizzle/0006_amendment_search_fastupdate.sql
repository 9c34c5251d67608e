DROP INDEX "amendment_search_idx";--> statement-breakpoint
CREATE INDEX "amendment_search_idx" ON "amendment" USING gin ("search") WITH (fastupdate=false);