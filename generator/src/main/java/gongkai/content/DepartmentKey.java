package gongkai.content;

import java.util.Comparator;

/**
 * Which department: its region folder and its 预算单位编码, the pair that is unique across the content (the same
 * code can exist in two regions). Its text form {@code tianjin/362303} is also the department's folder under
 * content/ and under the site root, and the department's id in search documents.
 */
public record DepartmentKey(String regionSlug, String code) implements Comparable<DepartmentKey> {
    /** Region, then code as text: the order the loader sorts departments in. */
    private static final Comparator<DepartmentKey> ORDER = Comparator.comparing(DepartmentKey::regionSlug)
            .thenComparing(DepartmentKey::code);

    @Override
    public int compareTo(DepartmentKey other) {
        return ORDER.compare(this, other);
    }

    /** {@code tianjin/362303}. */
    @Override
    public String toString() {
        return regionSlug + "/" + code;
    }
}
