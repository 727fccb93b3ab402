package cn.zonegis.land;

import java.util.stream.Stream;

import cn.zonegis.geo.MeasureSql;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.FeatureWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Registers the land layers: parcels, recoveries, expansion zones, enterprises, and the
 * registers of the half-year report (buildings, self-built houses, park entry reviews).
 */
@Configuration(proxyBeanMethods = false)
@Import(LandCollections.Writers.class)
class LandCollections {

	@Bean
	CollectionDef parcelsCollection() {
		return CollectionDef.builder("parcels", "parcel", "MultiPolygon")
			.titles("地块红线", "Parcels")
			.properties("code", "name", "land_use", "land_class_code", "holder", "status", "status_changed_at",
					"surveyed_area_m2", "note", "version", "updated_at", "updated_by")
			.computed("area_m2", MeasureSql.AREA_M2)
			.computed("area_mu", MeasureSql.AREA_MU)
			.computed("area_ha", MeasureSql.AREA_HA)
			.computed("perimeter_m", MeasureSql.PERIMETER_M)
			.computed("ellipsoidal_area_m2", MeasureSql.ELLIPSOIDAL_AREA_M2)
			.styleBy("status")
			.searchable("code", "name", "holder")
			.zoom(10, 20)
			.build();
	}

	@Bean
	CollectionDef landRecoveriesCollection() {
		return CollectionDef.builder("land_recoveries", "land_recovery", "MultiPolygon")
			.titles("闲置低效用地收回", "Land recoveries")
			.properties("parcel_id", "parcel_code", "former_holder", "land_use", "reason", "legal_basis",
					"decision_date", "certificate_cancelled", "note", "version")
			.computed("area_m2", MeasureSql.AREA_M2)
			.computed("area_mu", MeasureSql.AREA_MU)
			.styleBy("reason")
			.searchable("parcel_code", "former_holder")
			.build();
	}

	@Bean
	CollectionDef expansionZonesCollection() {
		return layer(LandLayer.EXPANSION_ZONE, "MultiPolygon", "园区扩区与成片开发", "Expansion zones")
			.computed("area_ha", MeasureSql.AREA_HA)
			.styleBy("kind")
			.searchable("code", "name")
			.zoom(8, 18)
			.build();
	}

	@Bean
	CollectionDef enterprisesCollection() {
		return layer(LandLayer.ENTERPRISE, "Point", "企业", "Enterprises").styleBy("relocation_state")
			.searchable("name", "industry")
			.build();
	}

	@Bean
	CollectionDef buildingsCollection() {
		return layer(LandLayer.BUILDING, "MultiPolygon", "建筑物与产权证（未办证台账）", "Buildings and certificates")
			.computed("footprint_m2", MeasureSql.AREA_M2)
			.styleBy("property_cert_state")
			.searchable("code", "name")
			.zoom(12, 20)
			.build();
	}

	@Bean
	CollectionDef selfBuiltHousesCollection() {
		return layer(LandLayer.SELF_BUILT_HOUSE, "Point", "自建房排查", "Self-built house survey").styleBy("appraisal_state")
			.searchable("code", "address")
			.build();
	}

	@Bean
	CollectionDef parkEntryReviewsCollection() {
		return layer(LandLayer.PARK_ENTRY_REVIEW, "Point", "入园审查", "Park entry reviews").styleBy("outcome")
			.searchable("code", "project_name", "applicant")
			.build();
	}

	/**
	 * A land layer's collection. Published properties are the layer's editable columns
	 * and its version: the layer and the edit form agree.
	 */
	private static CollectionDef.Builder layer(LandLayer layer, String geometryType, String titleZh, String titleEn) {
		String[] properties = Stream.concat(layer.columns().stream(), Stream.of("version")).toArray(String[]::new);
		return CollectionDef.builder(layer.collectionId(), layer.table(), geometryType)
			.titles(titleZh, titleEn)
			.properties(properties);
	}

	/**
	 * Every land layer is editable through OGC, by the same {@link LandLayerService} as
	 * /api.
	 */
	static class Writers implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment env) {
			for (LandLayer layer : LandLayer.values()) {
				registry.registerBean(layer.collectionId() + "Writer", FeatureWriter.class,
						(writer) -> writer.supplier((context) -> new LandLayerFeatureWriter(layer,
								context.bean(LandLayerService.class), context.bean(JsonMapper.class))));
			}
		}

	}

}
