package cn.zonegis.land;

import cn.zonegis.geo.MeasureSql;
import cn.zonegis.ogc.CollectionDef;
import cn.zonegis.ogc.FeatureWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the land layers: parcels, recoveries, expansion zones, enterprises, and the
 * registers of the half-year report (buildings, self-built houses, park entry reviews).
 */
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

	@Bean
	CollectionDef buildingsCollection() {
		return CollectionDef.builder("buildings", "building", "MultiPolygon")
			.titles("建筑物与产权证（未办证台账）", "Buildings and certificates")
			.properties("code", "name", "enterprise_id", "parcel_id", "floors", "floor_area_m2", "land_cert_state",
					"land_cert_no", "land_cert_on", "property_cert_state", "property_cert_no", "property_cert_on",
					"missing_reason", "surveyed_on", "version")
			.computed("footprint_m2", MeasureSql.AREA_M2)
			.styleBy("property_cert_state")
			.searchable("code", "name")
			.zoom(12, 20)
			.build();
	}

	@Bean
	CollectionDef selfBuiltHousesCollection() {
		return CollectionDef.builder("self_built_houses", "self_built_house", "Point")
			.titles("自建房排查", "Self-built house survey")
			.properties("code", "address", "owner", "floors", "operating", "business", "hazard", "hazard_note",
					"appraisal_state", "appraisal_grade", "appraised_on", "rectification", "surveyed_on", "version")
			.styleBy("appraisal_state")
			.searchable("code", "address")
			.build();
	}

	@Bean
	CollectionDef parkEntryReviewsCollection() {
		return CollectionDef.builder("park_entry_reviews", "park_entry_review", "Point")
			.titles("入园审查", "Park entry reviews")
			.properties("code", "project_name", "applicant", "zone_id", "submitted_on", "outcome", "opinion",
					"opinion_on", "version")
			.styleBy("outcome")
			.searchable("code", "project_name", "applicant")
			.build();
	}

	@Bean
	FeatureWriter buildingWriter(LandLayerService layers, JsonMapper json) {
		return new LandLayerFeatureWriter(LandLayer.BUILDING, layers, json);
	}

	@Bean
	FeatureWriter selfBuiltHouseWriter(LandLayerService layers, JsonMapper json) {
		return new LandLayerFeatureWriter(LandLayer.SELF_BUILT_HOUSE, layers, json);
	}

	@Bean
	FeatureWriter parkEntryReviewWriter(LandLayerService layers, JsonMapper json) {
		return new LandLayerFeatureWriter(LandLayer.PARK_ENTRY_REVIEW, layers, json);
	}

}
