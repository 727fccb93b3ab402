package cn.zonegis.asset;

import java.util.stream.Stream;

import cn.zonegis.geo.MeasureSql;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.FeatureWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the infrastructure layers (roads, pipes, wells, streetlights, cables) and
 * their OGC writers. Published properties are the kind's editable columns: the layer and
 * the edit form agree.
 */
@Configuration(proxyBeanMethods = false)
class AssetCollections {

	@Bean
	CollectionDef roadsCollection() {
		return layer(AssetKind.ROAD, "道路", "Roads", "road_class", 8).searchable("name").build();
	}

	@Bean
	CollectionDef pipesCollection() {
		return layer(AssetKind.PIPE, "雨污管道", "Pipes", "kind", 13).searchable("code").build();
	}

	@Bean
	CollectionDef wellsCollection() {
		return layer(AssetKind.WELL, "检查井", "Wells", "cover_state", 15).searchable("code").build();
	}

	@Bean
	CollectionDef streetlightsCollection() {
		return layer(AssetKind.STREETLIGHT, "路灯", "Streetlights", "state", 14).searchable("code").build();
	}

	@Bean
	CollectionDef cablesCollection() {
		return layer(AssetKind.CABLE, "路灯电缆", "Cables", "state", 13).searchable("code", "circuit").build();
	}

	@Bean
	FeatureWriter roadsWriter(AssetService assets) {
		return new AssetFeatureWriter(AssetKind.ROAD, assets);
	}

	@Bean
	FeatureWriter pipesWriter(AssetService assets) {
		return new AssetFeatureWriter(AssetKind.PIPE, assets);
	}

	@Bean
	FeatureWriter wellsWriter(AssetService assets) {
		return new AssetFeatureWriter(AssetKind.WELL, assets);
	}

	@Bean
	FeatureWriter streetlightsWriter(AssetService assets) {
		return new AssetFeatureWriter(AssetKind.STREETLIGHT, assets);
	}

	@Bean
	FeatureWriter cablesWriter(AssetService assets) {
		return new AssetFeatureWriter(AssetKind.CABLE, assets);
	}

	private static CollectionDef.Builder layer(AssetKind kind, String titleZh, String titleEn, String styleBy,
			int minZoom) {
		String[] properties = Stream.concat(kind.columns().stream().map(AssetColumn::name), Stream.of("version"))
			.toArray(String[]::new);
		CollectionDef.Builder builder = CollectionDef.builder(kind.collectionId(), kind.table(), kind.geometryType())
			.titles(titleZh, titleEn)
			.properties(properties)
			.styleBy(styleBy)
			.zoom(minZoom, 20);
		if (kind.linear()) {
			builder.computed("length_m", MeasureSql.LENGTH_M);
		}
		return builder;
	}

}
