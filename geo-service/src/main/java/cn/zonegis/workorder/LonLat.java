package cn.zonegis.workorder;

/** A point in EPSG:4490, longitude first. */
record LonLat(Double lon, Double lat) {
}
