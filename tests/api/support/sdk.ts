import urBackend, { UrBackendError } from "@urbackend/sdk";

/** The published client, pointed at the app under test. */
export function sdkClient(baseUrl: string, apiKey: string) {
  return urBackend({ apiKey, baseUrl });
}

/** The error an SDK call failed with; fails the test if the call succeeded. */
export async function sdkError(call: Promise<unknown>): Promise<UrBackendError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof UrBackendError) return error;
    throw error;
  }
  throw new Error("the SDK call succeeded, an error was expected");
}
