package cn.zonegis.workorder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import cn.zonegis.ApiProblem;
import cn.zonegis.security.AuditLog;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of the work, uploaded by whoever may work the order and attached to the step
 * they document. The type is read from the file's first bytes, never taken from the
 * client.
 */
@Service
class WorkOrderPhotos {

	/** A phone photo fits; anything bigger is not a site photo. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** Characters of a file name work_order_attachment.filename keeps. */
	static final int MAX_NAME = 200;

	private final WorkOrderService service;

	private final AttachmentRepository attachments;

	private final Actor.Resolver actors;

	private final AuditLog audit;

	WorkOrderPhotos(WorkOrderService service, AttachmentRepository attachments, Actor.Resolver actors, AuditLog audit) {
		this.service = service;
		this.attachments = attachments;
		this.actors = actors;
		this.audit = audit;
	}

	@Transactional
	WorkOrderView.AttachmentView upload(long orderId, MultipartFile file) {
		Actor actor = this.actors.current();
		WorkOrderView order = this.service.visible(orderId, actor, true);
		if (!actor.worksFor(order.crewId()) && !actor.username().equals(order.reportedBy())) {
			throw new ApiProblem(HttpStatus.FORBIDDEN, "step-not-yours", "workorder.photo.forbidden", order.code());
		}
		if (order.lifecycle() == WorkOrderLifecycle.CLOSED || order.lifecycle() == WorkOrderLifecycle.CANCELLED) {
			throw ApiProblem.conflict("order-finished", "workorder.photo.finished", order.code(), order.state());
		}
		if (file == null || file.isEmpty()) {
			throw ApiProblem.badRequest("missing-field", "workorder.field.missing", "file").with("parameter", "file");
		}
		if (file.getSize() > MAX_BYTES) {
			throw new ApiProblem(HttpStatus.valueOf(413), "photo-too-large", "workorder.photo.tooLarge",
					String.valueOf(MAX_BYTES / 1024 / 1024))
				.with("maxBytes", MAX_BYTES);
		}
		byte[] data = bytes(file);
		String contentType = imageType(data);
		if (contentType == null) {
			throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo-type", "workorder.photo.type");
		}
		String filename = filename(file.getOriginalFilename());
		long id = this.attachments.insert(orderId, filename, contentType, data, actor.username());
		this.audit.record("attach_photo", "work_order", orderId,
				JsonNodeFactory.instance.objectNode().put("attachmentId", id).put("sizeBytes", data.length).toString());
		return AttachmentRepository.view(orderId, id, null, filename, contentType, data.length);
	}

	@Transactional(readOnly = true)
	AttachmentRepository.Content content(long orderId, long id) {
		this.service.visible(orderId, this.actors.current(), false);
		return this.attachments.content(orderId, id)
			.orElseThrow(() -> ApiProblem.notFound("workorder.attachment.missing", String.valueOf(id)));
	}

	/** JPEG, PNG or WebP by their signatures; null for anything else. */
	static String imageType(byte[] data) {
		if (starts(data, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (starts(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return "image/png";
		}
		if (starts(data, 'R', 'I', 'F', 'F') && data.length >= 12 && data[8] == 'W' && data[9] == 'E' && data[10] == 'B'
				&& data[11] == 'P') {
			return "image/webp";
		}
		return null;
	}

	private static boolean starts(byte[] data, int... signature) {
		return data.length >= signature.length
				&& Arrays.equals(Arrays.copyOf(data, signature.length), toBytes(signature));
	}

	private static byte[] toBytes(int[] values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	/**
	 * The client's file name as sent, without the path some browsers send with it (RFC
	 * 7578 §4.2: a path says where the file lay on the phone, not what it is called).
	 * @throws ApiProblem 400 naming {@code file} when the name holds a control character
	 * or is longer than the attachment keeps
	 */
	static String filename(String original) {
		String name = (original == null) ? ""
				: original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		if (name.isEmpty()) {
			return "photo";
		}
		int at = 0;
		for (int c : name.codePoints().toArray()) {
			at++;
			if (Character.isISOControl(c)) {
				throw ApiProblem
					.badRequest("invalid-file-name", "workorder.photo.nameControl", at, String.format("U+%04X", c))
					.with("parameter", "file");
			}
		}
		if (at > MAX_NAME) {
			throw ApiProblem.badRequest("invalid-file-name", "workorder.photo.nameTooLong", at, MAX_NAME)
				.with("parameter", "file")
				.with("maxLength", MAX_NAME);
		}
		return name;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
