package gongkai.search;

import java.math.BigDecimal;

/** Result filters from the URL: year, department key (region/code), 一级指标 category, budget range in 万元. */
public record SearchFilters(Integer year, String dept, String category, BigDecimal minWan, BigDecimal maxWan) {
    public static final SearchFilters NONE = new SearchFilters(null, null, null, null, null);
}
