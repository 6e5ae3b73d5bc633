import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/http';
import { useT } from '../i18n/locale';
import { fieldErrors } from '../support/logic';
import { ErrorLine, Field, LoadedFields } from '../support/ui';
import { browserNotificationsEnabled, notificationsSupported, setBrowserNotifications } from '../lib/notify';

interface MyNotifications { mention: boolean; direct: boolean; ticketReply: boolean }
interface WorkspaceNotifications { emailDelayMinutes: number | null; defaultDelayMinutes: number }

const MINE = ['me', 'notifications'];
const WORKSPACE = ['ws', 'notifications'];

/** The browser switch: asks the browser's permission when turned on (a click), never on page load. */
function BrowserSwitch() {
  const t = useT();
  const [on, setOn] = useState(browserNotificationsEnabled);
  const [problem, setProblem] = useState<string | null>(notificationsSupported() ? null : t('notify.unsupported'));
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={on} disabled={!notificationsSupported()}
          onChange={(e) => {
            const want = e.target.checked;
            void setBrowserNotifications(want).then((now) => {
              setOn(now);
              setProblem(want && !now ? t('notify.denied') : null);
            });
          }} />
        {t('notify.browser')}
      </label>
      <p className="muted small">{t('notify.browserHint')}</p>
      {problem && <p role="alert" className="field-error">{problem}</p>}
    </>
  );
}

/** My e-mail switches; staff see mentions and direct messages, customers replies to their requests. */
function EmailSwitches({ staff, minutes }: { staff: boolean; minutes: number | null }) {
  const t = useT();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: MINE, queryFn: () => api<MyNotifications>('/api/me/notifications') });
  const save = useMutation({
    mutationFn: (body: MyNotifications) => api<MyNotifications>('/api/me/notifications', { method: 'PUT', body }),
    onSuccess: (v) => qc.setQueryData(MINE, v),
  });
  const kinds = staff ? (['mention', 'direct'] as const) : (['ticketReply'] as const);
  const label = { mention: t('notify.emailMention'), direct: t('notify.emailDirect'), ticketReply: t('notify.emailTicketReply') };
  return (
    <fieldset>
      <legend>{t('notify.email')}</legend>
      <ErrorLine error={q.error ?? save.error} />
      {minutes !== null && <p className="muted small">{t('notify.emailHint', { minutes })}</p>}
      {kinds.map((k) => (
        <label className="check" key={k}>
          <input type="checkbox" checked={!!q.data?.[k]} disabled={!q.data || save.isPending}
            onChange={(e) => q.data && save.mutate({ ...q.data, [k]: e.target.checked })} />
          {label[k]}
        </label>
      ))}
    </fieldset>
  );
}

/** The workspace's wait before an unread message is mailed (staff). */
function WorkspaceDelay({ data }: { data: WorkspaceNotifications | undefined }) {
  const t = useT();
  const qc = useQueryClient();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (data) setValue(String(data.emailDelayMinutes ?? data.defaultDelayMinutes));
  }, [data]);
  const save = useMutation({
    mutationFn: (minutes: number) => api<WorkspaceNotifications>('/api/workspace/notifications', { method: 'PUT', body: { emailDelayMinutes: minutes } }),
    onSuccess: (v) => qc.setQueryData(WORKSPACE, v),
    onError: (e) => setError(e instanceof ApiError ? (fieldErrors(e.problem).emailDelayMinutes ?? e.message) : String(e)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > 1440) return setError(t('notify.delayInvalid'));
    setError(undefined);
    save.mutate(n);
  };
  return (
    <form onSubmit={submit} noValidate className="row">
      <LoadedFields loaded={!!data}>
        <Field label={t('notify.workspaceDelay')} error={error}>
          {(p) => <input {...p} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <button type="submit" className="btn small" disabled={save.isPending}>{t('save')}</button>
      </LoadedFields>
      <span role="status" className="muted">{save.isSuccess ? t('settings.saved') : ''}</span>
    </form>
  );
}

/** Notifications: the browser switch (staff), my e-mail switches, and for staff the workspace's delay. */
export function NotificationSettings({ staff }: { staff: boolean }) {
  const ws = useQuery({
    queryKey: WORKSPACE,
    queryFn: () => api<WorkspaceNotifications>('/api/workspace/notifications'),
    enabled: staff,
  });
  const minutes = staff && ws.data ? (ws.data.emailDelayMinutes ?? ws.data.defaultDelayMinutes) : null;
  return (
    <>
      {staff && <BrowserSwitch />}
      <EmailSwitches staff={staff} minutes={minutes} />
      {staff && <WorkspaceDelay data={ws.data} />}
    </>
  );
}
