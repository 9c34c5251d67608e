import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { echoable, errorFor, errorsOf, invalid, readForm, readUpload, refuse, textFields } from './forms';

const schema = z
	.object({
		email: z.string().email('An email address.'),
		password: z.string().min(8, 'At least 8 characters.'),
		age: z.coerce.number().int('A whole number.')
	})
	.refine((v) => v.password !== v.email, { message: 'Not your email as password.' });

function post(fields: Record<string, string | Blob>): Request {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.append(k, v);
	return new Request('http://localhost/x', { method: 'POST', body });
}

describe('readForm', () => {
	it('gives the typed values of a good form', async () => {
		const read = await readForm(post({ email: 'a@b.eu', password: 'long enough', age: '42' }), schema);
		expect(read.ok).toBe(true);
		if (read.ok) expect(read.data).toEqual({ email: 'a@b.eu', password: 'long enough', age: 42 });
	});

	it('gives every message per field, and never echoes a password', async () => {
		const read = await readForm(post({ email: 'nope', password: 'short', age: '4.5' }), schema);
		expect(read.ok).toBe(false);
		if (read.ok) return;
		expect(read.errors).toEqual({
			email: ['An email address.'],
			password: ['At least 8 characters.'],
			age: ['A whole number.']
		});
		expect(read.values).toEqual({ email: 'nope', age: '4.5' });
	});

	it('puts issues without a path under "form"', async () => {
		const read = await readForm(
			post({ email: 'a@b.eu', password: 'a@b.eu', age: '1' }),
			z.object({ email: z.string(), password: z.string() }).refine(() => false, 'Whole form.')
		);
		expect(!read.ok && read.errors).toEqual({ form: ['Whole form.'] });
	});

	it('leaves files out of the values and keeps the form for them', async () => {
		const read = await readForm(post({ note: 'hi', file: new Blob(['x']) }), z.object({ note: z.string() }));
		expect(read.values).toEqual({ note: 'hi' });
		expect(read.form.get('file')).toBeInstanceOf(Blob);
	});

	it('takes an input builder and extra secret names', async () => {
		const body = new FormData();
		body.append('tag', 'a');
		body.append('tag', 'b');
		body.append('pin', '1234');
		const read = await readForm(body, z.object({ tags: z.array(z.string()).min(3, 'Three tags.'), pin: z.string() }), {
			input: (f) => ({ tags: f.getAll('tag').map(String), pin: String(f.get('pin')) }),
			secret: ['pin']
		});
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.errors).toEqual({ tags: ['Three tags.'] });
		expect(read.values).toEqual({ tags: ['a', 'b'] });
	});
});

describe('helpers', () => {
	it('textFields keeps the last of a repeated name', () => {
		const f = new FormData();
		f.append('a', '1');
		f.append('a', '2');
		expect(textFields(f)).toEqual({ a: '2' });
	});
	it('echoable drops password-like names', () => {
		expect(echoable({ adminPassword: 'x', newPassword: 'y', name: 'z' })).toEqual({ name: 'z' });
	});
	it('errorsOf reads a zod error', () => {
		const r = z.object({ a: z.string().min(2, 'Two.').regex(/^\d+$/, 'Digits.') }).safeParse({ a: 'x' });
		expect(errorsOf(r.error!)).toEqual({ a: ['Two.', 'Digits.'] });
	});
	it('invalid and refuse make one failure shape', () => {
		const bad = invalid({ errors: errorFor('a', 'No.'), values: { a: '' } }, { form: 'create' });
		expect(bad.status).toBe(400);
		expect(bad.data).toEqual({ form: 'create', errors: { a: ['No.'] }, values: { a: '' } });
		const stale = refuse(409, { a: 'mine' }, errorFor('form', 'Someone saved first.'));
		expect(stale.status).toBe(409);
		expect(stale.data).toEqual({ errors: { form: ['Someone saved first.'] }, values: { a: 'mine' } });
	});
});

describe('readUpload', () => {
	const options = z.object({ mode: z.enum(['dry', 'import'], 'Choose one.') });
	const rules = {
		maxBytes: 10,
		tooLarge: (bytes: number, fileName?: string) => `${fileName ?? 'body'}: ${bytes} bytes`,
		unreadable: 'Unreadable.',
		noFile: 'Choose a file.'
	};
	const file = (bytes: number) => new File(['x'.repeat(bytes)], 'a.csv');

	it('gives the options and the file', async () => {
		const read = await readUpload(post({ mode: 'dry', file: file(3) }), options, rules);
		expect(read.ok && { mode: read.data.mode, name: read.file.name, values: read.values }).toEqual({
			mode: 'dry',
			name: 'a.csv',
			values: { mode: 'dry' }
		});
	});

	it('refuses a body announced as too large before reading it', async () => {
		const request = new Request('http://localhost/x', {
			method: 'POST',
			body: 'never read',
			headers: { 'content-length': String(100 * 1024) }
		});
		const read = await readUpload(request, options, rules);
		expect(!read.ok && read.refusal).toMatchObject({ status: 413, data: { errors: { form: ['body: 102400 bytes'] } } });
		expect(request.bodyUsed).toBe(false);
	});

	it('refuses bad options, a missing file and a file too large, echoing the options', async () => {
		const refusal = async (fields: Record<string, string | Blob>) => {
			const read = await readUpload(post(fields), options, rules);
			return !read.ok && read.refusal;
		};
		expect(await refusal({ mode: 'x', file: file(1) })).toMatchObject({
			status: 400,
			data: { errors: { mode: ['Choose one.'] } }
		});
		expect(await refusal({ mode: 'dry' })).toMatchObject({
			status: 400,
			data: { errors: { file: ['Choose a file.'] }, values: { mode: 'dry' } }
		});
		expect(await refusal({ mode: 'dry', file: file(11) })).toMatchObject({
			status: 413,
			data: { errors: { form: ['a.csv: 11 bytes'] }, values: { mode: 'dry' } }
		});
	});

	it('refuses a body it cannot read', async () => {
		const request = new Request('http://localhost/x', {
			method: 'POST',
			body: 'not multipart',
			headers: { 'content-type': 'multipart/form-data; boundary=x' }
		});
		const read = await readUpload(request, options, rules);
		expect(!read.ok && read.refusal).toMatchObject({ status: 413, data: { errors: { form: ['Unreadable.'] } } });
	});
});
