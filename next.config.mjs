/** @type {import('next').NextConfig} */
const nextConfig = {
  // Never advertise the framework; responses carry only what the portal chooses.
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() → app/forbidden.tsx with a 403 for pages a role cannot use.
  experimental: { authInterrupts: true },
  // Stable across instances built from the same commit (several instances behind one balancer).
  deploymentId: process.env.DEPLOYMENT_ID || undefined,
  // The emulator and launch scripts are not part of the app bundle.
  outputFileTracingExcludes: { '*': ['emulator/**', 'bench/**', 'e2e/**', 'tests/**'] },
};

export default nextConfig;
