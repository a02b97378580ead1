package gongkai.content;

import java.time.LocalDate;

/**
 * A correction an agency made after publishing ({@code corrections:} on a project or a department-year): shown as
 * a notice on the page, listed in the feed and in data/corrections.csv, so readers see that a figure changed.
 *
 * @param date when the correction was made
 * @param what what was corrected, e.g. 预算数由 60.00 万元更正为 6.00 万元
 * @param why  why, e.g. 原表单位误录
 */
public record Correction(LocalDate date, String what, String why) {
}
