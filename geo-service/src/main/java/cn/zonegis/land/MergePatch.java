package cn.zonegis.land;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON Merge Patch (RFC 7396), as OGC API - Features Part 4 uses it for PATCH. */
final class MergePatch {

	private MergePatch() {
	}

	/**
	 * The target with the patch applied: objects merge member by member, null removes,
	 * anything else replaces.
	 */
	static JsonNode apply(JsonNode target, JsonNode patch) {
		if (patch == null || !patch.isObject()) {
			return patch;
		}
		ObjectNode result = (target != null && target.isObject()) ? ((ObjectNode) target).deepCopy()
				: JsonNodeFactory.instance.objectNode();
		patch.properties().forEach((member) -> {
			if (member.getValue().isNull()) {
				result.remove(member.getKey());
			}
			else {
				result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
			}
		});
		return result;
	}

}
