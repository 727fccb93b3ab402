package cn.zonegis.workorder;

import cn.zonegis.asset.AssetKind;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reports a streetlight or cable faulty and offers the repair order. */
@RestController
class FaultController {

	private final FaultService faults;

	FaultController(FaultService faults) {
		this.faults = faults;
	}

	@PostMapping("/api/assets/{collection:streetlights|cables}/{id:\\d+}/fault")
	@PreAuthorize("hasAnyRole('DISPATCHER', 'PLANNER', 'CREW')")
	ResponseEntity<FaultService.FaultReport> reportFault(@PathVariable String collection, @PathVariable long id,
			@RequestBody(required = false) FaultService.FaultRequest request) {
		FaultService.FaultReport report = this.faults.report(AssetKind.of(collection), id,
				(request == null) ? new FaultService.FaultRequest(null, null, false) : request);
		return ResponseEntity.status((report.workOrder() != null) ? HttpStatus.CREATED : HttpStatus.OK).body(report);
	}

}
