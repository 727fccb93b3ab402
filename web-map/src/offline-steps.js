// What the crew member sees of the steps they took without network (step-queue.js): 待同步 on the
// order, a conflict or refusal in their words with what changed and who changed it, and the choice
// to drop the step or send it anyway. The queue is sent when the view starts and whenever the
// network returns. `data-zg-queue` on the crew sheet counts the waiting steps for tests.
import { el } from './dom.js';
import { t, formatDateTime } from './i18n.js';
import { label } from './work-order-parts.js';
import { openStepStore, createStepQueue, PENDING, CONFLICT } from './step-queue.js';

// deps: { api, user (from /api/me), sheet (the crew view's element), allows(state, to) whether the
// crew may take that step from that state, onChange({ sent }) after the queue or the network changed }
export async function connectStepQueue({ api, user, sheet, allows, onChange }) {
  let steps = [];
  const store = await openStepStore();
  // sent: a step left the queue, so the orders as the service has them are worth reading again.
  const refresh = async () => {
    const before = steps.length;
    steps = await queue.steps();
    sheet.dataset.zgQueue = String(steps.length);
    sheet.dataset.zgQueueProblems = String(steps.filter((step) => step.status !== PENDING).length);
    onChange({ sent: steps.length < before });
  };
  const queue = createStepQueue({ api, store, username: user.username, onChange: () => refresh() });
  const online = () => {
    onChange({ sent: false });
    queue.send();
  };
  const offline = () => onChange({ sent: false });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  await refresh();
  queue.send();

  const stepsOf = (orderId) => steps.filter((step) => step.orderId === orderId);

  function notice(step) {
    const problem = step.problem || {};
    const changes = problem.changes;
    return el('div', { className: `zg-crew-step-problem zg-crew-step-${step.status}`, role: 'alert' }, [
      el('p', {
        className: 'zg-crew-step-problem-title',
        text: t(step.status === CONFLICT ? 'crew.queue.conflict' : 'crew.queue.refused', {
          step: label.state(step.to),
          time: formatDateTime(step.takenAt),
        }),
      }),
      changes
        ? el('ul', { className: 'zg-crew-step-changes' }, [
            ...changes.events.map((event) =>
              el('li', {
                text: t('crew.queue.change', {
                  time: formatDateTime(event.at),
                  by: event.by,
                  state: label.state(event.toState),
                  note: event.note || '—',
                }),
              }),
            ),
            el('li', { text: t('crew.queue.now', { state: label.state(changes.state) }) }),
          ])
        : el('p', { className: 'zg-crew-step-reason', text: problem.message }),
      el('div', { className: 'zg-crew-step-actions' }, [
        el(
          'button',
          {
            type: 'button',
            className: 'zg-button zg-button-quiet zg-crew-step-discard',
            onClick: () => queue.discard(step),
          },
          t('crew.queue.discard'),
        ),
        // Sending anyway is offered only where the step can still be taken.
        changes && allows(changes.state, step.to)
          ? el(
              'button',
              { type: 'button', className: 'zg-button zg-crew-step-resend', onClick: () => queue.resend(step) },
              t('crew.queue.resend'),
            )
          : null,
      ]),
    ]);
  }

  return {
    take: (order, step) => queue.take(order, step),
    discard: (step) => queue.discard(step),
    send: () => queue.send(),
    hasWaiting: () => steps.length > 0,
    // The state the order will be in once its waiting steps are sent.
    expectedState: (order) => stepsOf(order.id).at(-1)?.to ?? order.state,
    // Whether the order has a step the crew member must settle before taking another.
    blocked: (orderId) => stepsOf(orderId).some((step) => step.status !== PENDING),
    // 待同步 beside the order's state in the list.
    badge(orderId) {
      const waiting = stepsOf(orderId);
      if (!waiting.length) return null;
      const unsettled = waiting.some((step) => step.status !== PENDING);
      return el('span', {
        className: `zg-crew-pending${unsettled ? ' zg-crew-pending-problem' : ''}`,
        text: t(unsettled ? 'crew.queue.problemBadge' : 'crew.queue.badge'),
      });
    },
    // The order's waiting steps in the detail: each pending one, or what stops it.
    details(orderId) {
      const waiting = stepsOf(orderId);
      if (!waiting.length) return null;
      return el('div', { className: 'zg-crew-steps', dataset: { orderId } }, [
        ...waiting.map((step) =>
          step.status === PENDING
            ? el('p', {
                className: 'zg-crew-step-pending',
                dataset: { step: step.to },
                text: t('crew.queue.waiting', { step: label.state(step.to), time: formatDateTime(step.takenAt) }),
              })
            : notice(step),
        ),
      ]);
    },
    // Said once at the top of the sheet while the phone has no network.
    networkNote: () =>
      navigator.onLine ? null : el('div', { className: 'zg-crew-offline', role: 'status', text: t('crew.offline') }),
    disconnect() {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      store.close();
    },
  };
}
