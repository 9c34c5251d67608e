ALTER TABLE "position" ADD COLUMN "last_editor_id" integer;--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_last_editor_id_user_id_fk" FOREIGN KEY ("last_editor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user" ADD CONSTRAINT "user_role_known" CHECK ("user"."role" in ('reviewer', 'editor', 'admin'));