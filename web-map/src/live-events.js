// The page's one connection to the service's live updates (GET /api/events, Server-Sent Events):
// each change another user made that concerns this user arrives as `zg:live` { event } on the map
// ({ id, type, subjectId, actor, at, data }). After a dropped connection the browser reconnects by
// itself and sends the last event id it saw (Last-Event-ID), so the service resends exactly what
// was missed. `data-zg-live` on the map container (connecting, open, closed) lets tests wait until
// the stream is open.
const defaults = {
  url: '/api/events',
  // A stream answered with an error status (a restart behind nginx, the database away) is one the
  // browser gives up on: the page opens a new one after this long.
  reopenMs: 5000,
};

export function mountLiveEvents(map, { url = defaults.url } = {}) {
  const container = map.getContainer();
  let source = null;
  let lastEventId = '';
  let reopen = null;
  const announce = (state) => {
    container.dataset.zgLive = state;
  };

  function open() {
    // A new EventSource does not know the old one's last id: it goes in the address.
    source = new EventSource(lastEventId ? `${url}?lastEventId=${encodeURIComponent(lastEventId)}` : url);
    announce('connecting');
    source.onopen = () => announce('open');
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) {
        announce('connecting');
        return;
      }
      announce('closed');
      reopen = setTimeout(open, defaults.reopenMs);
    };
    source.onmessage = (message) => {
      lastEventId = message.lastEventId || lastEventId;
      map.fire('zg:live', { event: JSON.parse(message.data) });
    };
  }

  open();
  return function unmount() {
    clearTimeout(reopen);
    source.close();
    delete container.dataset.zgLive;
  };
}

// Calls handler(event) for each live event whose type starts with one of the prefixes
// ('parcel.', 'work_order.'); returns the function that stops it.
export function onLiveEvent(map, prefixes, handler) {
  const listener = ({ event }) => {
    if ([].concat(prefixes).some((prefix) => event.type.startsWith(prefix))) handler(event);
  };
  map.on('zg:live', listener);
  return () => map.off('zg:live', listener);
}
