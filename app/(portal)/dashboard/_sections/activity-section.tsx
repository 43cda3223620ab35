import { DashboardSection, SectionError } from '@/components/dashboard/dashboard-section';
import { QueueActivity } from '@/components/dashboard/queue-activity';
import { SECTIONS } from '@/components/dashboard/sections';
import { loadConversationActivity } from '@/lib/dashboard/conversation-activity';
import { settle } from '@/lib/dashboard/settle';
import { sectionOf, type DashboardSource } from '@/lib/dashboard/source';

export async function ActivitySection({ source }: { source: DashboardSource }) {
  const result = await settle(() => loadConversationActivity(source), sectionOf('activity', source));
  return (
    <DashboardSection tenantId={source.tenantId} spec={SECTIONS.activity}>
      {result.ok ? <QueueActivity activity={result.data} /> : <SectionError failure={result.failure} />}
    </DashboardSection>
  );
}
