import type {
  FixReference,
  Problem,
  ProblemAttachment,
  ProblemEvent,
  ProblemSummary,
} from '../../../domain/contracts/problems.js';
import { allowedProblemMoves } from '../../../domain/problems/problem-lifecycle.js';
import type { NamedProblemRow } from './problems.repository.js';

const ref = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

export function toProblemSummary(row: NamedProblemRow): ProblemSummary {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    subject: row.subject,
    priority: row.priority,
    group: ref(row.group_id, row.group_name),
    owner: ref(row.owner_id, row.owner_name),
    incidentCount: Number(row.incident_count ?? 0),
    workaroundApplications: row.workaround_applications,
    sla: row.agreement_id
      ? {
          agreementId: row.agreement_id,
          resolutionDueAt: row.resolution_due_at,
          state: row.sla_state,
          met: row.resolution_met === null ? null : row.resolution_met === 1,
          resolutionMinutes: row.resolution_minutes,
        }
      : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toProblem(
  row: NamedProblemRow,
  related: {
    organizations: { id: string; name: string }[];
    services: { id: string; name: string; organization_id: string }[];
    attachments: ProblemAttachment[];
  },
): Problem {
  return {
    ...toProblemSummary(row),
    descriptionHtml: row.description_html,
    impact: row.impact,
    urgency: row.urgency,
    organizations: related.organizations,
    services: related.services.map((s) => ({ id: s.id, name: s.name, organizationId: s.organization_id })),
    symptomHtml: row.symptom_html,
    causeHtml: row.cause_html,
    businessImpactHtml: row.business_impact_html,
    workaroundDeskHtml: row.workaround_desk_html,
    workaroundPublicHtml: row.workaround_public_html,
    permanentFixHtml: row.permanent_fix_html,
    fixReferences: JSON.parse(row.fix_references) as FixReference[],
    attachments: related.attachments,
    createdBy: { id: row.created_by_id, name: row.creator_name },
    knownErrorAt: row.known_error_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    allowedStatuses: allowedProblemMoves(row.status),
    version: row.version,
  };
}

export function toProblemEvent(row: {
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  kind: string;
  body_html: string | null;
  changes: string;
}): ProblemEvent {
  return {
    id: row.id,
    at: row.at,
    actor: ref(row.actor_id, row.actor_name),
    kind: row.kind,
    bodyHtml: row.body_html,
    changes: JSON.parse(row.changes),
  };
}

/** The snapshot of a problem compared for its timeline and audit: what a person reads changed. */
export function trackedProblemFields(row: {
  status: string;
  subject: string;
  impact: string;
  urgency: string;
  priority: number;
  group_id: string | null;
  owner_id: string | null;
  description_html: string;
  symptom_html: string | null;
  cause_html: string | null;
  business_impact_html: string | null;
  workaround_desk_html: string | null;
  workaround_public_html: string | null;
  permanent_fix_html: string | null;
  fix_references: string;
}) {
  return {
    status: row.status,
    subject: row.subject,
    impact: row.impact,
    urgency: row.urgency,
    priority: row.priority,
    groupId: row.group_id,
    ownerId: row.owner_id,
    description: row.description_html,
    symptom: row.symptom_html,
    cause: row.cause_html,
    businessImpact: row.business_impact_html,
    workaroundDesk: row.workaround_desk_html,
    workaroundPublic: row.workaround_public_html,
    permanentFix: row.permanent_fix_html,
    fixReferences: JSON.parse(row.fix_references) as unknown,
  };
}

export function toProblemAttachment(row: {
  id: string;
  file_name: string;
  content_type: string;
  size: number;
  uploaded_by_id: string;
  uploader_name: string;
  created_at: string;
}): ProblemAttachment {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    uploadedBy: { id: row.uploaded_by_id, name: row.uploader_name },
    createdAt: row.created_at,
  };
}
