package gongkai.content;

/** What kind of target a printed 指标值 turned out to be. */
public enum TargetKind {
    /** A number with an optional comparator and unit: ≥90%, ≤45万元, 41人. */
    NUMBER,
    /** Two numbers: 90-95%. */
    RANGE,
    /** A date or deadline: 2025年12月31日前 (comparator LE), 2025.12.31. */
    DATE,
    /** A period between two dates: 2025.1.1-2025.12.31. */
    DATE_RANGE,
    /** Words only: 有所提升, 保障正常运转. */
    QUALITATIVE
}
