import type { DbConnection } from './db';
import { auditLog } from './db/schema';

export interface AuditEntry {
	/** Who did it; null for the system or an anonymous visitor (e.g. a failed sign-in). */
	userId: number | null;
	/** What happened, as `area.verb`: 'auth.sign_in', 'amendment.update', 'position.approve'… */
	action: string;
	entityType: string;
	entityId?: string | number | null;
	/** What changed: before/after values, reasons. Never secrets. */
	details?: Record<string, unknown>;
}

/** Appends one entry to the audit log. Call it inside the same transaction as the change it records. */
export async function audit(db: DbConnection, entry: AuditEntry): Promise<void> {
	await db.insert(auditLog).values({
		userId: entry.userId,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId == null ? null : String(entry.entityId),
		details: entry.details ?? {}
	});
}
