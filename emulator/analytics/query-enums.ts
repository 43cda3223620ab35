// Allowed values of ConversationAggregationQuery, copied from the official SDK docs:
// MyPureCloud/platform-client-sdk-java build/docs/ConversationAggregationQuery.md (SDK 259.0.0,
// GroupByEnum / MetricsEnum / AlternateTimeDimensionEnum / QueryTypeEnum),
// ConversationAggregateQueryPredicate.md (TypeEnum / DimensionEnum / OperatorEnum),
// ConversationAggregateQueryFilter.md (TypeEnum), ConversationAggregationView.md (FunctionEnum).
// The JS SDK's index.d.ts types these as plain strings, so the docs are the only enum source.
// "OutdatedSdkVersion" is an SDK deserialisation placeholder, not a value the API accepts.

export const METRICS = [
  'nBlindTransferred', 'nBotInteractions', 'nCallbackAttempts', 'nCallbackOverSla', 'nCallbackScheduled',
  'nCfcOffered', 'nCobrowseSessions', 'nConnected', 'nConsult', 'nConsultTransferred', 'nConversations',
  'nError', 'nOffered', 'nOutbound', 'nOutboundAbandoned', 'nOutboundAttempted', 'nOutboundConnected',
  'nOverSla', 'nStateTransitionError', 'nTakeover', 'nTransferred', 'oAudioMessageCount',
  'oCallbackServiceLevel', 'oExternalAudioMessageCount', 'oExternalMediaCount', 'oMediaCount',
  'oMessageCount', 'oMessageSegmentCount', 'oMessageTurn', 'oServiceLevel', 'oServiceTarget',
  'oSkillExpressionApplications', 'tAbandon', 'tAcd', 'tActiveCallback', 'tActiveCallbackComplete', 'tAcw',
  'tAgentResponseTime', 'tAgentVideoConnected', 'tAlert', 'tAnswered', 'tAverageAgentResponseTime',
  'tAverageCustomerResponseTime', 'tBarging', 'tCallbackAbandon', 'tCallbackConnect', 'tCallbackNotReached',
  'tCallbackVirtualWait', 'tCfcAbandon', 'tCfcAcd', 'tCfcAnswered', 'tCfcFlowOut', 'tCoaching',
  'tCoachingComplete', 'tConnected', 'tContacting', 'tDialing', 'tFirstConnect', 'tFirstDial',
  'tFirstEngagement', 'tFirstResponse', 'tFlowOut', 'tHandle', 'tHeld', 'tHeldComplete', 'tIvr',
  'tMonitoring', 'tMonitoringComplete', 'tNotResponding', 'tPark', 'tParkComplete', 'tScreenMonitoring',
  'tShortAbandon', 'tSnippetRecord', 'tTalk', 'tTalkComplete', 'tTransmitting', 'tUserResponseTime',
  'tVoicemail', 'tWait',
] as const;

export const GROUP_BY_DIMENSIONS = [
  'activeRouting', 'activeSkillId', 'addressFrom', 'addressTo', 'agentAssistantId', 'agentBullseyeRing',
  'agentOwned', 'agentRank', 'agentScore', 'ani', 'assignerId', 'authenticated', 'conversationId',
  'conversationInitiator', 'convertedFrom', 'convertedTo', 'customerParticipation', 'deliveryStatus',
  'destinationAddress', 'direction', 'disconnectType', 'divisionId', 'dnis', 'edgeId', 'eligibleAgentCount',
  'errorCode', 'extendedDeliveryStatus', 'externalContactId', 'externalMediaCount', 'externalOrganizationId',
  'externalTag', 'firstQueue', 'flaggedReason', 'flowInType', 'flowOutType', 'groupId', 'interactionType',
  'journeyActionId', 'journeyActionMapId', 'journeyActionMapVersion', 'journeyCustomerId',
  'journeyCustomerIdType', 'journeyCustomerSessionId', 'journeyCustomerSessionIdType', 'knowledgeBaseId',
  'mediaCount', 'mediaType', 'messageType', 'originatingDirection', 'originatingSocialMediaPublic',
  'outboundCampaignId', 'outboundContactId', 'outboundContactListId', 'participantName', 'peerId',
  'proposedAgentId', 'provider', 'purpose', 'queueId', 'remote', 'removedSkillId', 'requestedLanguageId',
  'requestedRouting', 'requestedRoutingSkillId', 'roomId', 'routingPriority', 'routingRing', 'routingRule',
  'routingRuleType', 'scoredAgentId', 'selectedAgentId', 'selectedAgentRank', 'selfServed', 'sessionDnis',
  'sessionId', 'skillExpressionId', 'stationId', 'teamId', 'usedRouting', 'userId', 'videoPresent',
  'waitingInteractionCount', 'wrapUpCode',
] as const;

// The predicate enum (SDK 212.0.0 docs) additionally lists canonicalExternalContactId.
export const FILTER_DIMENSIONS = [...GROUP_BY_DIMENSIONS, 'canonicalExternalContactId'] as const;

export const FILTER_TYPES = ['and', 'or'] as const;
export const PREDICATE_TYPES = ['dimension', 'property', 'metric'] as const;
export const PREDICATE_OPERATORS = ['matches', 'exists', 'notExists'] as const;
export const VIEW_FUNCTIONS = ['rangeBound'] as const;
export const ALTERNATE_TIME_DIMENSIONS = ['eventTime'] as const;
export const QUERY_TYPES = ['groupBy', 'topN', 'bottomN'] as const;

export type MetricName = (typeof METRICS)[number];
export type GroupByDimension = (typeof GROUP_BY_DIMENSIONS)[number];
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];
