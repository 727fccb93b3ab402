package cn.zonegis.project;

import cn.zonegis.ogc.CollectionDef;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the key construction projects. */
@Configuration(proxyBeanMethods = false)
class ProjectCollections {

	/** Progress is completed ÷ total investment, 0 to 1. */
	static final String PROGRESS = "round(t.completed_investment_wan / t.total_investment_wan, 4)";

	@Bean
	CollectionDef projectsCollection() {
		return CollectionDef.builder("projects", "project", "Point")
			.titles("重点项目", "Key projects")
			.properties("name", "level", "category", "total_investment_wan", "completed_investment_wan",
					"annual_target_wan", "start_date", "state", "parcel_codes", "version")
			.computed("progress", PROGRESS)
			.styleBy("progress")
			.searchable("name", "category")
			.build();
	}

}
