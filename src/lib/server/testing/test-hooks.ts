import { error, json, type RequestEvent } from '@sveltejs/kit';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { db } from '../db';
import { and, eq } from 'drizzle-orm';
import { amendment, document, dossier, loginAttempt, procedureEvent, requestHit, roles } from '../db/schema';
import { createUser } from '../user';
import { createSession, generateSessionToken } from '../session';

/**
 * For the browser tests only. This module is compiled only into the browser tests' build
 * (`npm run build:e2e`, which sets `__TRILOGUE_TEST_HOOKS__`; see hooks.server.ts), never into the
 * production build, and even there it answers only when the server runs with TRILOGUE_TEST_HOOKS=1.
 * The e2e server owns its PGlite database, so tests cannot open it themselves.
 *   { "action": "session", "role": "editor" } → a new user of that role and a session for it
 *   { "action": "reset-throttle" }             → forget all sign-in attempts and rate-limited requests
 *   { "action": "remove-document", "dossier": "ai-act", "key": "ep-cult-…" }
 *                                              → delete a seeded document (its amendments, texts and event),
 *                                                so a test can import the file afresh through the page
 */
const body = z.discriminatedUnion('action', [
	z.object({ action: z.literal('session'), role: z.enum(roles) }),
	z.object({ action: z.literal('reset-throttle') }),
	z.object({ action: z.literal('remove-document'), dossier: z.string(), key: z.string() })
]);

export async function answerTestHook({ request }: Pick<RequestEvent, 'request'>): Promise<Response> {
	if (process.env.TRILOGUE_TEST_HOOKS !== '1' || request.method !== 'POST') error(404, 'Not found');
	const parsed = body.safeParse(await request.json().catch(() => null));
	if (!parsed.success) return json({ errors: z.flattenError(parsed.error) }, { status: 400 });
	if (parsed.data.action === 'reset-throttle') {
		await db().delete(loginAttempt);
		await db().delete(requestHit);
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
		const removed = await db()
			.delete(amendment)
			.where(eq(amendment.documentId, found[0].id))
			.returning({ id: amendment.id });
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
}
