package gongkai.content;

/**
 * One row of the three-level performance indicator table (绩效指标).
 *
 * @param level1      一级指标 (产出指标, 效益指标/效果指标, 满意度指标 …); filled from the row above when the
 *                    source leaves the merged cell empty
 * @param level2      二级指标
 * @param level3      三级指标
 * @param description 绩效指标描述; may be null when the source has no such column/cell
 * @param target      指标值 exactly as printed
 * @param basis       指标值确定依据, where the source has that column; else null
 * @param parsed      the parsed reading of {@code target}; derived on load, never stored in YAML
 */
public record Indicator(
        String level1,
        String level2,
        String level3,
        String description,
        String target,
        String basis,
        ParsedTarget parsed) {
}
