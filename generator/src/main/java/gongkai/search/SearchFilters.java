package gongkai.search;

import java.math.BigDecimal;

/**
 * Result filters from the URL: year, department key (region/code), 一级指标 category, budget range in 万元, and
 * whether a budget range keeps the projects that print no amount ({@code nobudget=1}; they cannot be placed in a
 * range, and leaving them out silently would hide whole departments).
 */
public record SearchFilters(Integer year, String dept, String category, BigDecimal minWan, BigDecimal maxWan,
        boolean withUnbudgeted) {
    public static final SearchFilters NONE = new SearchFilters(null, null, null, null, null, false);

    public SearchFilters(Integer year, String dept, String category, BigDecimal minWan, BigDecimal maxWan) {
        this(year, dept, category, minWan, maxWan, false);
    }

    /** A budget bound as the URL and the page accept it: digits with an optional decimal part ({@code 1,000} is not). */
    public static boolean isBudgetBound(String v) {
        return v != null && v.strip().matches("\\d+(\\.\\d+)?");
    }
}
