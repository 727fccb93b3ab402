package cn.zonegis.ogc;

import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.Srid;

import org.springframework.stereotype.Component;

/** The CRSs every collection can be read and queried in (OGC API - Features Part 2). */
@Component
public class CrsCatalog {

	private final List<Crs> supported;

	CrsCatalog(GeoProperties geo) {
		this.supported = List.of(Crs.CRS84, Crs.CGCS2000, Crs.epsg(Srid.WGS84), Crs.epsg(Srid.WEB_MERCATOR),
				Crs.epsg(geo.measureSrid()));
	}

	public List<String> uris() {
		return this.supported.stream().map(Crs::uri).toList();
	}

	/**
	 * The CRS a parameter names, by URI (also in the [EPSG:4490] safe-CURIE form), CRS84
	 * when absent. Given empty it is a 400 like any other empty parameter: the client
	 * meant some CRS, and CRS84 may not be it.
	 * @param parameter the parameter's name, for the message
	 * @param text the parameter's value or null
	 */
	public Crs parse(String parameter, String text) {
		if (text == null) {
			return Crs.CRS84;
		}
		if (text.isBlank()) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.crs.empty", parameter)
				.with("parameter", parameter)
				.with("supported", uris());
		}
		String uri = text.strip();
		if (uri.startsWith("[") && uri.endsWith("]")) {
			String[] curie = uri.substring(1, uri.length() - 1).split(":");
			uri = (curie.length == 2 && "OGC".equalsIgnoreCase(curie[0]) && "CRS84".equalsIgnoreCase(curie[1]))
					? Crs.CRS84.uri() : "http://www.opengis.net/def/crs/" + String.join("/0/", curie);
		}
		for (Crs crs : this.supported) {
			if (crs.uri().equals(uri)) {
				return crs;
			}
		}
		throw ApiProblem.badRequest("unsupported-crs", "problem.crs.unsupported", parameter, text)
			.with("parameter", parameter)
			.with("supported", uris());
	}

}
