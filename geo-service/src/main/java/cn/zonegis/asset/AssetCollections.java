package cn.zonegis.asset;

import cn.zonegis.geo.MeasureSql;
import cn.zonegis.ogc.CollectionDef;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the infrastructure layers: roads, pipes, wells, streetlights and cables. */
@Configuration(proxyBeanMethods = false)
class AssetCollections {

	@Bean
	CollectionDef roadsCollection() {
		return CollectionDef.builder("roads", "road", "MultiLineString")
			.titles("道路", "Roads")
			.properties("name", "road_class", "surface", "width_m", "version")
			.computed("length_m", MeasureSql.LENGTH_M)
			.styleBy("road_class")
			.searchable("name")
			.zoom(8, 20)
			.build();
	}

	@Bean
	CollectionDef pipesCollection() {
		return CollectionDef.builder("pipes", "pipe", "LineString")
			.titles("雨污管道", "Pipes")
			.properties("code", "kind", "enterprise_id", "diameter_mm", "material", "upstream_well_id",
					"downstream_well_id", "version")
			.computed("length_m", MeasureSql.LENGTH_M)
			.styleBy("kind")
			.searchable("code")
			.zoom(13, 20)
			.build();
	}

	@Bean
	CollectionDef wellsCollection() {
		return CollectionDef.builder("wells", "well", "Point")
			.titles("检查井", "Wells")
			.properties("code", "kind", "cover_state", "depth_m", "version")
			.styleBy("cover_state")
			.searchable("code")
			.zoom(15, 20)
			.build();
	}

	@Bean
	CollectionDef streetlightsCollection() {
		return CollectionDef.builder("streetlights", "streetlight", "Point")
			.titles("路灯", "Streetlights")
			.properties("code", "circuit", "lamp_type", "power_w", "state", "version")
			.styleBy("state")
			.searchable("code")
			.zoom(14, 20)
			.build();
	}

	@Bean
	CollectionDef cablesCollection() {
		return CollectionDef.builder("cables", "cable", "LineString")
			.titles("路灯电缆", "Cables")
			.properties("code", "circuit", "cable_type", "state", "version")
			.computed("length_m", MeasureSql.LENGTH_M)
			.styleBy("state")
			.searchable("code", "circuit")
			.zoom(13, 20)
			.build();
	}

}
