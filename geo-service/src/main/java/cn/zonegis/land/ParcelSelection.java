package cn.zonegis.land;

import java.util.List;

import cn.zonegis.geo.BBox;

/**
 * Which parcels to export; every given criterion must hold, none given means all parcels.
 *
 * @param ids parcel ids, or null/empty for any
 * @param bbox lon/lat box the parcel intersects, or null
 * @param statuses status codes (planned, filed…), or null/empty for any
 */
public record ParcelSelection(List<Long> ids, BBox bbox, List<String> statuses) {

	public static ParcelSelection all() {
		return new ParcelSelection(null, null, null);
	}

}
