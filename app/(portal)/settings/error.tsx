'use client';

import { PageError } from '@/components/ui/page-error';

export default function SettingsError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError title="Organization settings" {...props} />;
}
