import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance` for a form whose button is disabled while it submits: `busy(true)` on submit, then the page is
 * updated as it would be without JavaScript (`{ reset: false }` keeps what was typed, for forms that come back
 * with errors or a dry run), then `busy(false)`.
 */
export function whileSubmitting(busy: (on: boolean) => void, options: { reset?: boolean } = {}): SubmitFunction {
	return () => {
		busy(true);
		return async ({ update }) => {
			await update(options);
			busy(false);
		};
	};
}
