package cn.zonegis.ogc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import cn.zonegis.geo.GeoJson;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * OGC API - Features items: pages of features streamed from PostGIS, and single features
 * with their ETag.
 */
@RestController
class ItemsController {

	/** The SQLSTATE PostGIS raises its errors with, GEOS's among them. */
	private static final String INTERNAL_ERROR = "XX000";

	/** How PostGIS words a GEOS failure: "GEOSIntersects: TopologyException: …". */
	private static final Pattern GEOS_ERROR = Pattern.compile("\\bGEOS\\w*: ");

	private final CollectionRegistry registry;

	private final FeatureRepository features;

	private final ItemsRequestReader reader;

	private final JsonMapper json;

	ItemsController(CollectionRegistry registry, FeatureRepository features, ItemsRequestReader reader,
			JsonMapper json) {
		this.registry = registry;
		this.features = features;
		this.reader = reader;
		this.json = json;
	}

	@GetMapping("/ogc/collections/{collectionId}/items")
	ResponseEntity<StreamingResponseBody> items(@PathVariable String collectionId, HttpServletRequest request) {
		CollectionDef def = this.registry.get(collectionId);
		OgcFormat format = OgcFormat.of(request);
		ItemsRequest items = this.reader.read(def, request.getParameterMap());
		// Counting every match costs as much as the page itself on a large layer: only
		// when asked for (count=exact), and then before the first byte is sent.
		Long counted = items.countAll() ? evaluating(request, () -> this.features.count(def, items.where())) : null;
		StreamingResponseBody body = (out) -> {
			OutputStream target = (format == OgcFormat.HTML) ? new ByteArrayOutputStream() : out;
			FeatureRepository.Written page = evaluating(request,
					() -> this.features.writePage(def, items.where(), items.crs(), items.page(), target));
			// The last page tells the exact number for free (unless it is past the end).
			Long matched = (counted == null && !page.more() && (page.returned() > 0 || items.page().offset() == 0))
					? Long.valueOf(items.page().offset() + page.returned()) : counted;
			target.write(closing(trailer(def, request, items, page.returned(), matched, page.more(), format)));
			if (format == OgcFormat.HTML) {
				String title = def.titleZh() + " / " + def.titleEn();
				out.write(OgcHtml.page(title, this.json.readTree(((ByteArrayOutputStream) target).toByteArray())));
			}
		};
		return ResponseEntity.ok()
			.contentType(OgcResponses.type(format, GeoJson.MEDIA_TYPE))
			.header("Content-Crs", items.crs().header())
			.body(body);
	}

	@GetMapping("/ogc/collections/{collectionId}/items/{featureId}")
	ResponseEntity<byte[]> item(@PathVariable String collectionId, @PathVariable String featureId,
			HttpServletRequest request) {
		CollectionDef def = this.registry.get(collectionId);
		OgcFormat format = OgcFormat.of(request);
		Crs crs = this.reader.crs(request.getParameterMap());
		FeatureRepository.StoredFeature stored = this.features.find(def, featureIdOf(def, featureId), crs)
			.orElseThrow(() -> unknownItem(def, featureId));
		ObjectNode feature = (ObjectNode) this.json.readTree(stored.json());
		String path = "/collections/" + def.id() + "/items/" + featureId;
		OgcLinks links = new OgcLinks(request, this.json).selfAndAlternate(path, format, GeoJson.MEDIA_TYPE, featureId);
		links.add(links.url("/collections/" + def.id()), "collection", MediaType.APPLICATION_JSON, def.titleEn());
		feature.set("links", links.array());
		return ResponseEntity.ok()
			.eTag(ETag.of(stored.version()))
			.header("Content-Crs", crs.header())
			.contentType(OgcResponses.type(format, GeoJson.MEDIA_TYPE))
			.body(OgcResponses.bytes(format, def.titleEn() + " " + featureId, feature, this.json));
	}

	/**
	 * Runs a query of an items request. GEOS failing inside PostGIS is the filter's fault
	 * when there is one: stored geometries are valid, a filter's literal may not be (a
	 * ring touching itself). CQL2's own examples hold such rings, so a literal is only
	 * refused once PostGIS could not relate it; any other failure stays a server error.
	 */
	private static <T> T evaluating(HttpServletRequest request, Supplier<T> query) {
		try {
			return query.get();
		}
		catch (DataAccessException ex) {
			if (request.getParameter("filter") != null && geosFailed(ex)) {
				throw ApiProblem.badRequest("invalid-filter", "problem.filter.geometry").with("parameter", "filter");
			}
			throw ex;
		}
	}

	private static boolean geosFailed(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && INTERNAL_ERROR.equals(sql.getSQLState())
					&& GEOS_ERROR.matcher(String.valueOf(sql.getMessage())).find()) {
				return true;
			}
		}
		return false;
	}

	/** A feature id is a positive integer; anything else names no feature. */
	static long featureIdOf(CollectionDef def, String featureId) {
		if (!featureId.matches("[0-9]{1,18}")) {
			throw unknownItem(def, featureId);
		}
		return Long.parseLong(featureId);
	}

	static ApiProblem unknownItem(CollectionDef def, String featureId) {
		return ApiProblem.notFound("problem.item.unknown", featureId, def.id())
			.with("collection", def.id())
			.with("featureId", featureId);
	}

	/**
	 * numberReturned, numberMatched (when known exactly, else left out), timeStamp and
	 * the links, which close the streamed FeatureCollection.
	 */
	private ObjectNode trailer(CollectionDef def, HttpServletRequest request, ItemsRequest items, int returned,
			Long matched, boolean more, OgcFormat format) {
		String path = "/collections/" + def.id() + "/items";
		OgcLinks links = new OgcLinks(request, this.json);
		String type = (format == OgcFormat.HTML) ? "html" : "json";
		links
			.add(links.url(path, page(request, items.page().offset(), type)), "self",
					(format == OgcFormat.HTML) ? MediaType.TEXT_HTML : GeoJson.MEDIA_TYPE, def.titleEn())
			.add(links.url(path, page(request, items.page().offset(), "html".equals(type) ? "json" : "html")),
					"alternate", (format == OgcFormat.HTML) ? GeoJson.MEDIA_TYPE : MediaType.TEXT_HTML, def.titleEn());
		long offset = items.page().offset();
		int limit = items.page().limit();
		if (more) {
			links.add(links.url(path, page(request, offset + limit, type)), "next", GeoJson.MEDIA_TYPE, "next page");
		}
		if (offset > 0) {
			links.add(links.url(path, page(request, Math.max(0, offset - limit), type)), "prev", GeoJson.MEDIA_TYPE,
					"previous page");
		}
		links.add(links.url("/collections/" + def.id()), "collection", MediaType.APPLICATION_JSON, def.titleEn());
		ObjectNode tail = this.json.createObjectNode().put("numberReturned", returned);
		if (matched != null) {
			tail.put("numberMatched", matched);
		}
		tail.put("timeStamp", Instant.now().toString());
		tail.set("links", links.array());
		return tail;
	}

	/**
	 * Ends the streamed features array, then the FeatureCollection with the members that
	 * follow the features, each name and value written by Jackson.
	 */
	private byte[] closing(ObjectNode members) {
		StringBuilder closing = new StringBuilder("\n]");
		members.properties()
			.forEach((member) -> closing.append(',')
				.append(this.json.writeValueAsString(member.getKey()))
				.append(':')
				.append(this.json.writeValueAsString(member.getValue())));
		return closing.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The request's own parameters with another offset and format: a page link keeps
	 * every filter.
	 */
	private static Map<String, String> page(HttpServletRequest request, long offset, String format) {
		Map<String, String> query = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> query.put(name, values[0]));
		query.put("offset", Long.toString(offset));
		query.put("f", format);
		return query;
	}

}
