import { timestamp } from 'drizzle-orm/pg-core';

export type { SourceRef } from '../../../sources';

export const visibilities = ['public', 'internal'] as const;
export type Visibility = (typeof visibilities)[number];

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
