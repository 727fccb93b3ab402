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
 * @param inspectionKind of an inspection: safety, environmental, fire, dust,
 * heating_stove or hazardous_waste
 * @param reinspectionOf of an inspection: the earlier inspection of the same enterprise
 * it follows up (复查)
 * @param rectifiedOnSpot of a finding: put right while the inspector was there (立即整改); it
 * is still verified before the inspection closes
 */
record CreateWorkOrderRequest(String kind, String priority, String description, LonLat location, String assetType,
		Long assetId, Long enterpriseId, String inspectionKind, Long reinspectionOf, Boolean rectifiedOnSpot) {
}
