import path from 'node:path';

/** The generated migrations (drizzle-kit writes them to `drizzle/`). */
export const migrationsFolder = () => path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
