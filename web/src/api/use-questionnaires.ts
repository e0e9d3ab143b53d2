import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateQuestionnaireBody,
  PatchVersionBody,
  Questionnaire,
  QuestionnaireComment,
  QuestionnaireVersion,
} from '../../../domain/contracts/questionnaires.js';
import { apiRequest } from './client.js';

/** Questionnaires designed with the client: the desk drafts and shares, client managers comment and approve. */
const questionnairesKey = ['questionnaires'] as const;
const oneKey = (id: string) => [...questionnairesKey, id] as const;
const versionKey = (id: string, number: number) => [...oneKey(id), 'versions', number] as const;
const commentsKey = (id: string, number: number) => [...versionKey(id, number), 'comments'] as const;
const base = (id: string) => `/questionnaires/${encodeURIComponent(id)}`;
const versionPath = (id: string, number: number) => `${base(id)}/versions/${number}`;

/** `enabled: false` for a viewer who may not read them (a campaign page read with surveys.read only). */
export function useQuestionnaires(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: questionnairesKey,
    queryFn: ({ signal }) => apiRequest<{ items: Questionnaire[] }>('/questionnaires', { signal }),
    enabled: options.enabled ?? true,
  });
}

export function useQuestionnaire(id: string) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: ({ signal }) => apiRequest<Questionnaire>(base(id), { signal }),
  });
}

export function useQuestionnaireVersion(id: string, number: number | null) {
  return useQuery({
    queryKey: versionKey(id, number ?? 0),
    queryFn: ({ signal }) => apiRequest<QuestionnaireVersion>(versionPath(id, number ?? 0), { signal }),
    enabled: number !== null,
  });
}

export function useQuestionnaireComments(id: string, number: number | null) {
  return useQuery({
    queryKey: commentsKey(id, number ?? 0),
    queryFn: ({ signal }) =>
      apiRequest<{ items: QuestionnaireComment[] }>(`${versionPath(id, number ?? 0)}/comments`, { signal }),
    enabled: number !== null,
  });
}

export function useCreateQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateQuestionnaireBody) =>
      apiRequest<Questionnaire>('/questionnaires', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: questionnairesKey }),
  });
}

/** Share, approve, a new draft or an edit: each changes the version list, so the questionnaire is read again. */
function useVersionMutation<T>(id: string, request: (input: T) => Promise<QuestionnaireVersion>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (data) => {
      queryClient.setQueryData(versionKey(id, data.number), data);
      return queryClient.invalidateQueries({ queryKey: questionnairesKey });
    },
  });
}

export const usePatchDraft = (id: string, number: number) =>
  useVersionMutation(id, (body: PatchVersionBody) =>
    apiRequest<QuestionnaireVersion>(versionPath(id, number), { method: 'PATCH', body }),
  );

export const useShareVersion = (id: string, number: number) =>
  useVersionMutation(id, () =>
    apiRequest<QuestionnaireVersion>(`${versionPath(id, number)}/share`, { method: 'POST' }),
  );

export const useApproveVersion = (id: string, number: number) =>
  useVersionMutation(id, () =>
    apiRequest<QuestionnaireVersion>(`${versionPath(id, number)}/approve`, { method: 'POST' }),
  );

export const useNewDraft = (id: string) =>
  useVersionMutation(id, (fromNumber: number) =>
    apiRequest<QuestionnaireVersion>(`${base(id)}/versions`, { method: 'POST', body: { fromNumber } }),
  );

export function useAddComment(id: string, number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      apiRequest<QuestionnaireComment>(`${versionPath(id, number)}/comments`, { method: 'POST', body: { body } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commentsKey(id, number) }),
  });
}
