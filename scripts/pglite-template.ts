// Runs after `npm install` / `npm ci`: makes the empty PostgreSQL cluster that PGlite would otherwise make
// (initdb, 5-6 s and most of the first start's memory) once, as a gzip dump in node_modules/.cache, so a
// new data folder starts from it (src/lib/server/db/pglite-template.ts). Never fails the install: without
// the dump a new folder is made the usual way.
import { makePgliteTemplate } from '../src/lib/server/db/pglite-template';

try {
	const made = await makePgliteTemplate();
	if (made) console.log(`PGlite: empty database template written to ${made}`);
} catch (error) {
	console.warn(
		`PGlite: no database template (${error instanceof Error ? error.message : error}); new data folders will be made from scratch.`
	);
}
