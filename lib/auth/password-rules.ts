// Shared by better-auth's configuration on the server and the forms in the browser, so this
// module must stay free of server-only imports.
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
