/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets several builds (tests, benchmarks) live side by side in one checkout.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Server-only packages that must not be bundled: they open sockets or load native code.
  serverExternalPackages: ["pino", "bullmq", "ioredis", "postgres"],
  experimental: {
    serverActions: { bodySizeLimit: "1mb" },
  },
  // No other site may frame the dashboard and trick a click on Rotate or Revoke now.
  async headers() {
    return [{ source: "/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }] }];
  },
};

export default nextConfig;
