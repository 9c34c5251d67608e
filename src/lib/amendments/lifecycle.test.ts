import { describe, expect, it } from 'vitest';
import { amendmentStatuses } from './statuses';
import { canMove, isSettled, nextStatuses, statusLabels, statusStages } from './lifecycle';

describe('amendment lifecycle', () => {
	it('follows draft → tabled → committee → plenary → trilogue → final act', () => {
		expect(canMove('draft', 'tabled')).toBe(true);
		expect(canMove('tabled', 'committee_adopted')).toBe(true);
		expect(canMove('committee_adopted', 'plenary_adopted')).toBe(true);
		expect(canMove('plenary_adopted', 'in_trilogue')).toBe(true);
		expect(canMove('in_trilogue', 'final_partly')).toBe(true);
	});

	it('refuses skipping back or moving a settled amendment', () => {
		expect(canMove('plenary_adopted', 'tabled')).toBe(false);
		expect(canMove('draft', 'in_trilogue')).toBe(false);
		expect(canMove('committee_rejected', 'plenary_adopted')).toBe(false);
		expect(isSettled('final_not')).toBe(true);
		expect(nextStatuses('withdrawn')).toEqual([]);
	});

	it('labels every status and puts each in exactly one stage', () => {
		for (const s of amendmentStatuses) {
			expect(statusLabels[s]).toBeTruthy();
			expect(statusStages.filter((g) => g.statuses.includes(s))).toHaveLength(1);
		}
	});
});
