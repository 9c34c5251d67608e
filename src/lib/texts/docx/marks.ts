/**
 * The change marks of one line, word by word. The Council sometimes marks part of a word ("n" struck and "N"
 * bold in "Notified bodies", "distort" + struck "ing" + bold "ion"); a mark that touches a word marks the
 * word, in its new form for additions and in the Commission's form for deletions, so that marks and our
 * word diff speak of the same words.
 */
import type { DocxMark } from './read';

export interface Segment {
	text: string;
	deleted: boolean;
	added: boolean;
	changed: boolean;
	/** A footnote reference: never part of a mark. */
	note: boolean;
}

/**
 * The text of one version: segments for which `drop` holds are left out. A dropped segment that held a space
 * leaves one between two words, so "persons" + struck " and other" + "through" does not glue into
 * "personsthrough", while "point" + struck " remote" + ";" gives "point;".
 */
export function versionText(segments: Segment[], drop: (s: Segment) => boolean): string {
	let out = '';
	let space = false;
	for (const s of segments) {
		if (drop(s)) {
			space ||= /\s/.test(s.text);
			continue;
		}
		if (space && s.text && !/\s$/.test(out) && out && !/^[\s,.;:!?)\]’”]/.test(s.text)) out += ' ';
		space = false;
		out += s.text;
	}
	return out;
}

export function collapse(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

/**
 * "high- risk" → "high-risk": the converter kept the space of a word hyphenated at the end of a printed line.
 * A hyphen before "and"/"or"/"to" is a real suspended hyphen ("small- and medium-sized").
 */
export function joinHyphenated(s: string): string {
	return s.replace(/(\p{L})- (?!(?:and|or|nor|to)\b)(?=\p{Ll})/gu, '$1-');
}

// Words as the diff tokeniser sees them (joined over apostrophes, hyphens, slashes, decimal points), else
// one punctuation character.
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:[’'\-‐‑/.,][\p{L}\p{N}\p{M}]+)*|\S/gu;
const KINDS: DocxMark['kind'][] = ['added', 'deleted', 'changed'];

/** Marked word runs in reading order; characters before `skip` (a typed label) are never marked. */
export function collectMarks(segments: Segment[], skip: number): DocxMark[] {
	if (!segments.some((s) => s.added || s.deleted || s.changed)) return [];
	const raw = segments.map((s) => s.text).join('');
	// The segment of each character.
	const owner = new Int32Array(raw.length);
	let at = 0;
	segments.forEach((s, i) => owner.fill(i, at, (at += s.text.length)));

	const out: (DocxMark & { at: number })[] = [];
	const open: Partial<Record<DocxMark['kind'], { text: string; at: number }>> = {};
	const close = (kind: DocxMark['kind']) => {
		const m = open[kind];
		delete open[kind];
		if (!m) return;
		const text = joinHyphenated(collapse(m.text));
		if (/[\p{L}\p{N}]/u.test(text)) out.push({ kind, text, at: m.at });
	};
	let previousEnd = 0;
	for (const m of raw.matchAll(TOKEN)) {
		const start = m.index;
		const end = start + m[0].length;
		const gap = /\s/.test(raw.slice(previousEnd, start));
		previousEnd = end;
		if (start < skip) continue;
		let note = false;
		const touched = { added: false, deleted: false, changed: false };
		let underlinedGone = true;
		let newForm = '';
		let oldForm = '';
		for (let i = start; i < end; i++) {
			const seg = segments[owner[i]];
			note ||= seg.note;
			touched.added ||= seg.added;
			touched.deleted ||= seg.deleted;
			touched.changed ||= seg.changed;
			if (seg.changed && !seg.deleted) underlinedGone = false;
			if (!seg.deleted) newForm += raw[i];
			if (!seg.added) oldForm += raw[i];
		}
		if (note) {
			for (const k of KINDS) close(k);
			continue;
		}
		const forms: Record<DocxMark['kind'], string> = {
			added: newForm,
			deleted: oldForm,
			changed: underlinedGone ? oldForm : newForm
		};
		for (const k of KINDS) {
			if (!touched[k]) {
				close(k);
				continue;
			}
			const run = open[k];
			if (run) run.text += (gap ? ' ' : '') + forms[k];
			else open[k] = { text: forms[k], at: start * 3 + KINDS.indexOf(k) };
		}
	}
	for (const k of KINDS) close(k);
	return out.sort((a, b) => a.at - b.at).map(({ kind, text }) => ({ kind, text }));
}
