/** Dates in the dossier are ISO 8601 and may be partial: '2024-07-12', '2024-04', '2024', or unknown (null). */

const months = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** '2024-07-12' → '12 July 2024'; '2024-04' → 'April 2024'; null → 'date unknown'. */
export function formatDate(iso: string | null | undefined): string {
	if (!iso) return 'date unknown';
	const [y, m, d] = iso.split('-');
	if (!m) return y;
	const month = months[Number(m) - 1];
	if (!month) return iso;
	return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** Today as 'YYYY-MM-DD' in UTC. */
export function todayIso(now: Date = new Date()): string {
	return now.toISOString().slice(0, 10);
}

/**
 * Whether a (possibly partial) date lies after `today`. A partial date counts as past once its
 * period has begun ('2024-04' is past from 1 April 2024); an unknown date is not upcoming.
 */
export function isUpcoming(iso: string | null | undefined, today: string): boolean {
	if (!iso) return false;
	return iso > today.slice(0, iso.length);
}
