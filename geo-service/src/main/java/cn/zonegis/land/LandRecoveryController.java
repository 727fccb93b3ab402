package cn.zonegis.land;

import cn.zonegis.ETag;
import cn.zonegis.geo.GeoJson;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/parcels/{id}/recover and the recovery register /api/land-recoveries. */
@RestController
class LandRecoveryController {

	private final LandRecoveryService recoveries;

	private final ParcelService parcels;

	LandRecoveryController(LandRecoveryService recoveries, ParcelService parcels) {
		this.recoveries = recoveries;
		this.parcels = parcels;
	}

	@PostMapping("/api/parcels/{id}/recover")
	ResponseEntity<ParcelView> recover(@PathVariable long id, @RequestBody RecoveryRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ParcelController.withEtag(ResponseEntity.ok(),
				this.recoveries.recover(id, request, ETag.optionalVersion(ifMatch, () -> this.parcels.version(id))));
	}

	@GetMapping("/api/land-recoveries")
	ResponseEntity<String> register(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String landUse) {
		return ResponseEntity.ok()
			.contentType(GeoJson.MEDIA_TYPE)
			.body(this.recoveries.register(year, reason, landUse));
	}

	@GetMapping("/api/land-recoveries/stats")
	List<LandRecoveryRepository.RecoveryStats> stats(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String landUse) {
		return this.recoveries.stats(year, reason, landUse);
	}

}
