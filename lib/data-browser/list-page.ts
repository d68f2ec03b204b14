import { z } from "zod";

const MAX_PAGE = 100_000;

const pageNumberSchema = z.coerce.number().int().min(1).max(MAX_PAGE);

/**
 * The `page` of a dashboard list's query string. Anything that is not a page number (a
 * typo, a negative, a repeated parameter's later values) falls back to the first page.
 */
export function parsePageNumber(raw: string | string[] | undefined): number {
  const first = Array.isArray(raw) ? raw[0] : raw;
  const parsed = pageNumberSchema.safeParse(first);
  return parsed.success ? parsed.data : 1;
}

export type ListPage = { page: number; pageCount: number; offset: number; limit: number };

/** Where a page starts; a page past the end shows the last page rather than nothing. */
export function listPage(requested: number, total: number, pageSize: number): ListPage {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requested, pageCount);
  return { page, pageCount, offset: (page - 1) * pageSize, limit: pageSize };
}
