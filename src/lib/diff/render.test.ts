import { describe, expect, it } from 'vitest';
import { diffProvisionText, escapeHtml, renderDiffHtml, renderSideBySideHtml, sideBySide } from './index';

describe('escapeHtml', () => {
	it('escapes the five HTML-significant characters', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
		);
	});
});

describe('renderDiffHtml', () => {
	it('escapes markup on both sides, in equal, deleted and inserted text', () => {
		const before = 'Kept <script>alert(1)</script> text <img src=x onerror=alert(1)> old';
		const after = 'Kept <script>alert(1)</script> text <img src=x onerror=alert(1)> new <script>alert(2)</script>';
		const diff = diffProvisionText(`${before}\n<img src=x onerror=alert(1)>`, after);
		for (const html of [renderDiffHtml(diff), renderSideBySideHtml(diff)]) {
			expect(html).not.toMatch(/<script/i);
			expect(html).not.toMatch(/<img/i);
			expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
			expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		}
	});

	it('wraps changes in ins/del and marks operative ones', () => {
		const diff = diffProvisionText('Member States may act.', 'Member States shall act.\nNew point.');
		expect(renderDiffHtml(diff)).toBe(
			'<p class="diff-paragraph changed">Member States <del class="operative">may</del><ins class="operative">shall</ins> act.</p>\n' +
				'<p class="diff-paragraph inserted"><ins>New point.</ins></p>'
		);
	});
});

describe('sideBySide', () => {
	it('gives aligned rows with each side’s segments', () => {
		const diff = diffProvisionText('Same.\nOld text.\nThe provider acts.', 'Same.\nThe deployer acts.');
		expect(sideBySide(diff)).toEqual([
			{ status: 'equal', left: [{ type: 'equal', text: 'Same.' }], right: [{ type: 'equal', text: 'Same.' }] },
			{ status: 'deleted', left: [{ type: 'delete', text: 'Old text.' }], right: [] },
			{
				status: 'changed',
				left: [
					{ type: 'equal', text: 'The ' },
					{ type: 'delete', text: 'provider' },
					{ type: 'equal', text: ' acts.' }
				],
				right: [
					{ type: 'equal', text: 'The ' },
					{ type: 'insert', text: 'deployer' },
					{ type: 'equal', text: ' acts.' }
				]
			}
		]);
	});
});
