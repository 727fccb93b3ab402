package cn.zonegis.project;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import cn.zonegis.ApiProblem;
import cn.zonegis.ETag;
import cn.zonegis.InputRules;
import cn.zonegis.geo.BBox;
import cn.zonegis.geo.GeoProperties;
import cn.zonegis.geo.GeometryCheck;
import cn.zonegis.geo.ZoneTime;
import cn.zonegis.land.ParcelService;
import cn.zonegis.project.ProjectRepository.ProjectRow;
import cn.zonegis.security.AuditLog;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key construction projects (重点项目): investment progress, lagging projects (see
 * {@link ProjectProgress}) and the totals of the half-year report. Planners edit them.
 */
@Service
public class ProjectService {

	/**
	 * Orders a list may be sorted in: progress ascending puts the projects furthest
	 * behind first.
	 */
	static final Map<String, Comparator<ProjectView>> SORTS = Map.of("id", Comparator.comparingLong(ProjectView::id),
			"progress", Comparator.comparing(ProjectView::progress), "-progress",
			Comparator.comparing(ProjectView::progress).reversed(), "name", Comparator.comparing(ProjectView::name),
			"-total", Comparator.comparing(ProjectView::totalInvestmentWan).reversed());

	private final ProjectRepository projects;

	private final ParcelService parcels;

	private final GeometryCheck boundaries;

	private final GeoProperties geo;

	private final AuditLog audit;

	private final JsonMapper json;

	private final ZoneTime zoneTime;

	ProjectService(ProjectRepository projects, ParcelService parcels, GeometryCheck boundaries, GeoProperties geo,
			AuditLog audit, JsonMapper json, ZoneTime zoneTime) {
		this.projects = projects;
		this.parcels = parcels;
		this.boundaries = boundaries;
		this.geo = geo;
		this.audit = audit;
		this.json = json;
		this.zoneTime = zoneTime;
	}

	/**
	 * @param sort one of {@link #SORTS}
	 * @param asOf the day lagging is judged on
	 * @param bbox only projects located in it, or all when null
	 */
	@Transactional(readOnly = true)
	public List<ProjectView> list(String sort, LocalDate asOf, BBox bbox) {
		Comparator<ProjectView> order = SORTS.get(sort);
		if (order == null) {
			throw ApiProblem
				.badRequest("invalid-parameter", "project.sort.unknown", sort,
						String.join(", ", SORTS.keySet().stream().sorted().toList()))
				.with("parameter", "sort");
		}
		return this.projects.all()
			.stream()
			.filter((row) -> bbox == null || bbox.contains(row.lon(), row.lat()))
			.map((row) -> ProjectView.of(row, asOf))
			.sorted(order)
			.toList();
	}

	@Transactional(readOnly = true)
	public ProjectView get(long id, LocalDate asOf) {
		return ProjectView.of(this.projects.find(id).orElseThrow(() -> unknown(id)), asOf);
	}

	/**
	 * Totals for the half-year report: 重点项目 count, 总投资, 已开工, 完成投资, by state and level.
	 */
	/**
	 * The projects whose point or footprint lies in or across the area (EPSG:4490), by
	 * name.
	 */
	@Transactional(readOnly = true)
	public List<ProjectInArea> inArea(Geometry area) {
		return this.projects.inArea(area);
	}

	@Transactional(readOnly = true)
	public ProjectSummary summary(LocalDate asOf) {
		return ProjectSummary.of(this.projects.all().stream().map((row) -> ProjectView.of(row, asOf)).toList(), asOf);
	}

	/**
	 * @return the new project's id
	 */
	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public long create(JsonNode feature) {
		ProjectDraft draft = draft(feature, null);
		long id = this.projects.insert(draft, AuditLog.currentUsername());
		this.audit.record("create", "project", id, detail(draft, 1));
		return id;
	}

	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public void replace(long id, JsonNode feature, int expectedVersion) {
		ProjectDraft draft = draft(feature, id);
		checkVersion(id, expectedVersion);
		this.projects.update(id, expectedVersion, draft, AuditLog.currentUsername());
		this.audit.record("update", "project", id, detail(draft, expectedVersion + 1));
	}

	@Transactional
	@PreAuthorize("hasRole('PLANNER')")
	public void delete(long id, int expectedVersion) {
		checkVersion(id, expectedVersion);
		this.projects.delete(id, expectedVersion);
		this.audit.record("delete", "project", id,
				this.json.createObjectNode().put("version", expectedVersion).toString());
	}

	/**
	 * The project as sent, its name free and its parcels known.
	 * @param id the project being replaced, or null for a new one
	 */
	private ProjectDraft draft(JsonNode feature, Long id) {
		ProjectDraft draft = ProjectDraft.of(feature, this.boundaries, this.geo.extentBox());
		this.projects.idByName(draft.name()).filter((other) -> !other.equals(id)).ifPresent((other) -> {
			throw ApiProblem.conflict("duplicate-name", "project.name.taken", draft.name(), String.valueOf(other))
				.with("property", "name")
				.with("projectId", other);
		});
		List<String> unknown = draft.parcelCodes()
			.stream()
			.filter((code) -> this.parcels.findIdByCode(code).isEmpty())
			.toList();
		if (!unknown.isEmpty()) {
			throw ApiProblem.badRequest("unknown-parcel", "project.parcels.unknown", String.join(", ", unknown))
				.with("property", "parcel_codes")
				.with("unknownParcels", unknown);
		}
		refuseChangedProgress(feature, draft, id);
		return draft;
	}

	/**
	 * A computed value (progress, expected_wan, lagging…) may only come back as a read
	 * gave it: for the project as sent, today; or for the stored version, read today or
	 * yesterday. expected_wan and lagging follow the calendar, and a project read before
	 * midnight is often saved after it; a value from an earlier day cannot be told from a
	 * change, so it is refused with today's value.
	 * @param id the project being replaced, or null for a new one
	 */
	private void refuseChangedProgress(JsonNode feature, ProjectDraft draft, Long id) {
		LocalDate today = this.zoneTime.today();
		JsonNode[] read = (id == null) ? new JsonNode[0]
				: this.projects.find(id)
					.map((row) -> new JsonNode[] { published(row.progress(today)),
							published(row.progress(today.minusDays(1))) })
					.orElse(new JsonNode[0]);
		InputRules.refuseChanged(feature.path("properties"), ProjectProgress.PROPERTIES,
				published(draft.progress(today)), read);
	}

	private JsonNode published(ProjectProgress progress) {
		return this.json.valueToTree(progress.properties());
	}

	private void checkVersion(long id, int expectedVersion) {
		int current = this.projects.lockVersion(id).orElseThrow(() -> unknown(id));
		ETag.requireCurrent(expectedVersion, current, "project.version.stale");
	}

	private String detail(ProjectDraft draft, int version) {
		return this.json.createObjectNode()
			.put("name", draft.name())
			.put("state", draft.state())
			.put("total_investment_wan", draft.totalInvestmentWan())
			.put("completed_investment_wan", draft.completedInvestmentWan())
			.put("version", version)
			.toString();
	}

	private static ApiProblem unknown(long id) {
		return ApiProblem.notFound("project.unknown", id);
	}

}
