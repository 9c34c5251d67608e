import { asc, eq } from 'drizzle-orm';
import type { DbConnection } from '../db';
import { amendment, assessment, dossier, procedureEvent, provisionLink, user, type Role } from '../db/schema';
import { findVersion, listTextDocuments } from '../compare';
import type { SessionUser } from '../authorization';
import { hashPassword } from '../password';
import { otherAuthor, positionFixture, positionFormSample } from './positions';

/**
 * The authorization matrix: every form action and mutating endpoint, with the least role that may
 * use it and sample input. `access-matrix.test.ts` runs each row's real action or handler as the
 * public, a reviewer, an editor and an admin, and checks that the roles below `minimum` are refused
 * (401 or a redirect to sign in for the public, 403 for a signed-in user) with the database
 * unchanged, that the roles from `minimum` up succeed, and that the hook's route table agrees.
 *
 * Adding a route with actions or a POST/PUT/PATCH/DELETE handler? Add one row per action/method
 * here; the test fails until you do.
 */
export interface MatrixRow {
	/** The route id, as in `routeAccess`: '/dossiers/[slug]/amendments/[id=id]'. */
	route: string;
	/** The form action's name ('default' for an unnamed one) in +page.server.ts, or the HTTP method of +server.ts. */
	action: string;
	minimum: 'public' | Role;
	/**
	 * Params and input for one attempt; called once per role, before the database snapshot, so it may
	 * create what the attempt needs. `n` is unique per call (for unique emails, titles…).
	 */
	sample: (ctx: MatrixContext) => MatrixSample | Promise<MatrixSample>;
	/**
	 * What a permitted role must get. 'success' (the default): a redirect that is not to /login, or a
	 * 2xx answer. 'not-refused': anything but 401/403/a redirect to sign in (e.g. a 400 on purpose).
	 */
	expect?: 'success' | 'not-refused';
}

export interface MatrixContext {
	db: DbConnection;
	/** Who will make the attempt (null: the public). */
	user: SessionUser | null;
	n: number;
}

export interface MatrixSample {
	params?: Record<string, string>;
	/** Form fields for a form action. */
	form?: Record<string, string | string[]>;
	/** A JSON body for an endpoint. */
	json?: unknown;
	/** Extra query string for the request, e.g. '?version=3'. */
	search?: string;
}

/** Actions and methods deliberately left out of the matrix, with why. Keyed 'route action'. */
export const matrixExempt: Record<string, string> = {};

/** Gives the acting user a known password (earlier rows may change it) and returns it, for admins to confirm with. */
async function confirmWith(db: DbConnection, who: SessionUser | null): Promise<string> {
	const password = 'matrix admin passphrase';
	if (who)
		await db
			.update(user)
			.set({ passwordHash: await hashPassword(password) })
			.where(eq(user.id, who.id));
	return password;
}

/** A user row to act on (no password; cheap). */
async function targetUser(db: DbConnection, n: number): Promise<number> {
	const [row] = await db
		.insert(user)
		.values({ email: `matrix-target-${n}@example.org`, name: `Target ${n}`, role: 'reviewer' })
		.returning({ id: user.id });
	return row.id;
}

/** A fresh draft amendment of the AI Act to act on. */
async function draftAmendment(db: DbConnection, n: number): Promise<string> {
	const [{ id: dossierId }] = await db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, 'ai-act'));
	const [row] = await db
		.insert(amendment)
		.values({
			dossierId,
			number: `M${n}`,
			tablingContext: 'Access matrix',
			targetLabel: 'Article 5',
			baseText: 'Base.',
			proposedText: 'Proposed.',
			status: 'draft',
			visibility: 'public'
		})
		.returning({ id: amendment.id });
	return String(row.id);
}

/** A row whose attempt posts `form(n)` about a new draft amendment of the AI Act. */
function onDraftAmendment(
	route: string,
	action: string,
	minimum: Role,
	form: (n: number) => Record<string, string | string[]>
): MatrixRow {
	return {
		route,
		action,
		minimum,
		sample: async ({ db, n }) => ({ params: { slug: 'ai-act', id: await draftAmendment(db, n) }, form: form(n) })
	};
}

const amendmentForm = (n: number) => ({
	tablingContext: 'Access matrix',
	number: `N${n}`,
	provision: 'art_5',
	target: 'Article 5',
	targetPart: 'whole',
	tabledOn: '2023-01-01',
	visibility: 'internal',
	authors: 'greens-efa',
	baseText: 'Base text.',
	proposedText: 'Proposed text.',
	justification: ''
});

export const accessMatrix: MatrixRow[] = [
	// Accounts
	{
		route: '/login',
		action: 'default',
		minimum: 'public',
		sample: async ({ db, n }) => {
			const email = `matrix-login-${n}@example.org`;
			await db.insert(user).values({ email, role: 'reviewer', passwordHash: await hashPassword('matrix passphrase') });
			return { form: { email, password: 'matrix passphrase' } };
		}
	},
	{ route: '/logout', action: 'default', minimum: 'public', sample: () => ({}) },
	{
		route: '/account',
		action: 'password',
		minimum: 'reviewer',
		sample: async ({ db, user: who }) => {
			if (who)
				await db
					.update(user)
					.set({ passwordHash: await hashPassword('matrix passphrase') })
					.where(eq(user.id, who.id));
			return {
				form: { current: 'matrix passphrase', next: 'another matrix passphrase', confirm: 'another matrix passphrase' }
			};
		}
	},
	{
		route: '/admin/users',
		action: 'create',
		minimum: 'admin',
		sample: ({ n }) => ({
			form: { email: `matrix-new-${n}@example.org`, name: `New ${n}`, role: 'editor', password: 'matrix passphrase' }
		})
	},
	{
		route: '/admin/users',
		action: 'role',
		minimum: 'admin',
		sample: async ({ db, n, user: who }) => ({
			form: { userId: String(await targetUser(db, n)), role: 'editor', adminPassword: await confirmWith(db, who) }
		})
	},
	{
		route: '/admin/users',
		action: 'active',
		minimum: 'admin',
		sample: async ({ db, n, user: who }) => ({
			form: { userId: String(await targetUser(db, n)), active: 'false', adminPassword: await confirmWith(db, who) }
		})
	},
	{
		route: '/admin/users',
		action: 'password',
		minimum: 'admin',
		sample: async ({ db, n, user: who }) => ({
			form: {
				userId: String(await targetUser(db, n)),
				password: 'matrix passphrase',
				adminPassword: await confirmWith(db, who)
			}
		})
	},
	{
		route: '/admin/dossiers',
		action: 'default',
		minimum: 'admin',
		sample: ({ n }) => ({
			form: {
				title: `Matrix dossier ${n}`,
				shortTitle: `Matrix ${n}`,
				procedureRef: `2030/${String(n).padStart(4, '0')}(COD)`,
				summary: 'A dossier the access matrix opens.',
				slug: `matrix-dossier-${n}`
			}
		})
	},

	// Rows added by the accounts work for routes of other issues, with empty input: they prove the
	// refusals (and the database unchanged) and that permitted roles get past authorization (to a
	// 400). Their owners may replace the samples with valid input and drop `expect: 'not-refused'`.
	{
		route: '/dossiers/[slug]/stages/new',
		action: 'default',
		minimum: 'editor',
		expect: 'not-refused',
		sample: () => ({ params: { slug: 'ai-act' }, form: {} })
	},
	{
		route: '/dossiers/[slug]/stages/[id=id]',
		action: 'default',
		minimum: 'editor',
		expect: 'not-refused',
		sample: async ({ db }) => {
			const [event] = await db.select({ id: procedureEvent.id }).from(procedureEvent).limit(1);
			return { params: { slug: 'ai-act', id: String(event.id) }, form: {} };
		}
	},
	{
		route: '/dossiers/[slug]/charts/scores',
		action: 'default',
		minimum: 'editor',
		expect: 'not-refused',
		sample: () => ({ params: { slug: 'ai-act' }, form: {} })
	},
	// A dossier's topics and ban criteria: adding one succeeds; the other actions are refused as input (400) here,
	// their own tests (topics.test.ts, criteria.test.ts) drive them with real rows.
	{
		route: '/dossiers/[slug]/positions/topics',
		action: 'add',
		minimum: 'editor',
		sample: ({ n }) => ({ params: { slug: 'ai-act' }, form: { slug: `matrix-topic-${n}`, name: `Matrix ${n}` } })
	},
	...(['save', 'move', 'remove'] as const).map((action) => ({
		route: '/dossiers/[slug]/positions/topics',
		action,
		minimum: 'editor' as const,
		expect: 'not-refused' as const,
		sample: () => ({ params: { slug: 'ai-act' }, form: {} })
	})),
	{
		route: '/dossiers/[slug]/charts/criteria',
		action: 'add',
		minimum: 'editor',
		sample: ({ n }) => ({ params: { slug: 'ai-act' }, form: { key: `matrix-demand-${n}`, label: `Matrix ${n}` } })
	},
	...(['save', 'move', 'remove'] as const).map((action) => ({
		route: '/dossiers/[slug]/charts/criteria',
		action,
		minimum: 'editor' as const,
		expect: 'not-refused' as const,
		sample: () => ({ params: { slug: 'ai-act' }, form: {} })
	})),
	{ route: '/following', action: 'follow', minimum: 'reviewer', expect: 'not-refused', sample: () => ({ form: {} }) },
	{ route: '/following', action: 'unfollow', minimum: 'reviewer', expect: 'not-refused', sample: () => ({ form: {} }) },
	// Positions review: drafting needs the reviewer role; approving also needs not to be the author.
	{
		route: '/review/positions/new',
		action: 'default',
		minimum: 'reviewer',
		// Named: the matrix opens more dossiers, and the page asks which one when there are several.
		sample: async ({ db }) => ({ form: await positionFormSample(db), search: '?dossier=ai-act' })
	},
	{
		route: '/review/positions/[id=id]/edit',
		action: 'default',
		minimum: 'reviewer',
		sample: async ({ db, user: who, n }) => ({
			params: { id: String(await positionFixture(db, who?.id ?? (await otherAuthor(db, n)), 'draft')) },
			form: { ...(await positionFormSample(db)), version: '1' }
		})
	},
	{
		route: '/review/positions/[id=id]',
		action: 'submit',
		minimum: 'reviewer',
		sample: async ({ db, user: who, n }) => ({
			params: { id: String(await positionFixture(db, who?.id ?? (await otherAuthor(db, n)), 'draft')) },
			form: { version: '1' }
		})
	},
	...(['approve', 'return'] as const).map((action) => ({
		route: '/review/positions/[id=id]',
		action,
		minimum: 'reviewer' as const,
		sample: async ({ db, n }: MatrixContext) => ({
			params: { id: String(await positionFixture(db, await otherAuthor(db, n), 'in_review')) },
			form: { version: '1', comment: 'Matrix comment' }
		})
	})),
	{
		route: '/review/positions/[id=id]',
		action: 'reopen',
		minimum: 'reviewer',
		sample: async ({ db, n }) => ({
			params: { id: String(await positionFixture(db, await otherAuthor(db, n), 'approved')) },
			form: { version: '1', comment: 'Matrix reason' }
		})
	},
	// Comparing texts and lineage: comparing one's own text stores nothing and is open to all.
	{
		route: '/dossiers/[slug]/compare/text',
		action: 'default',
		minimum: 'public',
		sample: () => ({
			params: { slug: 'ai-act' },
			form: { mine: 'Member States shall act.', other: 'Member States may act.', provision: '', in: '' }
		})
	},
	{
		route: '/dossiers/[slug]/provisions/[eid=eid]/lineage',
		action: 'correct',
		minimum: 'editor',
		sample: async ({ db }) => {
			const [ai] = await db.select({ id: dossier.id }).from(dossier).where(eq(dossier.slug, 'ai-act'));
			const proposal = (await listTextDocuments(db, ai.id))[0];
			const version = (await findVersion(db, ai.id, proposal.id, 'rec_89'))!;
			return {
				params: { slug: 'ai-act', eid: 'rec_89' },
				form: { versionId: String(version.id), toDocument: 'final-act', toProvision: 'Recital 179', note: 'matrix' }
			};
		}
	},
	{
		route: '/dossiers/[slug]/provisions/[eid=eid]/lineage',
		action: 'remove',
		minimum: 'editor',
		sample: async ({ db }) => {
			const [link] = await db
				.select({ id: provisionLink.id })
				.from(provisionLink)
				.orderBy(asc(provisionLink.id))
				.limit(1);
			return { params: { slug: 'ai-act', eid: 'rec_89' }, form: { linkId: String(link.id), note: 'matrix' } };
		}
	},
	// Amendments
	onDraftAmendment('/dossiers/[slug]/amendments/[id=id]', 'status', 'editor', () => ({
		from: 'draft',
		to: 'tabled',
		date: '2023-01-02',
		note: ''
	})),
	onDraftAmendment('/dossiers/[slug]/amendments/[id=id]', 'assess', 'reviewer', () => ({
		direction: 'weakens',
		note: 'Matrix.',
		visibility: 'internal',
		version: ''
	})),
	{
		// Any reviewer but the assessment's author approves it (the author's own attempt is refused in amendments.test.ts).
		route: '/dossiers/[slug]/amendments/[id=id]',
		action: 'review',
		minimum: 'reviewer',
		sample: async ({ db, n }) => {
			const id = await draftAmendment(db, n);
			const authorId = await otherAuthor(db, n);
			await db.insert(assessment).values({
				amendmentId: Number(id),
				direction: 'weakens',
				note: 'Matrix.',
				visibility: 'public',
				reviewState: 'in_review',
				authorId
			});
			return { params: { slug: 'ai-act', id }, form: { decision: 'approve', version: '1', comment: '' } };
		}
	},
	onDraftAmendment('/dossiers/[slug]/amendments/[id=id]', 'comment', 'reviewer', () => ({ body: 'Matrix comment.' })),
	onDraftAmendment('/dossiers/[slug]/amendments/[id=id]/edit', 'default', 'editor', (n) => ({
		...amendmentForm(n),
		version: '1'
	})),
	{
		route: '/dossiers/[slug]/amendments/new',
		action: 'default',
		minimum: 'editor',
		sample: ({ n }) => ({ params: { slug: 'ai-act' }, form: { ...amendmentForm(n), status: 'draft' } })
	},
	{
		// Without a file the import answers 400 (“Choose a CSV or JSON file”); the browser tests upload real files.
		route: '/dossiers/[slug]/amendments/import',
		action: 'default',
		minimum: 'editor',
		expect: 'not-refused',
		sample: () => ({
			params: { slug: 'ai-act' },
			form: {
				mode: 'dry',
				tablingContext: 'EP plenary, 14 June 2023',
				tabledOn: '2023-06-14',
				status: 'plenary_adopted'
			}
		})
	},
	{
		// Without a file the text import answers 400 (“Choose a Word file”); the browser tests upload a real one.
		route: '/dossiers/[slug]/documents/import',
		action: 'default',
		minimum: 'editor',
		expect: 'not-refused',
		sample: () => ({ params: { slug: 'ai-act' }, form: { mode: 'dry' } })
	}
];

/**
 * Params for reading public pages and endpoints in the internal-content test (visibility.test.ts):
 * each public route's [param] is filled from here. Add yours when you add a public route with a new
 * param name, choosing a value whose page shows as much as possible.
 */
export const publicParamSamples: Record<string, string> = {
	slug: 'ai-act',
	eid: 'art_5',
	// Amendment 1 of the seed: public, with a status history.
	id: '1',
	// The first actor, which visibility.test.ts gives its internal marker positions.
	country: 'austria',
	// The Parliament: its committees and Members' amendments are listed on its page.
	actor: 'european-parliament'
};
