package cn.zonegis.asset;

/**
 * An asset as another feature sees it: what it is, what to call it and where to put a
 * pin.
 *
 * @param kind the kind of asset
 * @param id its id in the kind's table
 * @param label its name (roads) or code (others)
 * @param lon longitude of a representative point on the asset, EPSG:4490
 * @param lat latitude of that point
 * @param state its state (streetlights, cables), cover_state (wells), or null (roads,
 * pipes)
 * @param version its current version, the ETag of the asset
 */
public record AssetRef(AssetKind kind, long id, String label, double lon, double lat, String state, int version) {
}
