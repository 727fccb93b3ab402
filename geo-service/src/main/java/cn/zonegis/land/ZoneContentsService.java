package cn.zonegis.land;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.zonegis.ApiProblem;
import cn.zonegis.project.ProjectInArea;
import cn.zonegis.project.ProjectService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists what an expansion zone holds and adds it up, as the park's expansion report
 * needs.
 */
@Service
public class ZoneContentsService {

	static final String CHEMICAL_PARK_SUBZONE = "chemical_park_subzone";

	private final ZoneContentsRepository contents;

	private final ProjectService projects;

	ZoneContentsService(ZoneContentsRepository contents, ProjectService projects) {
		this.contents = contents;
		this.projects = projects;
	}

	@Transactional(readOnly = true)
	public ZoneContents contents(long zoneId) {
		ZoneContents.Zone zone = this.contents.zone(zoneId)
			.orElseThrow(() -> ApiProblem.notFound("land.unknown", "zones", zoneId));
		List<ZoneContents.ParcelInZone> parcels = this.contents.parcels(zoneId);
		List<ZoneContents.EnterpriseInZone> enterprises = this.contents.enterprises(zoneId);
		List<ZoneContents.ProjectInZone> projects = this.projects.inArea(this.contents.shape(zoneId))
			.stream()
			.map(ZoneContentsService::projectInZone)
			.toList();
		List<ZoneContents.EnterpriseInZone> nonChemical = CHEMICAL_PARK_SUBZONE.equals(zone.kind())
				? enterprises.stream().filter((e) -> !e.chemical()).toList() : List.of();
		return new ZoneContents(zone, parcels, enterprises, nonChemical, projects,
				totals(parcels, enterprises, nonChemical, projects));
	}

	/**
	 * The land in each expansion zone by lifecycle state, zones in code order; a zone's
	 * total is the sum of its states as listed.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('PLANNER', 'DISPATCHER')")
	public List<ZoneLandStats> landByZone() {
		Map<Long, List<ZoneContentsRepository.ZoneLandRow>> byZone = new LinkedHashMap<>();
		for (ZoneContentsRepository.ZoneLandRow row : this.contents.landByZone()) {
			byZone.computeIfAbsent(row.zoneId(), (id) -> new ArrayList<>()).add(row);
		}
		return byZone.values().stream().map(ZoneContentsService::zoneLand).toList();
	}

	private static ZoneLandStats zoneLand(List<ZoneContentsRepository.ZoneLandRow> rows) {
		Map<String, ZoneContentsRepository.ZoneLandRow> found = new HashMap<>();
		rows.stream().filter((row) -> row.status() != null).forEach((row) -> found.put(row.status(), row));
		List<ParcelStatusStats> byStatus = Arrays.stream(ParcelLifecycle.values())
			.filter((status) -> status != ParcelLifecycle.CANCELLED)
			.map((status) -> Optional.ofNullable(found.get(status.code()))
				.map((row) -> new ParcelStatusStats(status.code(), row.parcels(), row.areaMu()))
				.orElseGet(() -> new ParcelStatusStats(status.code(), 0, BigDecimal.ZERO)))
			.toList();
		ZoneContentsRepository.ZoneLandRow zone = rows.get(0);
		return new ZoneLandStats(zone.zoneId(), zone.code(), zone.name(),
				byStatus.stream().mapToLong(ParcelStatusStats::parcels).sum(),
				byStatus.stream().map(ParcelStatusStats::areaMu).reduce(BigDecimal.ZERO, BigDecimal::add), byStatus);
	}

	private static ZoneContents.ProjectInZone projectInZone(ProjectInArea p) {
		return new ZoneContents.ProjectInZone(p.id(), p.name(), p.state(), p.category(), p.totalInvestmentWan(),
				p.completedInvestmentWan(), ZoneContentsRepository.relation(p.inside()),
				ZoneContents.Measure.of(p.footprintInsideM2()));
	}

	private static ZoneContents.Totals totals(List<ZoneContents.ParcelInZone> parcels,
			List<ZoneContents.EnterpriseInZone> enterprises, List<ZoneContents.EnterpriseInZone> nonChemical,
			List<ZoneContents.ProjectInZone> projects) {
		String recovered = ParcelLifecycle.RECOVERED.code();
		double heldM2 = parcels.stream()
			.filter((p) -> !recovered.equals(p.status()))
			.mapToDouble((p) -> p.areaInside().m2())
			.sum();
		double recoveredM2 = parcels.stream()
			.filter((p) -> recovered.equals(p.status()))
			.mapToDouble((p) -> p.areaInside().m2())
			.sum();
		Map<String, Long> byStatus = parcels.stream()
			.collect(Collectors.groupingBy(ZoneContents.ParcelInZone::status, TreeMap::new, Collectors.counting()));
		Map<String, Long> relocation = nonChemical.stream()
			.collect(Collectors.groupingBy(ZoneContents.EnterpriseInZone::relocationState, TreeMap::new,
					Collectors.counting()));
		BigDecimal investment = projects.stream()
			.map(ZoneContents.ProjectInZone::totalInvestmentWan)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal completed = projects.stream()
			.map(ZoneContents.ProjectInZone::completedInvestmentWan)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		return new ZoneContents.Totals(parcels.size(), byStatus, ZoneContents.Measure.of(heldM2),
				ZoneContents.Measure.of(recoveredM2), enterprises.size(),
				(int) enterprises.stream().filter(ZoneContents.EnterpriseInZone::chemical).count(), relocation,
				projects.size(), investment, completed);
	}

}
