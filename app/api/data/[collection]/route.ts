import { getDb } from "@/db/client";
import { resolveCollection } from "@/lib/data/collections";
import { countMatching, insertOne, listMatching } from "@/lib/data/documents";
import { parseListQuery } from "@/lib/data/list-query";
import { apiRoute } from "@/lib/public-api/api-route";
import { readJsonObject } from "@/lib/public-api/read-json-body";

export const dynamic = "force-dynamic";
export { preflight as OPTIONS } from "@/lib/public-api/cors";

type Params = { collection: string };

export const GET = apiRoute<Params>("any", async ({ key, url }, { collection }) => {
  const query = parseListQuery(url.searchParams);
  const db = getDb();
  const scope = await resolveCollection(db, key.project.id, collection);

  if (query.count) {
    return { data: { count: await countMatching(db, scope, query) }, message: "Count fetched." };
  }
  return { data: await listMatching(db, scope, query), message: "Documents fetched." };
});

export const POST = apiRoute<Params>("secret", async ({ key, request }, { collection }) => {
  const db = getDb();
  const scope = await resolveCollection(db, key.project.id, collection);
  const body = await readJsonObject(request);
  return { status: 201, data: await insertOne(db, scope, body), message: "Document created." };
});
