import { randomUUID } from "node:crypto";
import { logger } from "@/lib/logger";
import type { EmailTransport, OutgoingEmail, SentEmail } from "./email-transport";

const log = logger.child({ module: "email-local" });

/**
 * The development transport: nothing leaves the machine. The outbox row itself is the
 * delivered message (the worker marks it sent with this provider id), and /dev/mailbox
 * shows it.
 */
export function createLocalTransport(): EmailTransport {
  return {
    name: "local",
    async send(message: OutgoingEmail): Promise<SentEmail> {
      const providerId = `local-${randomUUID()}`;
      log.info({ messageId: message.id, providerId }, "email delivered to the local mailbox");
      return { providerId };
    },
  };
}
