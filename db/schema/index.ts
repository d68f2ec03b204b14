export * from "./api-keys";
export * from "./audit-events";
export * from "./auth";
export * from "./data";
export * from "./email-messages";
export * from "./projects";
