import { migrate, openDatabase, type DatabaseOptions, type OpenDatabase } from './index';
import { existsSync } from 'node:fs';
import { describeSeed, seedAiAct, startSeedReads } from '../seed';

/**
 * Opens the database, applies migrations, and seeds the AI Act dossier when the database is empty.
 * This is what the app does at start-up and what the scripts and tests build on.
 */
export async function prepareDatabase(
	options: DatabaseOptions,
	log: (line: string) => void = console.log
): Promise<OpenDatabase> {
	// A new PGlite folder will be seeded: read the seed's documents while PGlite creates it.
	const fresh =
		!options.url &&
		!options.loadDataDir &&
		(!options.dataDir || options.dataDir.startsWith('memory://') || !existsSync(options.dataDir));
	if (fresh) startSeedReads().catch(() => {}); // seedAiAct awaits the same reading and reports its failure
	const open = await openDatabase(options);
	try {
		await migrate(open);
		const summary = await seedAiAct(open.db);
		if (summary.seeded) {
			log(describeSeed(summary));
			for (const u of summary.amendments.unresolved)
				log(`  unresolved: Amendment ${u.number} “${u.target}”: ${u.reason}`);
		}
		return open;
	} catch (error) {
		await open.close();
		throw error;
	}
}
