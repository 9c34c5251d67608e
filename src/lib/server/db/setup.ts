import { migrate, openDatabase, type DatabaseOptions, type OpenDatabase } from './index';
import { describeSeed, seedAiAct } from '../seed';

/**
 * Opens the database, applies migrations, and seeds the AI Act dossier when the database is empty.
 * This is what the app does at start-up and what the scripts and tests build on.
 */
export async function prepareDatabase(
	options: DatabaseOptions,
	log: (line: string) => void = console.log
): Promise<OpenDatabase> {
	const open = await openDatabase(options);
	try {
		await migrate(open);
		const summary = await seedAiAct(open.db);
		if (summary.seeded) {
			log(describeSeed(summary));
			for (const u of summary.amendments.unresolved) log(`  unresolved: Amendment ${u.number} “${u.target}”: ${u.reason}`);
		}
		return open;
	} catch (error) {
		await open.close();
		throw error;
	}
}
