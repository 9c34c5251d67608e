/** A cited source, shown beside every fact the app displays. */
export interface SourceRef {
	title: string;
	url?: string | null;
	kind?: string | null;
	locator?: string | null;
	note?: string | null;
	published?: string | null;
	/** A verbatim quote from the source, when we keep one. */
	quote?: string | null;
}

/** Only http(s) addresses become links: a stored javascript: or data: address must never run script. */
export function isLinkableUrl(url: string | null | undefined): url is string {
	return !!url && /^https?:\/\//i.test(url);
}
