/**
 * What a reader typed, ticked or chose in the server-rendered page before its JavaScript arrived. Hydration
 * sets each field back to the value the server rendered it with (Svelte writes `value={…}` to the element),
 * so on a slow connection or laptop the first words typed were lost. Called before the page hydrates, this
 * notes every field that differs from its rendered default; the function it returns, called once the page
 * has hydrated, puts them back and fires `input` and `change` so the page's state follows.
 */
export function keepTypedBeforeHydration(): () => void {
	if (typeof document === 'undefined') return () => {};
	const restore: (() => void)[] = [];
	for (const el of document.querySelectorAll('input, textarea, select')) {
		const put = typedInto(el);
		if (put)
			restore.push(() => {
				put();
				el.dispatchEvent(new Event('input', { bubbles: true }));
				el.dispatchEvent(new Event('change', { bubbles: true }));
			});
	}
	return () => {
		for (const put of restore.splice(0)) put();
	};
}

/** How to put back what the reader changed in one field, or null when it is as rendered. */
function typedInto(el: Element): (() => void) | null {
	if (el instanceof HTMLSelectElement) {
		const chosen = [...el.options].map((o) => o.selected);
		if (chosen.every((selected, i) => selected === el.options[i].defaultSelected)) return null;
		return () => [...el.options].forEach((o, i) => (o.selected = chosen[i] ?? o.selected));
	}
	if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
		const checked = el.checked;
		return checked === el.defaultChecked ? null : () => (el.checked = checked);
	}
	if (el instanceof HTMLInputElement && (el.type === 'hidden' || el.type === 'file')) return null;
	if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return null;
	const value = el.value;
	return value === el.defaultValue ? null : () => (el.value = value);
}
