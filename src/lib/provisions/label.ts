/**
 * Human labels for Akoma Ntoso style eIds, as lawyers cite them:
 * 'art_5__para_1__point_h' → 'Article 5(1)(h)', 'rec_32' → 'Recital 32', 'anx_III__para_1__point_2' → 'Annex III, 1, 2'.
 */
export function provisionLabel(eid: string): string {
	const [head, ...parts] = eid.split('__');
	const [kind, num] = splitPart(head);
	const base = `${topNames[kind] ?? kind} ${num}`;
	if (kind === 'anx') return [base, ...parts.map((p) => splitPart(p)[1])].join(', ');
	return (
		base +
		parts
			.map((p) => {
				const [k, n] = splitPart(p);
				if (k === 'subpara') return `, subparagraph ${n}`;
				if (k === 'indent') return `, indent ${n}`;
				if (k === 'line') return `, line ${n}`;
				if (k === 'sec') return `, Section ${n}`;
				return `(${n})`;
			})
			.join('')
	);
}

const topNames: Record<string, string> = {
	art: 'Article',
	rec: 'Recital',
	cit: 'Citation',
	anx: 'Annex',
	title: 'Title',
	chp: 'Chapter',
	sec: 'Section'
};

function splitPart(part: string): [kind: string, num: string] {
	const i = part.indexOf('_');
	return i < 0 ? [part, ''] : [part.slice(0, i), part.slice(i + 1)];
}
