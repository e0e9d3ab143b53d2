import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../domain/contracts/problems.js';
import { rolesGrant } from '../../../domain/permissions.js';
import { OPEN_PROBLEM_STATUSES } from '../../../domain/problems/problem-lifecycle.js';
import { useCurrentUser } from '../api/use-session.js';
import { useProblemCommitments } from '../api/use-supervision.js';
import { CommitmentModal } from '../components/commitment-modal.js';

/** On the problem page: supervisors promise a date for an open problem, with the board's dialog. */
export function ProblemCommitmentButton({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const allowed = rolesGrant(me.roles, 'supervision.act') && OPEN_PROBLEM_STATUSES.includes(problem.status);
  const commitments = useProblemCommitments(problem.id, allowed);
  const [opened, setOpened] = useState(false);
  if (!allowed) return null;
  const open = commitments.data?.find((c) => c.state === 'open') ?? null;
  return (
    <>
      <Button variant="light" onClick={() => setOpened(true)}>
        {t('supervision.commitments.record')}
      </Button>
      {opened ? (
        <CommitmentModal
          caseId={problem.id}
          kind="problem"
          number={problem.number}
          openPromisedAt={open?.promisedAt ?? null}
          opened
          onClose={() => setOpened(false)}
        />
      ) : null}
    </>
  );
}
