/** A sign-up or sign-in the developer can fix; the message is shown to them as is. */
export class AuthFailure extends Error {
  constructor(
    message: string,
    /** The form field the message belongs next to, or null for the whole form. */
    readonly field: "email" | "password" | null = null,
  ) {
    super(message);
    this.name = "AuthFailure";
  }
}
