/**
 * A tile map of the 27 member states: one square per country, placed roughly where it lies, on a
 * 7 × 7 grid (row 1 = north, column 1 = west). Keys are the EU's country codes (EL for Greece).
 */
export const tileGrid: Record<string, { row: number; col: number }> = {
	SE: { row: 1, col: 5 },
	FI: { row: 1, col: 6 },
	IE: { row: 2, col: 1 },
	DK: { row: 2, col: 4 },
	EE: { row: 2, col: 6 },
	NL: { row: 3, col: 3 },
	DE: { row: 3, col: 4 },
	PL: { row: 3, col: 5 },
	LV: { row: 3, col: 6 },
	BE: { row: 4, col: 2 },
	LU: { row: 4, col: 3 },
	CZ: { row: 4, col: 4 },
	SK: { row: 4, col: 5 },
	LT: { row: 4, col: 6 },
	FR: { row: 5, col: 2 },
	AT: { row: 5, col: 4 },
	HU: { row: 5, col: 5 },
	RO: { row: 5, col: 6 },
	PT: { row: 6, col: 1 },
	ES: { row: 6, col: 2 },
	IT: { row: 6, col: 3 },
	SI: { row: 6, col: 4 },
	HR: { row: 6, col: 5 },
	BG: { row: 6, col: 6 },
	MT: { row: 7, col: 3 },
	EL: { row: 7, col: 6 },
	CY: { row: 7, col: 7 }
};

export const tileGridSize = { rows: 7, cols: 7 };
