// Runs after `npm install` / `npm ci`: makes, once, the migrated empty PostgreSQL cluster that PGlite would
// otherwise make for each new data folder (initdb and the migrations, 6-8 s and most of the first start's
// memory), as a data folder and a gzip dump in node_modules/.cache (src/lib/server/db/pglite-template.ts).
// Never fails the install: without the template a new folder is made the usual way.
import { makePgliteTemplate } from '../src/lib/server/db/pglite-template';

try {
	const made = await makePgliteTemplate();
	if (made) console.log(`PGlite: migrated empty database template (data folder and dump) written to ${made}`);
} catch (error) {
	console.warn(
		`PGlite: no database template (${error instanceof Error ? error.message : error}); new data folders will be made from scratch.`
	);
}
