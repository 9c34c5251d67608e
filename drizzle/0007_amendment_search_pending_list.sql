DROP INDEX "amendment_search_idx";--> statement-breakpoint
CREATE INDEX "amendment_search_idx" ON "amendment" USING gin ("search") WITH (fastupdate=true,gin_pending_list_limit=512);