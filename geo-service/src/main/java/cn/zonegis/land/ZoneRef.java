package cn.zonegis.land;

/** An expansion zone as another feature names it. */
public record ZoneRef(long id, String name) {
}
