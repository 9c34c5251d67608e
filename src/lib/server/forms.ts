import { fail } from '@sveltejs/kit';
import type { z } from 'zod';

/**
 * The one way an action reads its form: every text field into a zod schema's typed values, or a refusal with
 * the one error shape below and what was typed, so the page shows the form again without JavaScript.
 */

/** Messages per field name; `form` holds what concerns the form as a whole. The one error shape of every form. */
export type FieldErrors = Partial<Record<string, string[]>>;

/** What was typed, as text, to fill the form again. */
export type FormValues = Record<string, string>;

/** Fields never echoed back: a password is typed again, not sent back in the page. */
const secretName = /password/i;

/** The text fields of a form (files left out; a repeated name keeps its last value). */
export function textFields(form: FormData): FormValues {
	const values: FormValues = {};
	for (const [name, value] of form) if (typeof value === 'string') values[name] = value;
	return values;
}

/** `values` without the fields named `secret` or with "password" in their name. */
export function echoable<V extends object>(values: V, secret: readonly string[] = []): V {
	return Object.fromEntries(
		Object.entries(values).filter(([name]) => !secretName.test(name) && !secret.includes(name))
	) as V;
}

/** A zod error as field errors: each issue under the first step of its path, or `form` when it has none. */
export function errorsOf(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues)
		(errors[issue.path.length ? String(issue.path[0]) : 'form'] ??= []).push(issue.message);
	return errors;
}

export type FormRead<T, V> =
	{ ok: true; data: T; values: V; form: FormData } | { ok: false; errors: FieldErrors; values: V; form: FormData };

export interface ReadOptions<V> {
	/** How the form becomes the schema's input, when it is more than its text fields (repeated fields, checkboxes). */
	input?: (form: FormData) => V;
	/** Fields left out of the echoed values, besides any named like a password. */
	secret?: readonly string[];
}

/**
 * Reads a request's form (or an already-read `FormData`) with `schema`. On success `data` is the schema's
 * output; otherwise `errors` says what is wrong. Either way `values` is what was typed, secrets left out, and
 * `form` the form itself (for a file part or an extra button).
 */
export async function readForm<S extends z.ZodType, V extends object = FormValues>(
	source: Request | FormData,
	schema: S,
	options: ReadOptions<V> = {}
): Promise<FormRead<z.output<S>, V>> {
	const form = source instanceof FormData ? source : await source.formData();
	const input = options.input ? options.input(form) : (textFields(form) as V);
	const values = echoable(input, options.secret);
	const parsed = schema.safeParse(input);
	return parsed.success
		? { ok: true, data: parsed.data, values, form }
		: { ok: false, errors: errorsOf(parsed.error), values, form };
}

/**
 * A refused form: `fail(status, { errors, values, ...extra })`. `extra` names which form of the page it was, or
 * carries what the page shows beside it (the newer version someone else saved).
 */
export function refuse<V, const X extends object = object>(status: number, values: V, errors: FieldErrors, extra?: X) {
	return fail(status, { ...(extra as X), errors, values });
}

/** The refusal for a form that did not parse (400). */
export function invalid<V, const X extends object = object>(read: { errors: FieldErrors; values: V }, extra?: X) {
	return refuse(400, read.values, read.errors, extra);
}

/** One message for one field. */
export const errorFor = (field: string, message: string): FieldErrors => ({ [field]: [message] });

/** A domain function's one message per field (what the query modules return) as field errors. */
export function messagesOf(messages: Record<string, string>): FieldErrors {
	return Object.fromEntries(Object.entries(messages).map(([field, message]) => [field, [message]]));
}

export interface UploadRules {
	/** The largest file part taken. */
	maxBytes: number;
	/** Why a body or file of `bytes` is refused (`fileName` once the file part is read). */
	tooLarge: (bytes: number, fileName?: string) => string;
	/** Why a body that could not be read (cut off, or over the server's BODY_SIZE_LIMIT) is refused. */
	unreadable: string;
	/** What to choose when the form came without a file. */
	noFile: string;
}

/**
 * Reads an import's upload: its other fields with `schema`, as `readForm` does, and its `file` part. A body
 * announced as larger than `maxBytes` (and room for the other fields) is refused with a 413 before it is read, so
 * the answer does not wait for the whole file to arrive; so is one that cannot be read. Every refusal is ready to
 * return from the action.
 */
export async function readUpload<S extends z.ZodType>(request: Request, schema: S, rules: UploadRules) {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > rules.maxBytes + 64 * 1024)
		return { ok: false as const, refusal: refuse(413, {}, errorFor('form', rules.tooLarge(length))) };
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false as const, refusal: refuse(413, {}, errorFor('form', rules.unreadable)) };
	}
	const read = await readForm(form, schema);
	if (!read.ok) return { ok: false as const, refusal: invalid(read) };
	const { data, values } = read;
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0)
		return { ok: false as const, refusal: refuse(400, values, errorFor('file', rules.noFile)) };
	if (file.size > rules.maxBytes)
		return { ok: false as const, refusal: refuse(413, values, errorFor('form', rules.tooLarge(file.size, file.name))) };
	return { ok: true as const, data, values, file };
}
