package gongkai.quality;

/**
 * The data-quality checks, each with a stable code (never reused: published quality.csv files and agencies'
 * {@code acknowledged:} entries refer to it), a short Chinese title shown on the affected row, an explanation for
 * the /quality/ page and a severity.
 */
public enum QualityCode {
    Q001("预算数与资金来源合计不符", "budget total differs from the sum of its funding sources",
            "“其中：财政资金”与“其他资金”之和不等于预算数。", Severity.WARNING),
    Q002("成本指标超过项目预算", "cost indicator exceeds the project's budget",
            "成本指标的指标值（金额）大于项目的预算数。", Severity.WARNING),
    Q003("比率超过100%", "rate over 100%",
            "以百分比表示的指标值超过 100%。增长率等可以超过 100%，完成率、合格率、满意度不能。", Severity.NOTICE),
    Q004("完成时限不在预算年度内", "deadline outside the budget year",
            "指标值中的日期或期限不在该预算年度内（如 2025 年预算写 2027 年完成）。", Severity.WARNING),
    Q005("同一年度重复的项目", "project repeated in the same year",
            "同一单位同一年度有两个名称相同的项目（名称规范化后相同），合计时会被重复计算。", Severity.WARNING),
    Q006("金额为零或负数", "amount zero or negative", "预算数为零或负数，或财政资金、其他资金为负数。", Severity.WARNING),
    Q007("指标值不是数值", "indicator target is not a figure",
            "数量、成本或时效指标应给出数字或日期，指标值却只是“逐步提高”“有所提升”一类的描述。", Severity.NOTICE),
    Q008("预算数与来源文件不符", "budget total not found in the source document",
            "项目的预算数在所引来源文件该项目表格附近的文字中找不到。", Severity.WARNING);

    /** How serious: a warning is probably an error in the data; a notice deserves a look. */
    public enum Severity {
        WARNING("警告"), NOTICE("提示");

        private final String label;

        Severity(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String title;
    private final String englishTitle;
    private final String explanation;
    private final Severity severity;

    QualityCode(String title, String englishTitle, String explanation, Severity severity) {
        this.title = title;
        this.englishTitle = englishTitle;
        this.explanation = explanation;
        this.severity = severity;
    }

    public String title() {
        return title;
    }

    /** The title in both languages, as validate prints it before a finding (the site shows the Chinese one). */
    public gongkai.content.Text titleText() {
        return gongkai.content.Text.of(title, englishTitle);
    }

    public String explanation() {
        return explanation;
    }

    public Severity severity() {
        return severity;
    }
}
