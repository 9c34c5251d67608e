/**
 * Database commands: `migrate` applies the migrations in drizzle/, `seed` loads the AI Act dossier
 * (idempotent), `reset` drops everything and starts again (migrate + seed).
 * Uses DATABASE_URL when set, otherwise PGlite in DATA_DIR (default ./data).
 */
import { sql } from 'drizzle-orm';
import { migrate, openDatabase, optionsFromEnv } from '../src/lib/server/db/index';
import { describeSeed, seedAiAct } from '../src/lib/server/seed/index';

const command = process.argv[2];
if (!['migrate', 'seed', 'reset'].includes(command)) {
	console.error('Usage: tsx scripts/db.ts migrate|seed|reset');
	process.exit(2);
}

const open = await openDatabase(optionsFromEnv());
try {
	if (command === 'reset') {
		await open.db.execute(sql`drop schema if exists public cascade`);
		await open.db.execute(sql`drop schema if exists drizzle cascade`);
		await open.db.execute(sql`create schema public`);
		console.log('Dropped all tables.');
	}
	await migrate(open);
	console.log('Migrations applied.');
	if (command !== 'migrate') {
		const summary = await seedAiAct(open.db);
		console.log(describeSeed(summary));
		if (summary.seeded)
			for (const u of summary.amendments.unresolved)
				console.log(`  unresolved: Amendment ${u.number} “${u.target}”: ${u.reason}`);
	}
} finally {
	await open.close();
}
