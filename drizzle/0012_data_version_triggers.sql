-- Every write to the app's data raises data_version by one, in the writing transaction, and notifies the
-- channel `data_version` (delivered at commit; an empty payload, so PostgreSQL sends one per transaction). Page caches in every process compare the
-- number they rendered a page at with the current one. Statement-level, so an import of thousands of rows
-- raises it once per statement, not per row. Sessions, sign-in attempts and rate-limit hits are not shown on any page and
-- change on every sign-in or request, so they are left out. A table added later needs its trigger too
-- (src/lib/server/data-version.test.ts lists any table without one).
INSERT INTO data_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE data_version SET version = version + 1 WHERE id = 1;
	PERFORM pg_notify('data_version', '');
	RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
	t text;
BEGIN
	FOR t IN
		SELECT tablename FROM pg_tables
		WHERE schemaname = current_schema()
			AND tablename NOT IN ('data_version', 'session', 'login_attempt', 'request_hit')
	LOOP
		EXECUTE format(
			'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version()',
			t || '_data_version', t);
	END LOOP;
END;
$$;
