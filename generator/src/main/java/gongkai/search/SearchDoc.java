package gongkai.search;

import gongkai.content.Urls;
import java.math.BigDecimal;
import java.util.List;

/**
 * One searchable document: a project or a department-year, flattened to the text that is indexed and the
 * data the result list shows.
 *
 * @param kind       {@link #PROJECT} or {@link #DEPARTMENT_YEAR}
 * @param id         project id, or {@code region/code/year} for a department-year
 * @param title      project name or department-year title (also the boosted {@code name} field)
 * @param url        site-relative URL of the page ({@link Urls})
 * @param year       budget year
 * @param deptKey    {@code region/code}, the department facet key
 * @param deptName   the department's name (short name when it has one)
 * @param values     every indexed text value of the {@code all} field, title first
 * @param snippet    the text a result snippet is cut from (no boilerplate indicator levels)
 * @param categories the distinct 一级指标 of the project's indicators, in first-seen order
 * @param budgetWan  the project's 预算数 in 万元, or null
 */
public record SearchDoc(
        int kind,
        String id,
        String title,
        String url,
        int year,
        String deptKey,
        String deptName,
        List<String> values,
        String snippet,
        List<String> categories,
        BigDecimal budgetWan) {
    public static final int PROJECT = 0;
    public static final int DEPARTMENT_YEAR = 1;

    public SearchDoc {
        values = List.copyOf(values);
        categories = List.copyOf(categories);
    }
}
