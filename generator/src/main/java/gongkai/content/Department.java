package gongkai.content;

/**
 * A budget unit (预算单位), described once in {@code content/<region>/<code>/department.yaml}.
 *
 * @param regionSlug the region folder
 * @param code       预算单位编码 as printed (e.g. 362303, 467)
 * @param name       full Chinese name as printed
 * @param shortName  optional short name for lists; null when absent
 * @param description optional Markdown; null when absent
 */
public record Department(String regionSlug, String code, String name, String shortName, String description) {
    public DepartmentKey key() {
        return new DepartmentKey(regionSlug, code);
    }
}
