package cn.zonegis.asset;

import java.util.Arrays;
import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeoProperties;

import org.springframework.stereotype.Service;

/**
 * Which assets are nearest a point: the crew's "what is this lamp", the dispatcher's
 * click.
 */
@Service
public class NearestAssetService {

	static final int MAX_K = 50;

	private final NearestAssetRepository nearest;

	private final GeoProperties geo;

	NearestAssetService(NearestAssetRepository nearest, GeoProperties geo) {
		this.nearest = nearest;
		this.geo = geo;
	}

	/**
	 * @param type a collection id (pipes) or table (pipe), or null for every kind
	 * @param k how many, 1 to 50
	 * @return a GeoJSON FeatureCollection, nearest first, each with kind, label and
	 * distance_m
	 */
	public String nearest(double lon, double lat, String type, int k) {
		BBox extent = this.geo.extentBox();
		if (!Double.isFinite(lon) || lon < extent.minLon() || lon > extent.maxLon()) {
			throw outside("lon", lon, extent);
		}
		if (!Double.isFinite(lat) || lat < extent.minLat() || lat > extent.maxLat()) {
			throw outside("lat", lat, extent);
		}
		if (k < 1 || k > MAX_K) {
			throw ApiProblem.badRequest("invalid-parameter", "asset.nearest.k", k, MAX_K).with("parameter", "k");
		}
		return this.nearest.nearest(lon, lat, kinds(type), k);
	}

	private static List<AssetKind> kinds(String type) {
		if (type == null || type.isBlank()) {
			return List.of(AssetKind.values());
		}
		return List.of(Arrays.stream(AssetKind.values())
			.filter((kind) -> kind.collectionId().equals(type) || kind.table().equals(type))
			.findFirst()
			.orElseThrow(() -> ApiProblem.badRequest("invalid-parameter", "asset.kind.unknown", type)
				.with("parameter", "type")));
	}

	private static ApiProblem outside(String parameter, double value, BBox extent) {
		return ApiProblem
			.badRequest("invalid-parameter", "asset.nearest.outside", parameter, value, extent.minLon(),
					extent.minLat(), extent.maxLon(), extent.maxLat())
			.with("parameter", parameter);
	}

}
