/**
 * A chart as plain data: what the server sends, what chart.js draws and what the accessible table shows.
 * The table is derived from the same series, so the two cannot disagree.
 */
export interface ChartSeries {
	label: string;
	/** One value per label; null is unknown (drawn as a gap, shown as "unknown" in the table). */
	values: (number | null)[];
}

export interface ChartSpec {
	/** Unique on the page: used for element ids. */
	id: string;
	title: string;
	kind: 'stacked-bar' | 'line';
	/** Categories along the x axis (texts, stages, periods, authors). */
	labels: string[];
	series: ChartSeries[];
	/** What the y axis counts, e.g. 'demands met (of 5)'. */
	yLabel: string;
	yMax?: number;
	/** Adds a total column to the table (the stacked height). */
	showTotal?: boolean;
	/** One or two sentences saying what the chart shows. */
	summary: string;
	/** Header of the table's first column. */
	labelHeader: string;
}

export interface ChartTable {
	columns: string[];
	rows: { header: string; cells: string[] }[];
}

/** Numbers as the table prints them: 0.5 stays 0.5, 4 stays 4, null is "unknown". */
export function formatValue(value: number | null): string {
	if (value === null) return 'unknown';
	return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** Sum of the known values; null when every value is unknown. */
export function totalOf(values: (number | null)[]): number | null {
	const known = values.filter((v): v is number => v !== null);
	return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** The chart's data as a table: one row per label, one column per series (and the total when asked). */
export function tableOf(spec: ChartSpec): ChartTable {
	const columns = [spec.labelHeader, ...spec.series.map((s) => s.label), ...(spec.showTotal ? ['Total'] : [])];
	const rows = spec.labels.map((header, i) => {
		const values = spec.series.map((s) => s.values[i] ?? null);
		const cells = values.map(formatValue);
		if (spec.showTotal) {
			// A total is only honest when every part is known.
			cells.push(values.some((v) => v === null) ? 'unknown' : formatValue(totalOf(values)));
		}
		return { header, cells };
	});
	return { columns, rows };
}

/**
 * Counts grouped by two keys (x and series) into chart series, in the orders given. Keys missing
 * from an order are appended in the order met; missing combinations count 0.
 */
export function pivotCounts(
	counts: { x: string; series: string; n: number }[],
	xOrder: string[] = [],
	seriesOrder: string[] = []
): { labels: string[]; series: ChartSeries[] } {
	const labels = [...xOrder];
	const names = [...seriesOrder];
	for (const c of counts) {
		if (!labels.includes(c.x)) labels.push(c.x);
		if (!names.includes(c.series)) names.push(c.series);
	}
	const series = names.map((label) => ({
		label,
		values: labels.map((x) => counts.filter((c) => c.x === x && c.series === label).reduce((sum, c) => sum + c.n, 0))
	}));
	return { labels, series: series.filter((s) => s.values.some((v) => v > 0) || seriesOrder.includes(s.label)) };
}

/** 'a', 'a and b', 'a, b and c'. */
export function listing(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
