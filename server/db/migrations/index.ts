import type { Migration } from 'kysely';
import * as foundation from './20261129_0001_foundation.js';
import * as tickets from './20261129_0002_tickets.js';
import * as ticketLinks from './20261129_0003_ticket_links.js';
import * as supportLevels from './20261129_0004_support_levels.js';
import * as procedures from './20261129_0005_procedures.js';
import * as agreements from './20261129_0006_agreements.js';
import * as ticketDeadlines from './20261129_0007_ticket_deadlines.js';
import * as agentShifts from './20261129_0008_agent_shifts.js';
import * as slaDetection from './20261129_0009_sla_detection.js';
import * as mail from './20261129_0010_mail.js';
import * as configGeneration from './20261129_0011_config_generation.js';
import * as listPaging from './20261129_0012_list_paging.js';
import * as openTicketWord from './20261129_0013_open_ticket_word.js';
import * as jobRuns from './20261207_0014_job_runs.js';
import * as signInSecurity from './20261207_0015_sign_in_security.js';
import * as webhooks from './20261207_0016_webhooks.js';
import * as mfaOidc from './20261207_0017_mfa_oidc.js';
import * as attachmentScans from './20261207_0018_attachment_scans.js';
import * as webhookDeliveryPruning from './20261207_0020_webhook_delivery_pruning.js';
import * as dueSort from './20261207_0021_due_sort.js';
import * as phoneSearch from './20261207_0022_phone_search.js';
import * as passwordResets from './20261207_0023_password_resets.js';
import * as mailSendersBounces from './20261207_0024_mail_senders_bounces.js';
import * as withheldFiles from './20261207_0025_withheld_files.js';
import * as problems from './20261207_0027_problems.js';
import * as problemJobs from './20261207_0028_problem_jobs.js';
import * as problemSla from './20261207_0029_problem_sla.js';
import * as ticketSurveys from './20261207_0030_ticket_surveys.js';
import * as questionnaires from './20261208_0031_questionnaires.js';
import * as campaigns from './20261208_0032_campaigns.js';
import * as campaignSchedule from './20261208_0033_campaign_schedule.js';
import * as kpiTargets from './20261208_0034_kpi_targets.js';

/** Every migration, by name; names sort in the order they were written. */
export const migrations: Record<string, Migration> = {
  '20261129_0001_foundation': foundation,
  '20261129_0002_tickets': tickets,
  '20261129_0003_ticket_links': ticketLinks,
  '20261129_0004_support_levels': supportLevels,
  '20261129_0005_procedures': procedures,
  '20261129_0006_agreements': agreements,
  '20261129_0007_ticket_deadlines': ticketDeadlines,
  '20261129_0008_agent_shifts': agentShifts,
  '20261129_0009_sla_detection': slaDetection,
  '20261129_0010_mail': mail,
  '20261129_0011_config_generation': configGeneration,
  '20261129_0012_list_paging': listPaging,
  '20261129_0013_open_ticket_word': openTicketWord,
  '20261207_0014_job_runs': jobRuns,
  '20261207_0015_sign_in_security': signInSecurity,
  '20261207_0016_webhooks': webhooks,
  '20261207_0017_mfa_oidc': mfaOidc,
  '20261207_0018_attachment_scans': attachmentScans,
  '20261207_0020_webhook_delivery_pruning': webhookDeliveryPruning,
  '20261207_0021_due_sort': dueSort,
  '20261207_0022_phone_search': phoneSearch,
  '20261207_0023_password_resets': passwordResets,
  '20261207_0024_mail_senders_bounces': mailSendersBounces,
  '20261207_0025_withheld_files': withheldFiles,
  '20261207_0027_problems': problems,
  '20261207_0028_problem_jobs': problemJobs,
  '20261207_0029_problem_sla': problemSla,
  '20261207_0030_ticket_surveys': ticketSurveys,
  '20261208_0031_questionnaires': questionnaires,
  '20261208_0032_campaigns': campaigns,
  '20261208_0033_campaign_schedule': campaignSchedule,
  '20261208_0034_kpi_targets': kpiTargets,
};
