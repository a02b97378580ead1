package gongkai.content;

import java.time.LocalDate;

/**
 * A project withdrawn after it was published ({@code retracted:} on its department-year). Its URL stays: the
 * site writes a tombstone page there ("已撤回", when, why, the last published figures) and data/retracted.csv
 * lists it — a published URL never becomes a 404.
 *
 * @param id     the withdrawn project's id, i.e. its page's URL; unique among projects and retractions
 * @param name   the project's name as last published
 * @param date   when it was withdrawn
 * @param reason why
 * @param budget the last published budget; null when not given
 */
public record Retraction(String id, String name, LocalDate date, String reason, Budget budget) {
}
