package cn.zonegis.workorder;

/**
 * A reported job: at a point, on an asset (the point defaults to the asset's), or at an
 * enterprise for an inspection (the point defaults to the enterprise's).
 *
 * @param kind a {@link WorkOrderKind} value
 * @param priority a {@link WorkOrderPriority} value, normal when absent
 * @param description what is wrong, where
 * @param location where the work is, or null to take the asset's or enterprise's point
 * @param assetType road, pipe, well, streetlight or cable, with assetId
 * @param assetId the asset's id, with assetType
 * @param enterpriseId the enterprise inspected, or whose finding this is
 */
record CreateWorkOrderRequest(String kind, String priority, String description, LonLat location, String assetType,
		Long assetId, Long enterpriseId) {
}
