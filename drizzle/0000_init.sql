CREATE TABLE "audit_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follow_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"target_type" text NOT NULL,
	"target_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempt" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_attempt_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"address" text NOT NULL,
	"success" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "user_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "document" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"short_title" text NOT NULL,
	"official_reference" text NOT NULL,
	"url" text,
	"date" text,
	"sort_order" integer NOT NULL,
	"provenance" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_dossier_id_key_unique" UNIQUE("dossier_id","key")
);
--> statement-breakpoint
CREATE TABLE "dossier" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossier_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"short_title" text NOT NULL,
	"procedure_ref" text NOT NULL,
	"summary" text NOT NULL,
	"final_act_ref" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossier_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "procedure_event" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "procedure_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"date" text,
	"date_note" text,
	"institution" text,
	"document_ref" text,
	"document_id" integer,
	"summary" text,
	"votes" jsonb,
	"verified" boolean NOT NULL,
	"notes" text,
	"stage_order" integer,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_event_dossier_id_key_unique" UNIQUE("dossier_id","key")
);
--> statement-breakpoint
CREATE TABLE "provision" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "provision_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"eid" text NOT NULL,
	"parent_id" integer,
	"kind" text NOT NULL,
	"sort_key" integer NOT NULL,
	CONSTRAINT "provision_dossier_id_eid_unique" UNIQUE("dossier_id","eid")
);
--> statement-breakpoint
CREATE TABLE "provision_link" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "provision_link_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"from_version_id" integer NOT NULL,
	"to_version_id" integer NOT NULL,
	"method" text NOT NULL,
	"similarity" real,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provision_link_from_version_id_to_version_id_unique" UNIQUE("from_version_id","to_version_id"),
	CONSTRAINT "provision_link_distinct" CHECK ("provision_link"."from_version_id" <> "provision_link"."to_version_id")
);
--> statement-breakpoint
CREATE TABLE "text_version" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "text_version_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"provision_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"num" text,
	"heading" text,
	"text" text NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"footnotes" jsonb,
	"doc_order" integer NOT NULL,
	"derived_from" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_version_provision_id_document_id_unique" UNIQUE("provision_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "actor" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "actor_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"country_code" text,
	"parent_id" integer,
	"description" text,
	CONSTRAINT "actor_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "topic" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "topic_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"provision_eids" text[] DEFAULT '{}' NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "topic_dossier_id_slug_unique" UNIQUE("dossier_id","slug")
);
--> statement-breakpoint
CREATE TABLE "amendment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "amendment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"document_id" integer,
	"number" text NOT NULL,
	"tabling_context" text NOT NULL,
	"tabled_on" text,
	"target_provision_id" integer,
	"target_label" text NOT NULL,
	"target_part" text DEFAULT 'whole' NOT NULL,
	"base_text" text NOT NULL,
	"proposed_text" text NOT NULL,
	"deletes_provision" boolean DEFAULT false NOT NULL,
	"new_provision" boolean DEFAULT false NOT NULL,
	"justification" text,
	"status" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "amendment_dossier_id_tabling_context_number_unique" UNIQUE("dossier_id","tabling_context","number")
);
--> statement-breakpoint
CREATE TABLE "amendment_author" (
	"amendment_id" integer NOT NULL,
	"actor_id" integer NOT NULL,
	CONSTRAINT "amendment_author_amendment_id_actor_id_pk" PRIMARY KEY("amendment_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "amendment_status_change" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "amendment_status_change_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"amendment_id" integer NOT NULL,
	"status" text NOT NULL,
	"date" text,
	"note" text,
	"changed_by" integer,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"amendment_id" integer NOT NULL,
	"direction" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"review_state" text DEFAULT 'draft' NOT NULL,
	"author_id" integer,
	"reviewer_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_amendment_id_unique" UNIQUE("amendment_id")
);
--> statement-breakpoint
CREATE TABLE "comment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "comment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"target_type" text NOT NULL,
	"target_id" integer NOT NULL,
	"author_id" integer,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ban_criterion" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ban_criterion_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"sort_order" integer NOT NULL,
	CONSTRAINT "ban_criterion_dossier_id_key_unique" UNIQUE("dossier_id","key")
);
--> statement-breakpoint
CREATE TABLE "ban_score" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ban_score_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"criterion_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"score" real NOT NULL,
	"justification" text NOT NULL,
	"provision_eid" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ban_score_criterion_id_document_id_unique" UNIQUE("criterion_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "position" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "position_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"dossier_id" integer NOT NULL,
	"actor_id" integer NOT NULL,
	"topic_id" integer,
	"date" text,
	"date_note" text,
	"stance" text NOT NULL,
	"stance_as_reported" text,
	"summary" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confidence" text NOT NULL,
	"visibility" text DEFAULT 'internal' NOT NULL,
	"review_state" text DEFAULT 'draft' NOT NULL,
	"internal_note" text,
	"author_id" integer,
	"reviewer_id" integer,
	"review_comment" text,
	"seed_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_seed_key_unique" UNIQUE("seed_key")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow" ADD CONSTRAINT "follow_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document" ADD CONSTRAINT "document_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_event" ADD CONSTRAINT "procedure_event_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_event" ADD CONSTRAINT "procedure_event_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision" ADD CONSTRAINT "provision_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision" ADD CONSTRAINT "provision_parent_id_provision_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."provision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_link" ADD CONSTRAINT "provision_link_from_version_id_text_version_id_fk" FOREIGN KEY ("from_version_id") REFERENCES "public"."text_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_link" ADD CONSTRAINT "provision_link_to_version_id_text_version_id_fk" FOREIGN KEY ("to_version_id") REFERENCES "public"."text_version"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provision_link" ADD CONSTRAINT "provision_link_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_version" ADD CONSTRAINT "text_version_provision_id_provision_id_fk" FOREIGN KEY ("provision_id") REFERENCES "public"."provision"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_version" ADD CONSTRAINT "text_version_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actor" ADD CONSTRAINT "actor_parent_id_actor_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."actor"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topic" ADD CONSTRAINT "topic_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment" ADD CONSTRAINT "amendment_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment" ADD CONSTRAINT "amendment_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment" ADD CONSTRAINT "amendment_target_provision_id_provision_id_fk" FOREIGN KEY ("target_provision_id") REFERENCES "public"."provision"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment" ADD CONSTRAINT "amendment_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_author" ADD CONSTRAINT "amendment_author_amendment_id_amendment_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_author" ADD CONSTRAINT "amendment_author_actor_id_actor_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_status_change" ADD CONSTRAINT "amendment_status_change_amendment_id_amendment_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_status_change" ADD CONSTRAINT "amendment_status_change_changed_by_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_amendment_id_amendment_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ban_criterion" ADD CONSTRAINT "ban_criterion_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ban_score" ADD CONSTRAINT "ban_score_criterion_id_ban_criterion_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."ban_criterion"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ban_score" ADD CONSTRAINT "ban_score_document_id_document_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_dossier_id_dossier_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossier"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_actor_id_actor_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_topic_id_topic_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topic"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position" ADD CONSTRAINT "position_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_type_entity_id_index" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_index" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "follow_user_id_index" ON "follow" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "login_attempt_email_at_index" ON "login_attempt" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempt_address_at_index" ON "login_attempt" USING btree ("address","at");--> statement-breakpoint
CREATE INDEX "session_user_id_index" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "procedure_event_dossier_id_date_index" ON "procedure_event" USING btree ("dossier_id","date");--> statement-breakpoint
CREATE INDEX "provision_parent_id_index" ON "provision" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "provision_link_to_version_id_index" ON "provision_link" USING btree ("to_version_id");--> statement-breakpoint
CREATE INDEX "text_version_document_id_doc_order_index" ON "text_version" USING btree ("document_id","doc_order");--> statement-breakpoint
CREATE INDEX "actor_kind_index" ON "actor" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "amendment_target_provision_id_index" ON "amendment" USING btree ("target_provision_id");--> statement-breakpoint
CREATE INDEX "amendment_status_index" ON "amendment" USING btree ("status");--> statement-breakpoint
CREATE INDEX "amendment_author_actor_id_index" ON "amendment_author" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "amendment_status_change_amendment_id_index" ON "amendment_status_change" USING btree ("amendment_id");--> statement-breakpoint
CREATE INDEX "comment_target_type_target_id_index" ON "comment" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "position_actor_id_topic_id_date_index" ON "position" USING btree ("actor_id","topic_id","date");