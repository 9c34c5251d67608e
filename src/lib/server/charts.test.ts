import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { EP_PLENARY_CONTEXT } from './seed/amendments';
import { amendment, assessment, position } from './db/schema';
import { useTestDatabase } from './testing/database';
import { amendmentDirectionCounts, amendmentStatusCounts, memberStateNames, memberStatePositions } from './charts';
import { listTopics } from './topics';
import { findMemberState } from './feeds';

const seeded = useTestDatabase();

describe('amendment chart data', () => {
	it('counts the 771 amendments adopted in plenary and the 1,502 tabled in committee, none assessed', async () => {
		const byStatus = await amendmentStatusCounts(seeded.db, seeded.dossierId);
		expect(byStatus).toContainEqual({ stage: 'EP plenary, 14 June 2023', status: 'plenary_adopted', n: 771 });
		expect(byStatus.filter((r) => r.status === 'tabled').reduce((n, r) => n + r.n, 0)).toBe(1502);
		const byAuthor = await amendmentDirectionCounts(seeded.db, seeded.dossierId, 'author');
		expect(byAuthor).toContainEqual({ group: 'European Parliament', direction: null, n: 771 });
		expect(byAuthor.every((r) => r.direction === null)).toBe(true);
	});

	it('counts only assessments that are public and approved', async () => {
		const plenary = (n: string) => and(eq(amendment.number, n), eq(amendment.tablingContext, EP_PLENARY_CONTEXT));
		const [a220] = await seeded.db.select().from(amendment).where(plenary('220'));
		const [a221] = await seeded.db.select().from(amendment).where(plenary('221'));
		await seeded.db.insert(assessment).values([
			{ amendmentId: a220.id, direction: 'strengthens', visibility: 'public', reviewState: 'approved' },
			{ amendmentId: a221.id, direction: 'weakens', visibility: 'internal', reviewState: 'approved' }
		]);
		const counts = await amendmentDirectionCounts(seeded.db, seeded.dossierId, 'stage');
		const inPlenary = counts.filter((c) => c.group === 'EP plenary, 14 June 2023');
		expect(inPlenary.sort((x, y) => String(x.direction).localeCompare(String(y.direction)))).toEqual([
			{ group: 'EP plenary, 14 June 2023', direction: null, n: 770 },
			{ group: 'EP plenary, 14 June 2023', direction: 'strengthens', n: 1 }
		]);
	});
});

describe('stance chart data', () => {
	it('reads the published member-state positions, per topic or for the ban as a whole', async () => {
		expect(await memberStateNames(seeded.db)).toHaveLength(27);
		const whole = await memberStatePositions(seeded.db, seeded.dossierId, null);
		expect(whole.length).toBeGreaterThan(0);
		expect(whole.every((p) => p.state !== 'European Parliament')).toBe(true);

		const [topic] = (await listTopics(seeded.db, seeded.dossierId)).filter((t) => t.slug === 'emotion-recognition');
		const austria = (await findMemberState(seeded.db, 'AT'))!;
		await seeded.db.insert(position).values([
			{
				dossierId: seeded.dossierId,
				actorId: austria.id,
				topicId: topic.id,
				date: '2023-01-01',
				stance: 'full_ban',
				summary: 'x',
				confidence: 'official',
				visibility: 'public',
				reviewState: 'approved'
			},
			{
				dossierId: seeded.dossierId,
				actorId: austria.id,
				topicId: topic.id,
				date: '2023-02-01',
				stance: 'opposes',
				summary: 'y',
				confidence: 'official',
				visibility: 'public',
				reviewState: 'in_review'
			}
		]);
		expect(await memberStatePositions(seeded.db, seeded.dossierId, topic.id)).toEqual([
			{ state: 'Austria', date: '2023-01-01', stance: 'full_ban' }
		]);
	});
});
