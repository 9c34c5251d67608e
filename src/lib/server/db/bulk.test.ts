import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { useTestDatabase } from '../testing/database';
import { insertRows } from './bulk';
import { actor, amendment, provision } from './schema';

const seeded = useTestDatabase();

describe('insertRows', () => {
	it('inserts rows as drizzle would: values, JSON, arrays, schema defaults, rows back in the order given', async () => {
		const rows = ['zz_bulk_1', 'zz_bulk_2', 'zz_bulk_3'].map((eid, i) => ({
			dossierId: seeded.dossierId,
			eid,
			kind: 'article' as const,
			sortKey: 900_000 + i
		}));
		const back = await insertRows(seeded.db, provision, rows, ['id', 'eid']);
		expect(back.map((r) => r.eid)).toEqual(['zz_bulk_1', 'zz_bulk_2', 'zz_bulk_3']);
		expect(back.every((r) => Number.isInteger(r.id))).toBe(true);

		const sources = [{ title: 'A source with "quotes" and ünïcode', url: 'https://example.org/a?b=c' }];
		const [made] = await insertRows(
			seeded.db,
			amendment,
			[
				{
					dossierId: seeded.dossierId,
					targetProvisionId: back[0].id,
					tablingContext: 'BULK test',
					number: '1',
					targetLabel: 'Article 1',
					baseText: '',
					proposedText: 'Line one\nline two',
					status: 'tabled',
					sources
				}
			],
			['id']
		);
		const [row] = await seeded.db.select().from(amendment).where(eq(amendment.id, made.id));
		expect(row).toMatchObject({
			baseText: '',
			proposedText: 'Line one\nline two',
			sources,
			visibility: 'public',
			version: 1
		});
		expect(row.createdAt).toBeInstanceOf(Date);

		await insertRows(seeded.db, actor, [
			{ slug: 'zz-bulk-a', name: 'A', kind: 'member' },
			{ slug: 'zz-bulk-b', name: 'B', kind: 'member', nationalParty: 'Party B' }
		]);
		const actors = await seeded.db
			.select({ slug: actor.slug, nationalParty: actor.nationalParty })
			.from(actor)
			.where(inArray(actor.slug, ['zz-bulk-a', 'zz-bulk-b']))
			.orderBy(actor.slug);
		expect(actors).toEqual([
			{ slug: 'zz-bulk-a', nationalParty: null },
			{ slug: 'zz-bulk-b', nationalParty: 'Party B' }
		]);
	});

	it('inserts nothing for no rows, and names a column the table does not have', async () => {
		expect(await insertRows(seeded.db, provision, [], ['id'])).toEqual([]);
		await expect(
			insertRows(seeded.db, provision, [
				{ dossierId: seeded.dossierId, eid: 'x', kind: 'article', sortKey: 1, nope: 1 } as never
			])
		).rejects.toThrow('provision has no column nope');
	});
});
