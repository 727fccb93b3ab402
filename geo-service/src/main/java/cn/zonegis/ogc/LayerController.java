package cn.zonegis.ogc;

import java.util.ArrayList;
import java.util.List;

import cn.zonegis.ApiProblem;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeoJson;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The map's read API over the registry: the layer list, each layer as GeoJSON, and
 * search.
 */
@RestController
class LayerController {

	private static final int SEARCH_LIMIT_PER_LAYER = 10;

	/** The deepest zoom a map view may name (Leaflet's default maximum is 18). */
	private static final int MAX_ZOOM = 24;

	private final CollectionRegistry registry;

	private final FeatureRepository features;

	LayerController(CollectionRegistry registry, FeatureRepository features) {
		this.registry = registry;
		this.features = features;
	}

	@GetMapping("/api/layers")
	List<LayerView> layers() {
		return this.registry.all().stream().map(LayerView::of).toList();
	}

	@GetMapping("/api/{layer:[a-z_]+}")
	ResponseEntity<StreamingResponseBody> features(@PathVariable String layer,
			@RequestParam(required = false) String bbox) {
		CollectionDef def = this.registry.get(layer);
		BBox box = BBox.parse("bbox", bbox);
		return ResponseEntity.ok()
			.contentType(GeoJson.MEDIA_TYPE)
			.body((out) -> this.features.writeFeatureCollection(def, box, out));
	}

	/**
	 * A point layer over one view of the map (bbox and zoom), bounded whatever the zoom:
	 * its features when there are few enough, else server-side clusters with their
	 * counts. The map loads the work orders this way.
	 */
	@GetMapping("/api/map/{layer:[a-z_]+}")
	ResponseEntity<StreamingResponseBody> mapView(@PathVariable String layer, @RequestParam String bbox,
			@RequestParam int zoom) {
		CollectionDef def = this.registry.get(layer);
		if (!"Point".equals(def.geometryType())) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.map.points", layer).with("parameter", "layer");
		}
		if (zoom < 0 || zoom > MAX_ZOOM) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.map.zoom", zoom, MAX_ZOOM)
				.with("parameter", "zoom");
		}
		BBox box = BBox.parse("bbox", bbox);
		return ResponseEntity.ok().contentType(GeoJson.MEDIA_TYPE).body(this.features.mapView(def, box, zoom));
	}

	@GetMapping("/api/search")
	List<FeatureRepository.SearchHit> search(@RequestParam String q) {
		String text = q.strip();
		if (text.isEmpty() || text.length() > 100) {
			throw ApiProblem.badRequest("invalid-parameter", "problem.search.length").with("parameter", "q");
		}
		List<FeatureRepository.SearchHit> hits = new ArrayList<>();
		for (CollectionDef def : this.registry.all()) {
			hits.addAll(this.features.search(def, text, SEARCH_LIMIT_PER_LAYER));
		}
		return hits;
	}

	record LayerView(String id, String titleZh, String titleEn, String geometryType, String styleProperty, int minZoom,
			int maxZoom) {

		static LayerView of(CollectionDef def) {
			return new LayerView(def.id(), def.titleZh(), def.titleEn(), def.geometryType(), def.styleProperty(),
					def.minZoom(), def.maxZoom());
		}

	}

}
