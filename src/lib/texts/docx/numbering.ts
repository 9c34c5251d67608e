/**
 * Word list numbering (word/numbering.xml): most paragraph and point labels of the Council texts ("1.",
 * "(a)", "(i)") are not characters of the text but a counter Word prints. This module keeps the counters the
 * way Word does, so the label of each numbered paragraph comes out as printed.
 */
import { attr, child, childrenNamed, rootOf, type XmlNode } from './package';

interface Level {
	start: number;
	format: string;
	text: string;
	/** 1-based level after which this level starts again; 0 = never; undefined = after any higher level. */
	restart?: number;
}

interface NumInstance {
	abstractId: string;
	levels: Map<number, Level>;
	/** Levels whose start this instance overrides: its own list, not the abstract's shared one. */
	overridden: boolean;
}

export interface Numbering {
	/** The label of the next paragraph of list `numId` at `ilvl`, counting it; null for no numbering. */
	next(numId: string, ilvl: number): string | null;
	/** The format of that level ('decimal', 'lowerLetter', 'bullet' …), without counting. */
	formatOf(numId: string, ilvl: number): string | null;
}

function readLevel(lvl: XmlNode, base?: Level): Level {
	const val = (tag: string) => attr(child(lvl, tag), 'w:val');
	const start = val('w:start');
	const restart = val('w:lvlRestart');
	return {
		start: start !== undefined ? Number(start) : (base?.start ?? 0),
		format: val('w:numFmt') ?? base?.format ?? 'decimal',
		text: val('w:lvlText') ?? base?.text ?? '',
		restart: restart !== undefined ? Number(restart) : base?.restart
	};
}

function readLevels(parent: XmlNode): Map<number, Level> {
	const levels = new Map<number, Level>();
	for (const lvl of childrenNamed(parent, 'w:lvl')) levels.set(Number(attr(lvl, 'w:ilvl') ?? 0), readLevel(lvl));
	return levels;
}

export function readNumbering(part: XmlNode[] | null): Numbering {
	const root = rootOf(part, 'w:numbering');
	const abstracts = new Map<string, Map<number, Level>>();
	for (const a of childrenNamed(root, 'w:abstractNum')) {
		const id = attr(a, 'w:abstractNumId');
		if (id !== undefined) abstracts.set(id, readLevels(a));
	}
	const nums = new Map<string, NumInstance>();
	for (const n of childrenNamed(root, 'w:num')) {
		const id = attr(n, 'w:numId');
		const abstractId = attr(child(n, 'w:abstractNumId'), 'w:val');
		if (id === undefined || abstractId === undefined) continue;
		const levels = new Map(abstracts.get(abstractId) ?? []);
		let overridden = false;
		for (const o of childrenNamed(n, 'w:lvlOverride')) {
			const ilvl = Number(attr(o, 'w:ilvl') ?? 0);
			const base = levels.get(ilvl);
			const lvl = child(o, 'w:lvl');
			let level = lvl ? readLevel(lvl, base) : base ? { ...base } : { start: 1, format: 'decimal', text: '' };
			const startOverride = attr(child(o, 'w:startOverride'), 'w:val');
			if (startOverride !== undefined) {
				level = { ...level, start: Number(startOverride) };
				overridden = true;
			}
			levels.set(ilvl, level);
		}
		nums.set(id, { abstractId, levels, overridden });
	}

	// Counters of one list. Instances of one abstract list without overrides continue each other's count.
	const state = new Map<string, Map<number, number>>();
	const levelOf = (numId: string, ilvl: number) => nums.get(numId)?.levels.get(ilvl);

	return {
		formatOf: (numId, ilvl) => levelOf(numId, ilvl)?.format ?? null,
		next(numId, ilvl) {
			const num = nums.get(numId);
			const level = num?.levels.get(ilvl);
			if (!num || !level || numId === '0') return null;
			const key = num.overridden ? `num:${numId}` : `abs:${num.abstractId}`;
			let counters = state.get(key);
			if (!counters) state.set(key, (counters = new Map()));
			const current = counters.get(ilvl);
			counters.set(ilvl, current === undefined ? level.start : current + 1);
			for (const [deeper, lvl] of num.levels) {
				if (deeper <= ilvl) continue;
				if (lvl.restart === 0) continue;
				if (lvl.restart === undefined || ilvl < lvl.restart) counters.delete(deeper);
			}
			if (level.format === 'none') return '';
			return level.text
				.replace(/%([1-9])/g, (_, d: string) => {
					const l = Number(d) - 1;
					const lv = num.levels.get(l);
					const value = counters.get(l) ?? lv?.start ?? 1;
					return formatCounter(value, lv?.format ?? 'decimal');
				})
				.replace(/[\uF0B7\uF0A7\uF0FC\uF076\uF0D8]/g, '•')
				.replace(/\uF02D/g, '-');
		}
	};
}

/** A counter value in a Word number format. */
export function formatCounter(value: number, format: string): string {
	switch (format) {
		case 'lowerLetter':
			return letters(value);
		case 'upperLetter':
			return letters(value).toUpperCase();
		case 'lowerRoman':
			return roman(value);
		case 'upperRoman':
			return roman(value).toUpperCase();
		case 'decimalZero':
			return value < 10 ? `0${value}` : String(value);
		case 'bullet':
		case 'none':
			return '';
		default:
			return String(value);
	}
}

/** Word's letters: a … z, then aa … zz, aaa … (the letter repeated, not base 26). */
function letters(value: number): string {
	if (value < 1) return String(value);
	const letter = String.fromCharCode(97 + ((value - 1) % 26));
	return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
	if (value < 1 || value >= 4000) return String(value);
	const table: [number, string][] = [
		[1000, 'm'],
		[900, 'cm'],
		[500, 'd'],
		[400, 'cd'],
		[100, 'c'],
		[90, 'xc'],
		[50, 'l'],
		[40, 'xl'],
		[10, 'x'],
		[9, 'ix'],
		[5, 'v'],
		[4, 'iv'],
		[1, 'i']
	];
	let out = '';
	for (const [n, s] of table)
		while (value >= n) {
			out += s;
			value -= n;
		}
	return out;
}
