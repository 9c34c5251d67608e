import { error, json } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { and, eq } from 'drizzle-orm';
import { amendment, document, dossier, loginAttempt, procedureEvent, roles } from '$lib/server/db/schema';
import { createUser } from '$lib/server/user';
import { createSession, generateSessionToken } from '$lib/server/session';

/**
 * For the browser tests only, and only when the server runs with TRILOGUE_TEST_HOOKS=1: the e2e
 * server owns its PGlite database, so tests cannot open it themselves. Anywhere else this is a 404.
 *   { "action": "session", "role": "editor" } → a new user of that role and a session for it
 *   { "action": "reset-throttle" }             → forget all sign-in attempts
 *   { "action": "remove-document", "dossier": "ai-act", "key": "ep-cult-…" }
 *                                              → delete a seeded document (its amendments, texts and event),
 *                                                so a test can import the file afresh through the page
 */
const body = z.discriminatedUnion('action', [
	z.object({ action: z.literal('session'), role: z.enum(roles) }),
	z.object({ action: z.literal('reset-throttle') }),
	z.object({ action: z.literal('remove-document'), dossier: z.string(), key: z.string() })
]);

export const POST: RequestHandler = async ({ request }) => {
	if (process.env.TRILOGUE_TEST_HOOKS !== '1') error(404, 'Not found');
	const parsed = body.safeParse(await request.json().catch(() => null));
	if (!parsed.success) return json({ errors: z.flattenError(parsed.error) }, { status: 400 });
	if (parsed.data.action === 'reset-throttle') {
		await db().delete(loginAttempt);
		return json({ ok: true });
	}
	if (parsed.data.action === 'remove-document') {
		const { dossier: slug, key } = parsed.data;
		const found = await db()
			.select({ id: document.id })
			.from(document)
			.innerJoin(dossier, eq(dossier.id, document.dossierId))
			.where(and(eq(dossier.slug, slug), eq(document.key, key)));
		if (!found.length) return json({ removed: 0 }, { status: 404 });
		const removed = await db().delete(amendment).where(eq(amendment.documentId, found[0].id)).returning({ id: amendment.id });
		await db().delete(procedureEvent).where(eq(procedureEvent.documentId, found[0].id));
		await db().delete(document).where(eq(document.id, found[0].id));
		return json({ removed: removed.length });
	}
	const role = parsed.data.role;
	const suffix = randomBytes(6).toString('hex');
	const email = `e2e-${role}-${suffix}@example.org`;
	const password = `e2e passphrase ${randomBytes(9).toString('base64url')}`;
	const created = await createUser(db(), { email, name: `Test ${role} ${suffix}`, role, password }, null);
	if (!created.ok) error(500, created.message);
	const token = generateSessionToken();
	const session = await createSession(db(), token, created.user.id);
	return json({ user: created.user, password, token, expiresAt: session.expiresAt.toISOString() });
};
