package cn.zonegis.workorder;

import cn.zonegis.ETag;
import java.net.URI;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * /api/workorders/{id}: report, read with its timeline, step through the lifecycle,
 * attach photos.
 */
@RestController
class WorkOrderController {

	private final WorkOrderService service;

	private final WorkOrderSteps steps;

	private final WorkOrderPhotos photos;

	WorkOrderController(WorkOrderService service, WorkOrderSteps steps, WorkOrderPhotos photos) {
		this.service = service;
		this.steps = steps;
		this.photos = photos;
	}

	@PostMapping("/api/workorders")
	@PreAuthorize("hasAnyRole('DISPATCHER', 'PLANNER', 'CREW', 'SAFETY')")
	ResponseEntity<WorkOrderView> report(@RequestBody CreateWorkOrderRequest request) {
		return created(this.service.report(request));
	}

	@GetMapping("/api/workorders/{id:\\d+}")
	ResponseEntity<WorkOrderView> get(@PathVariable long id) {
		return withEtag(ResponseEntity.ok(), this.service.get(id));
	}

	@PostMapping("/api/workorders/{id:\\d+}/transitions")
	@PreAuthorize("hasAnyRole('DISPATCHER', 'CREW')")
	ResponseEntity<WorkOrderView> transition(@PathVariable long id, @RequestBody TransitionRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return withEtag(ResponseEntity.ok(), this.steps.transition(id, request, expectedVersion(ifMatch, id)));
	}

	@PostMapping("/api/workorders/{id:\\d+}/dispatch")
	@PreAuthorize("hasRole('DISPATCHER')")
	ResponseEntity<WorkOrderView> dispatch(@PathVariable long id, @RequestBody DispatchRequest request,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		return withEtag(ResponseEntity.ok(), this.steps.dispatch(id, request, expectedVersion(ifMatch, id)));
	}

	@PostMapping("/api/workorders/{id:\\d+}/findings")
	@PreAuthorize("hasAnyRole('DISPATCHER', 'PLANNER', 'CREW', 'SAFETY')")
	ResponseEntity<WorkOrderView> raiseFinding(@PathVariable long id, @RequestBody CreateWorkOrderRequest request) {
		return created(this.service.raiseFinding(id, request));
	}

	@PostMapping(path = "/api/workorders/{id:\\d+}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('DISPATCHER', 'PLANNER', 'CREW', 'SAFETY')")
	ResponseEntity<WorkOrderView.AttachmentView> attach(@PathVariable long id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		WorkOrderView.AttachmentView attachment = this.photos.upload(id, file);
		return ResponseEntity.created(URI.create(attachment.url())).body(attachment);
	}

	@GetMapping("/api/workorders/{id:\\d+}/attachments/{attachmentId:\\d+}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		AttachmentRepository.Content content = this.photos.content(id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.contentType()))
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Disposition", "inline")
			.body(content.data());
	}

	/** The version If-Match names; of several, the order's own, read only then. */
	private Integer expectedVersion(String ifMatch, long id) {
		return ETag.optionalVersion(ifMatch, () -> this.service.get(id).version());
	}

	private static ResponseEntity<WorkOrderView> created(WorkOrderView order) {
		return withEtag(ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/workorders/" + order.id())),
				order);
	}

	private static ResponseEntity<WorkOrderView> withEtag(ResponseEntity.BodyBuilder response, WorkOrderView order) {
		return response.eTag(ETag.of(order.version())).body(order);
	}

}
