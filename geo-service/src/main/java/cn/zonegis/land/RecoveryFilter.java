package cn.zonegis.land;

/** Which recoveries the register and its statistics show; null means any. */
record RecoveryFilter(Integer year, String reason, String landUse) {
}
