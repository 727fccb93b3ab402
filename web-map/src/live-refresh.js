// Keeps what the page shows of a parcel in step with changes other planners make: a live
// `parcel.changed` fetches the parcel and fires `zg:feature-saved` { layer, feature }, as a save on
// this page does, so its tiles, its open popup and its panel show the same state and version. A
// `parcels.imported` (a whole file) refreshes the parcel tiles once, fetching no parcel.
import { onLiveEvent } from './live-events.js';

export function mountLiveRefresh(map, { api }) {
  let mounted = true;
  const off = onLiveEvent(map, 'parcel.', async (event) => {
    try {
      const feature = await api.get(`/api/parcels/${event.subjectId}`);
      if (mounted) map.fire('zg:feature-saved', { layer: 'parcels', feature });
    } catch {
      // Gone or not readable any more: the next tile fetch shows what is there.
      if (mounted) map.fire('zg:feature-saved', { layer: 'parcels' });
    }
  });
  const offImported = onLiveEvent(map, 'parcels.imported', () => map.fire('zg:feature-saved', { layer: 'parcels' }));
  return function unmount() {
    mounted = false;
    off();
    offImported();
  };
}
