import { randomBytes } from 'node:crypto';
import type { DbConnection } from '../db';
import { user, type Role } from '../db/schema';
import type { SessionUser } from '../authorization';

/**
 * A new user with `role`, as the session would carry it, for a test to act as. The email is made unique, so
 * tests sharing a database never collide; `name` is what audit entries and lists show.
 */
export async function testUser(db: DbConnection, role: Role, name: string = `Test ${role}`): Promise<SessionUser> {
	const local = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
	const email = `${local}-${randomBytes(4).toString('hex')}@example.org`;
	const [row] = await db.insert(user).values({ email, name, role }).returning();
	return { id: row.id, email: row.email, name: row.name, role: row.role };
}
