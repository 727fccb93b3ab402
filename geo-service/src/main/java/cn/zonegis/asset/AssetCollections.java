package cn.zonegis.asset;

import java.util.stream.Stream;

import cn.zonegis.geo.MeasureSql;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.FeatureWriter;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Registers the infrastructure layers (roads, pipes, wells, streetlights, cables) and
 * their OGC writers. Published properties are the kind's editable columns: the layer and
 * the edit form agree.
 */
@Configuration(proxyBeanMethods = false)
@Import(AssetCollections.Writers.class)
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

	/**
	 * Every asset kind is editable through OGC, by the same {@link AssetService} as /api.
	 */
	static class Writers implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment env) {
			for (AssetKind kind : AssetKind.values()) {
				registry.registerBean(kind.collectionId() + "Writer", FeatureWriter.class, (writer) -> writer
					.supplier((context) -> new AssetFeatureWriter(kind, context.bean(AssetService.class))));
			}
		}

	}

}
