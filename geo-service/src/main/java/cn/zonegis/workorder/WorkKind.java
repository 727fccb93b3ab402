package cn.zonegis.workorder;

/**
 * A kind of municipal work of the catalogue (work_kind) that completed orders state their
 * work in and the half-year report counts (管道铺设 m, 路灯安装 盏…).
 */
public record WorkKind(String code, String category, String nameZh, String nameEn, String unit) {
}
