package cn.zonegis.workorder;

/** Assigns a new order to a crew. */
record DispatchRequest(Long crewId, String note) {
}
