import { cellKey, type Cell, type DatedPosition } from './as-of';
import type { Stance } from './stance';

export interface MatrixCell<P> {
	topicKey: string;
	/** Null when no position is recorded for this actor and topic by the date. */
	cell: Cell<P> | null;
	/** Whether the cell matches the stance filter (an empty cell counts as 'unknown'). */
	matches: boolean;
}

export interface MatrixRow<A, P> {
	actor: A;
	cells: MatrixCell<P>[];
}

/**
 * The rows of the matrix: one per actor, one cell per topic key. With a stance filter, rows with no
 * matching cell are left out and the other cells are marked as not matching.
 */
export function matrixRows<A extends { id: number }, P extends DatedPosition>(
	actors: A[],
	topicKeys: string[],
	cells: Map<string, Cell<P>>,
	stance: Stance | null
): MatrixRow<A, P>[] {
	const rows = actors.map((actor) => ({
		actor,
		cells: topicKeys.map((topicKey) => {
			const cell = cells.get(cellKey(actor.id, topicKey)) ?? null;
			return { topicKey, cell, matches: stance === null || (cell?.position.stance ?? 'unknown') === stance };
		})
	}));
	return stance === null ? rows : rows.filter((r) => r.cells.some((c) => c.matches));
}

/** How many cells of the shown rows hold each stance (empty cells count as unknown): the legend's counts. */
export function stanceCounts<P extends DatedPosition>(rows: MatrixRow<unknown, P>[]): Record<Stance, number> {
	const counts: Record<Stance, number> = { full_ban: 0, ban_with_exceptions: 0, neutral: 0, opposes: 0, unknown: 0 };
	for (const r of rows) for (const c of r.cells) counts[c.cell?.position.stance ?? 'unknown']++;
	return counts;
}

export interface MatrixFigures {
	/** Cells in the rows (actors × topic keys). */
	cells: number;
	/** Cells whose shown position states a stance (not 'unknown'). */
	withStance: number;
	rows: number;
	/** Rows with at least one recorded position, whatever its stance. */
	rowsWithRecord: number;
}

/** How full the matrix is: what the README and the seed's summary line report. */
export function matrixFigures<P extends DatedPosition>(rows: MatrixRow<unknown, P>[]): MatrixFigures {
	const cells = rows.flatMap((r) => r.cells);
	return {
		cells: cells.length,
		withStance: cells.filter((c) => c.cell && c.cell.position.stance !== 'unknown').length,
		rows: rows.length,
		rowsWithRecord: rows.filter((r) => r.cells.some((c) => c.cell)).length
	};
}
