import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, ApiError, csrfToken } from '../api/http';
import type { Me, Role } from '../api/types';

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      // no goftgu_csrf cookie: no session at all (it lives as long as the refresh token); skip the 401 round trips
      if (!csrfToken()) return null;
      try {
        return await api<Me>('/api/auth/me');
      } catch (e) {
        if (e instanceof ApiError && (e.status === 401 || e.status === 403)) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: 1,
  });
}

export function homeFor(role: Role | undefined): string {
  return role === 'ADMIN' ? '/dashboard/internal-chat' : '/panel/support-chat';
}

/** A `next` parameter is only followed to a path of this app (never another origin). */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/login')) return null;
  return next;
}

export function useLogout() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await api('/api/auth/logout', { method: 'POST' });
    } catch {
      /* cookies may already be gone */
    }
    qc.clear();
    qc.setQueryData(meKey, null);
    navigate('/login', { replace: true });
  }, [qc, navigate]);
}
