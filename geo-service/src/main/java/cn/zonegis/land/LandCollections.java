package cn.zonegis.land;

import cn.zonegis.geo.MeasureSql;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.FeatureWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the land layers: parcels, recoveries, expansion zones and enterprises. */
@Configuration(proxyBeanMethods = false)
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
		return CollectionDef.builder("expansion_zones", "expansion_zone", "MultiPolygon")
			.titles("园区扩区与成片开发", "Expansion zones")
			.properties("code", "name", "kind", "status", "approved_on", "note", "version")
			.computed("area_ha", MeasureSql.AREA_HA)
			.styleBy("kind")
			.searchable("code", "name")
			.zoom(8, 18)
			.build();
	}

	@Bean
	FeatureWriter expansionZoneWriter(LandLayerService layers, JsonMapper json) {
		return new LandLayerFeatureWriter(LandLayer.EXPANSION_ZONE, layers, json);
	}

	@Bean
	FeatureWriter enterpriseWriter(LandLayerService layers, JsonMapper json) {
		return new LandLayerFeatureWriter(LandLayer.ENTERPRISE, layers, json);
	}

	@Bean
	CollectionDef enterprisesCollection() {
		return CollectionDef.builder("enterprises", "enterprise", "Point")
			.titles("企业", "Enterprises")
			.properties("name", "industry", "is_chemical", "relocation_state", "employees", "contact", "version")
			.styleBy("relocation_state")
			.searchable("name", "industry")
			.build();
	}

}
