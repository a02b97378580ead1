package gongkai.build;

import gongkai.content.DepartmentYear;
import gongkai.content.Project;
import gongkai.content.SourceRef;
import java.math.BigDecimal;
import java.util.List;

/**
 * Hook for procurement rows (政府采购预算) linked to a project; the project page shows their 预算资金 cited as
 * procurement. Wire {@code gongkai.content.ProcurementLinks} here when it lands; {@link #NONE} until then.
 */
@FunctionalInterface
public interface ProcurementSource {
    /** A procurement row linked to a project: item name, 预算资金 in 元, and where it is printed. */
    record Match(String item, BigDecimal yuan, String tableTitle, SourceRef source) {
    }

    List<Match> linksFor(DepartmentYear departmentYear, Project project);

    ProcurementSource NONE = (departmentYear, project) -> List.of();
}
