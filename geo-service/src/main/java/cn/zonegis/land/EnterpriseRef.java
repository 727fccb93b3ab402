package cn.zonegis.land;

/**
 * An enterprise as another feature sees it: what to call it and where to put a pin.
 *
 * @param lon longitude of the enterprise's point, EPSG:4490
 * @param lat latitude of that point
 */
public record EnterpriseRef(long id, String name, double lon, double lat) {
}
