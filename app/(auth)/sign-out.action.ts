"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOutDeveloper } from "@/lib/auth/developer-auth";

export async function signOutAction(): Promise<void> {
  await signOutDeveloper(await headers());
  redirect("/sign-in");
}
