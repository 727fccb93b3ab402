package cn.zonegis.ogc;

import java.util.Map;

import org.springframework.stereotype.Component;

import cn.zonegis.geo.ZoneTime;

/**
 * Reads the query parameters of the items endpoints with the catalogs they are checked
 * against.
 */
@Component
class ItemsRequestReader {

	private final OgcProperties properties;

	private final CrsCatalog crs;

	private final QueryableCatalog queryables;

	private final ItemsFilter filter;

	private final ZoneTime zoneTime;

	ItemsRequestReader(OgcProperties properties, CrsCatalog crs, QueryableCatalog queryables, ItemsFilter filter,
			ZoneTime zoneTime) {
		this.properties = properties;
		this.crs = crs;
		this.queryables = queryables;
		this.filter = filter;
		this.zoneTime = zoneTime;
	}

	ItemsRequest read(CollectionDef def, Map<String, String[]> parameters) {
		return ItemsRequest.read(def, parameters, this.properties, this.crs, this.queryables, this.filter,
				this.zoneTime);
	}

	/** The crs parameter of a single-item request, whose only other parameter is f. */
	Crs crs(Map<String, String[]> parameters) {
		QueryParameters.acceptOnly(parameters, QueryParameters.ONE_ITEM);
		return this.crs.parse("crs", ItemsRequest.single(parameters, "crs"));
	}

}
