import { test as base, expect, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { checkAccessible } from './accessible';

export type Role = 'reviewer' | 'editor' | 'admin';
export interface TestUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	password: string;
}

/**
 * Creates a user (and a session for it) through the server's own createUser/createSession, via the
 * test-only endpoint /test-hooks. The e2e server owns its PGlite database, so tests cannot open it
 * themselves. The endpoint exists only in the browser tests' build (npm run build:e2e, see
 * src/lib/server/testing/test-hooks.ts) and answers 404 unless the server runs with TRILOGUE_TEST_HOOKS=1.
 */
async function plant(request: APIRequestContext, role: Role): Promise<TestUser & { token: string; expiresAt: string }> {
	const response = await request.post('/test-hooks', { data: { action: 'session', role } });
	if (!response.ok())
		throw new Error(
			`/test-hooks answered ${response.status()}: run build-e2e (npm run build:e2e) with TRILOGUE_TEST_HOOKS=1`
		);
	const body = await response.json();
	return { ...body.user, password: body.password, token: body.token, expiresAt: body.expiresAt };
}

/** Signs a browser context in as a new user of the role; for tests that need a second browser. */
export async function signInContext(context: BrowserContext, baseURL: string, role: Role): Promise<TestUser> {
	const { token, expiresAt, ...user } = await plant(context.request, role);
	await context.addCookies([
		{
			name: 'session',
			value: token,
			url: baseURL,
			httpOnly: true,
			sameSite: 'Lax',
			expires: Math.floor(Date.parse(expiresAt) / 1000)
		}
	]);
	return user;
}

/** Forgets every sign-in attempt, so a throttling test does not lock out the tests after it. */
export async function resetThrottle(request: APIRequestContext): Promise<void> {
	expect((await request.post('/test-hooks', { data: { action: 'reset-throttle' } })).ok()).toBe(true);
}

/** One of the seed's AI Act documents, as a file input takes it. */
export function seedDocumentFile(folder: string, name: string, mimeType: string) {
	return { name, mimeType, buffer: readFileSync(`src/lib/server/seed/data/ai-act/documents/${folder}/${name}`) };
}

/** Takes a document the seed imported out of the AI Act dossier, so the test can import its file afresh. */
export async function removeSeededDocument(request: APIRequestContext, key: string): Promise<void> {
	const removed = await request.post('/test-hooks', { data: { action: 'remove-document', dossier: 'ai-act', key } });
	expect(removed.ok()).toBe(true);
}

export const test = base.extend<{
	/** Signs this test's browser context in as a new user of the role: `const me = await authenticatedAs('editor')`. */
	authenticatedAs: (role: Role) => Promise<TestUser>;
	/** A new user of the role with a known password, not signed in anywhere. */
	newUser: (role: Role) => Promise<TestUser>;
	/** axe and our own checks on the page as it is now, with JavaScript on or off as the test's context has it. */
	expectAccessible: () => Promise<void>;
}>({
	authenticatedAs: async ({ context, baseURL }, use) => {
		await use((role) => signInContext(context, baseURL!, role));
	},
	newUser: async ({ request }, use) => {
		await use(async (role) => {
			const { token: _token, expiresAt: _expiresAt, ...user } = await plant(request, role);
			return user;
		});
	},
	expectAccessible: async ({ page, javaScriptEnabled }, use) => {
		await use(() => checkAccessible(page, javaScriptEnabled !== false));
	}
});

export { expect };
