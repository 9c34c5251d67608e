import { LANGUAGE_LINE, type Block, type PlacedRow } from './blocks';
import { joinLines, lineOf, paragraphs, splitColumns, type ColumnLine } from './columns';
import { rowText } from './layout';

/** One amendment as read from its block; the document it belongs to is added by the caller. */
export interface BlockAmendment {
	number: number;
	authors: string[];
	target: string;
	commissionText: string;
	amendmentText: string;
	deleted: boolean;
	newProvision: boolean;
	justification: string | null;
	/** An editorial note printed after the table: '(Article 29a is inserted in Chapter 4 before Article 30)'. */
	note: string | null;
	language: string;
	page: number;
}

export interface BlockProblem {
	page: number;
	number?: number;
	reason: string;
}

/** The line between the tabling Members and the target; a draft report starts with it. */
const ACT_LINE = /^Proposal for a (regulation|directive|decision)$/;
const TABLE_HEADER = /^Text proposed by the Commission Amendment$/;
const DELETED = /^deleted$/i;

/**
 * Reads one amendment block:
 *   authors (none in a draft report) · "Proposal for a regulation" · target ·
 *   "Text proposed by the Commission | Amendment" · the two columns · "Or. xx" · ["Justification" · text].
 * A block that lacks a part is a problem with its page, never a half-read amendment.
 */
export function readBlock(
	block: Block,
	margins: ReadonlyMap<number, number>
): { amendment?: BlockAmendment; problems: BlockProblem[] } {
	const { rows, number } = block;
	const texts = rows.map((r) => rowText(r.row));
	const problem = (reason: string, page = block.page) => ({ problems: [{ page, number, reason }] });
	const actAt = texts.findIndex((t) => ACT_LINE.test(t));
	const headerAt = texts.findIndex((t) => TABLE_HEADER.test(t));
	if (headerAt < 0) return problem('no "Text proposed by the Commission | Amendment" table');
	if (actAt < 0 || actAt > headerAt) return problem('no "Proposal for a regulation" line before the table');
	const target = texts.slice(actAt + 1, headerAt).reduce((t, line) => (t ? joinLines(t, line) : line), '');
	if (!target) return problem('no target between "Proposal for a regulation" and the table');

	const header = rows[headerAt];
	const boundary = columnBoundary(header);
	const left: ColumnLine[] = [];
	const right: ColumnLine[] = [];
	let language: string | null = null;
	let i = headerAt + 1;
	for (; i < rows.length; i++) {
		const lang = LANGUAGE_LINE.exec(texts[i]);
		if (lang) {
			language = lang[1];
			i++;
			break;
		}
		if (texts[i] === 'Justification') break;
		const here = margins.get(rows[i].page);
		const there = margins.get(header.page);
		const shift = here === undefined || there === undefined ? 0 : here - there;
		const [l, r] = splitColumns(rows[i].row.runs, boundary + shift);
		if (l.length) left.push(lineOf(rows[i].page, rows[i].row.y, l));
		if (r.length) right.push(lineOf(rows[i].page, rows[i].row.y, r));
	}

	const problems: BlockProblem[] = [];
	let justification: string | null = null;
	let note: string | null = null;
	if (i < rows.length && /^\(.*\)$/.test(texts[i])) note = texts[i++];
	if (texts[i] === 'Justification') {
		const lines: ColumnLine[] = [];
		for (i++; i < rows.length; i++) {
			const lang = LANGUAGE_LINE.exec(texts[i]);
			if (lang && !language) language = lang[1];
			else lines.push(lineOf(rows[i].page, rows[i].row.y, rows[i].row.runs));
		}
		justification = paragraphs(lines) || null;
	} else if (i < rows.length) {
		const stray = rows.slice(i);
		problems.push({
			page: stray[0].page,
			number,
			reason: `text after "Or. ${language}" left unread: "${clip(texts.slice(i).join(' '))}"`
		});
	}
	if (!language) return problem('no "Or. xx" language line after the table', rows[rows.length - 1]?.page ?? block.page);

	const commissionText = paragraphs(left);
	const printed = paragraphs(right);
	const deleted = DELETED.test(printed);
	return {
		amendment: {
			number,
			authors: authors(rows.slice(0, actAt)),
			target,
			commissionText,
			amendmentText: deleted ? '' : printed,
			deleted,
			newProvision: /\(new\)/.test(target) || commissionText === '',
			justification,
			note,
			language,
			page: block.page
		},
		problems
	};
}

/**
 * The header's two captions are centred in their cells, and the cells are equally wide, so the boundary
 * is halfway between the captions' centres (297.6 pt on these pages; the right column starts at 314.7).
 */
function columnBoundary(header: PlacedRow): number {
	const runs = header.row.runs;
	const first = runs[0];
	const last = runs[runs.length - 1];
	return ((first.x + first.right) / 2 + (last.x + last.right) / 2) / 2;
}

/**
 * The tabling Members, in printed order. Names are comma-separated and may wrap anywhere; "on behalf of
 * the Renew Group" is always a line of its own and stays one entry, for the caller to map to the group.
 */
function authors(rows: readonly PlacedRow[]): string[] {
	const out: string[] = [];
	let names = '';
	const flush = () => {
		out.push(...names.split(/\s*,\s*/).filter((n) => n !== ''));
		names = '';
	};
	for (const r of rows) {
		const text = rowText(r.row);
		if (/^on behalf of /i.test(text)) {
			flush();
			out.push(text);
		} else {
			names = names ? joinLines(names, text) : text;
		}
	}
	flush();
	return out;
}

function clip(text: string): string {
	return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
