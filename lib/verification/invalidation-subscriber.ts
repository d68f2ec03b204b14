import type { Redis } from "ioredis";
import { logger } from "@/lib/logger";
import { getSubscriber } from "@/lib/redis";
import { KEY_INVALIDATION_CHANNEL, keyInvalidationSchema } from "./invalidation-channel";
import type { KeyCache } from "./key-cache";

const log = logger.child({ module: "key-invalidation" });

const globalForSubscription = globalThis as unknown as { rekeyInvalidationSubscribed?: boolean };

/** Parses one pub/sub message; anything that is not an invalidation is ignored. */
export function invalidatedKeyId(message: string): string | null {
  try {
    const parsed = keyInvalidationSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data.keyId : null;
  } catch {
    return null;
  }
}

function onMessage(cache: KeyCache, channel: string, message: string): void {
  if (channel !== KEY_INVALIDATION_CHANNEL) return;

  const keyId = invalidatedKeyId(message);
  if (!keyId) {
    log.warn({ channel }, "ignored a malformed key invalidation");
    return;
  }
  const dropped = cache.dropKey(keyId);
  log.debug({ keyId, dropped }, "key invalidation received");
}

type Subscription = { state: "idle" | "pending" | "subscribed" };

function subscribe(subscriber: Redis, subscription: Subscription): void {
  subscription.state = "pending";
  subscriber
    .subscribe(KEY_INVALIDATION_CHANNEL)
    .then(() => {
      subscription.state = "subscribed";
      log.info({ channel: KEY_INVALIDATION_CHANNEL }, "listening for key invalidations");
    })
    .catch((error: Error) => {
      subscription.state = "idle";
      log.warn({ err: error.message }, "could not subscribe yet");
    });
}

/**
 * Subscribes this process's cache to key invalidations, once and lazily (on the first
 * verification), so that builds and pages that never verify keys open no connection. When
 * Redis is away, verification goes on from Postgres and entries die on their own; after a
 * reconnect the cache is emptied, since messages sent meanwhile were missed.
 */
export function ensureInvalidationSubscription(cache: KeyCache): void {
  if (globalForSubscription.rekeyInvalidationSubscribed) return;
  globalForSubscription.rekeyInvalidationSubscribed = true;

  const subscriber = getSubscriber();
  const subscription: Subscription = { state: "idle" };
  let connectedBefore = subscriber.status === "ready";

  subscriber.on("message", (channel: string, message: string) => {
    onMessage(cache, channel, message);
  });
  // ioredis resubscribes by itself after a reconnect, but only to subscriptions that once
  // succeeded; a first attempt that failed while Redis was away is retried here.
  subscriber.on("ready", () => {
    if (connectedBefore) cache.clear();
    connectedBefore = true;
    if (subscription.state === "idle") subscribe(subscriber, subscription);
  });

  subscribe(subscriber, subscription);
}
