import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { THEME_BOOT_SCRIPT } from '@/components/portal/theme-boot';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Genesys Tenant Portal', template: '%s · Genesys Tenant Portal' },
  description: 'Multi-tenant administration portal for Genesys Cloud organizations.',
};

export const viewport: Viewport = {
  colorScheme: 'light dark',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The boot script sets data-theme before hydration; React must not "correct" it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
