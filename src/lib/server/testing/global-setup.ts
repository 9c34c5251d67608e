import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db';
import { prepareDatabase } from '../db/setup';
import { templateName, withDatabase } from './database';

/**
 * Builds one migrated, seeded template database per test run, so each test file starts from a copy
 * instead of seeding again.
 */
export default async function setup(project: TestProject) {
	const url = process.env.DATABASE_URL;
	if (url) {
		const name = templateName(url);
		const admin = await openDatabase({ url });
		await admin.db.execute(sql.raw(`drop database if exists ${name}`));
		await admin.db.execute(sql.raw(`create database ${name}`));
		await admin.close();
		const template = await prepareDatabase({ url: withDatabase(url, name) }, () => {});
		await template.close();
		project.provide('pgliteTemplate', '');
		return async () => {
			const cleanup = await openDatabase({ url });
			await cleanup.db.execute(sql.raw(`drop database if exists ${name}`));
			await cleanup.close();
		};
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'trilogue-test-'));
	const template = await prepareDatabase({ dataDir: 'memory://' }, () => {});
	const client = (template.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
	const dump = await client.dumpDataDir('none');
	const file = path.join(dir, 'template.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	await template.close();
	project.provide('pgliteTemplate', file);
	return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** Path of the seeded PGlite dump; empty when testing against PostgreSQL. */
		pgliteTemplate: string;
	}
}
