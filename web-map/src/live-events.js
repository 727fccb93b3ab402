// The page's one connection to the service's live updates (GET /api/events, Server-Sent Events):
// each change another user made that concerns this user arrives as `zg:live` { event } on the map
// ({ id, type, subjectId, actor, at, data }). The browser reconnects by itself after a dropped
// connection and sends the last event id it saw (Last-Event-ID), so the service resends exactly
// what was missed. `data-zg-live` on the map container (connecting, open, closed) lets tests wait
// until the stream is open.
const defaults = {
  url: '/api/events',
};

export function mountLiveEvents(map, { url = defaults.url } = {}) {
  const container = map.getContainer();
  const source = new EventSource(url);
  const announce = (state) => {
    container.dataset.zgLive = state;
  };
  announce('connecting');
  source.onopen = () => announce('open');
  // CLOSED: the service refused the stream (the session ended); otherwise the browser retries.
  source.onerror = () => announce(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
  source.onmessage = (message) => map.fire('zg:live', { event: JSON.parse(message.data) });
  return function unmount() {
    source.close();
    delete container.dataset.zgLive;
  };
}

// Calls handler(event) for each live event whose type starts with one of the prefixes
// ('parcel.', 'workorder.'); returns the function that stops it.
export function onLiveEvent(map, prefixes, handler) {
  const listener = ({ event }) => {
    if ([].concat(prefixes).some((prefix) => event.type.startsWith(prefix))) handler(event);
  };
  map.on('zg:live', listener);
  return () => map.off('zg:live', listener);
}
