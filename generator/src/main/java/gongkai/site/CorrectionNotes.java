package gongkai.site;

import gongkai.content.Correction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corrections as pages and the feed show them: oldest first, each with an anchor made from its date (a second
 * correction of the same day gets {@code -2}), so a feed entry links the notice and keeps its id when a
 * correction of another day is added.
 */
final class CorrectionNotes {
    private CorrectionNotes() {
    }

    /** As a page of {@code kit}'s edition dates them. */
    static List<Views.CorrectionView> of(PageKit kit, List<Correction> corrections) {
        return of(kit::dateText, corrections);
    }

    /** Dated in Chinese (2025年3月1日), as the feed is written. */
    static List<Views.CorrectionView> of(List<Correction> corrections) {
        return of(CorrectionNotes::dateText, corrections);
    }

    private static List<Views.CorrectionView> of(java.util.function.Function<LocalDate, String> dateText,
                                                 List<Correction> corrections) {
        List<Correction> sorted = new ArrayList<>(corrections);
        sorted.sort(Comparator.comparing(Correction::date)); // stable: same-day corrections keep file order
        Map<LocalDate, Integer> sameDay = new HashMap<>();
        List<Views.CorrectionView> views = new ArrayList<>();
        for (Correction c : sorted) {
            int n = sameDay.merge(c.date(), 1, Integer::sum);
            String anchor = "correction-" + c.date() + (n > 1 ? "-" + n : "");
            views.add(new Views.CorrectionView(anchor, c.date().toString(), dateText.apply(c.date()), c.what(), c.why()));
        }
        return List.copyOf(views);
    }

    /** 2025年3月1日. */
    static String dateText(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
