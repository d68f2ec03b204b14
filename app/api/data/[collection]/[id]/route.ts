import { getDb } from "@/db/client";
import { resolveCollection } from "@/lib/data/collections";
import { deleteOne, getOne, patchOne, replaceOne } from "@/lib/data/documents";
import { badRequest } from "@/lib/public-api/api-error";
import { type ApiContext, apiRoute } from "@/lib/public-api/api-route";
import { readJsonObject } from "@/lib/public-api/read-json-body";

export const dynamic = "force-dynamic";
export { preflight as OPTIONS } from "@/lib/public-api/cors";

type Params = { collection: string; id: string };

async function scopeOf({ key, url }: ApiContext, collection: string) {
  if (url.search.length > 1) throw badRequest("This route takes no query parameters.");
  return resolveCollection(getDb(), key.project.id, collection);
}

export const GET = apiRoute<Params>("any", async (context, { collection, id }) => {
  const scope = await scopeOf(context, collection);
  return { data: await getOne(getDb(), scope, id), message: "Document fetched." };
});

export const PUT = apiRoute<Params>("secret", async (context, { collection, id }) => {
  const scope = await scopeOf(context, collection);
  const body = await readJsonObject(context.request);
  return { data: await replaceOne(getDb(), scope, id, body), message: "Document replaced." };
});

export const PATCH = apiRoute<Params>("secret", async (context, { collection, id }) => {
  const scope = await scopeOf(context, collection);
  const body = await readJsonObject(context.request);
  return { data: await patchOne(getDb(), scope, id, body), message: "Document updated." };
});

// The SDK's delete() reports success when `data.id` equals the id it asked to delete.
export const DELETE = apiRoute<Params>("secret", async (context, { collection, id }) => {
  const scope = await scopeOf(context, collection);
  await deleteOne(getDb(), scope, id);
  return { data: { id, deleted: true }, message: "Document deleted" };
});
