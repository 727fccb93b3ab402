package cn.zonegis.workorder;

import cn.zonegis.ogc.CollectionDef;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the maintenance layers: work orders and crews. */
@Configuration(proxyBeanMethods = false)
class WorkOrderCollections {

	/**
	 * Open and past its due time; the states after completion no longer run against the
	 * SLA.
	 */
	static final String OVERDUE = "(t.state NOT IN (" + WorkOrderLifecycle.sqlList(WorkOrderLifecycle.settled())
			+ ") AND t.due_at < now())";

	/** A crew's open workload: the orders it holds dispatched or in progress. */
	static final String OPEN_WORKLOAD = "(SELECT count(*) FROM zonegis.work_order w WHERE w.crew_id = t.id AND w.state IN ("
			+ WorkOrderLifecycle.sqlList(WorkOrderLifecycle.withCrew()) + "))";

	/**
	 * Read through OGC, search, the map and tiles as through /api/workorders: a crew
	 * member sees their crew's orders and those they reported, nothing of other crews.
	 */
	@Bean
	CollectionDef workOrdersCollection(Actor.Resolver actors) {
		return CollectionDef.builder("work_orders", "work_order", "Point")
			.titles("维修工单", "Work orders")
			.properties("code", "kind", "priority", "state", "description", "asset_type", "asset_id", "enterprise_id",
					"inspection_id", "crew_id", "reported_by", "due_at", "quantity", "quantity_unit", "created_at",
					"version")
			.computed("overdue", OVERDUE)
			.styleBy("state")
			.searchable("code", "description")
			.tileProperties("state", "overdue", "priority", "code")
			.readableRows(() -> actors.current().readableOrders())
			.build();
	}

	@Bean
	CollectionDef crewsCollection() {
		return CollectionDef.builder("crews", "crew", "Point")
			.titles("维修班组", "Crews")
			.properties("name", "skills", "phone", "active", "version")
			.computed("open_workload", OPEN_WORKLOAD)
			.styleBy("active")
			.searchable("name")
			.build();
	}

}
