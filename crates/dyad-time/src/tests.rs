//! Tests against the article date 2007-08-09, a Thursday.

use super::*;

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2007, 8, 9).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The best expression: its text, date and granularity.
fn res(s: &str, tense: Tense) -> Option<(&str, NaiveDate, Granularity)> {
    TimeResolver::new().resolve(s, base(), tense).map(|e| (e.span.slice(s), e.date, e.granularity))
}

fn past(s: &str) -> Option<(&str, NaiveDate, Granularity)> {
    res(s, Tense::Past)
}

fn fut(s: &str) -> Option<(&str, NaiveDate, Granularity)> {
    res(s, Tense::Future)
}

use Granularity::{Day, Month, Week, Year};

#[test]
fn day_words() {
    assert_eq!(past("Talks ended yesterday."), Some(("yesterday", d(2007, 8, 8), Day)));
    assert_eq!(past("He said today that"), Some(("today", d(2007, 8, 9), Day)));
    assert_eq!(fut("They will meet tonight"), Some(("tonight", d(2007, 8, 9), Day)));
    assert_eq!(fut("They will meet TOMORROW morning"), Some(("TOMORROW morning", d(2007, 8, 10), Day)));
    assert_eq!(past("Rebels attacked last night"), Some(("last night", d(2007, 8, 8), Day)));
    assert_eq!(past("Rockets hit the city overnight"), Some(("overnight", d(2007, 8, 8), Day)));
    assert_eq!(fut("Convoys will move overnight"), Some(("overnight", d(2007, 8, 9), Day)));
    assert_eq!(past("He spoke this morning"), Some(("this morning", d(2007, 8, 9), Day)));
    assert_eq!(past("He spoke earlier today"), Some(("earlier today", d(2007, 8, 9), Day)));
    assert_eq!(past("on the day before yesterday"), Some(("the day before yesterday", d(2007, 8, 7), Day)));
}

#[test]
fn weekdays_follow_tense() {
    assert_eq!(past("Iran said on Monday it would"), Some(("Monday", d(2007, 8, 6), Day)));
    assert_eq!(fut("Iran will reply on Monday"), Some(("Monday", d(2007, 8, 13), Day)));
    assert_eq!(past("The minister arrived Tuesday"), Some(("Tuesday", d(2007, 8, 7), Day)));
    // The article's own weekday is the article date in either tense.
    assert_eq!(past("said on Thursday"), Some(("Thursday", d(2007, 8, 9), Day)));
    assert_eq!(fut("will meet on Thursday"), Some(("Thursday", d(2007, 8, 9), Day)));
    assert_eq!(past("clashes on Sunday night killed"), Some(("Sunday night", d(2007, 8, 5), Day)));
    assert_eq!(past("Monday's attack"), Some(("Monday", d(2007, 8, 6), Day)));
    assert_eq!(past("last Thursday"), Some(("last Thursday", d(2007, 8, 2), Day)));
    assert_eq!(fut("next Monday"), Some(("next Monday", d(2007, 8, 13), Day)));
    // The present takes the nearer: Friday is tomorrow, Tuesday two days back.
    assert_eq!(res("talks on Friday", Tense::Present), Some(("Friday", d(2007, 8, 10), Day)));
    assert_eq!(res("talks on Tuesday", Tense::Present), Some(("Tuesday", d(2007, 8, 7), Day)));
}

#[test]
fn weeks_months_years_around_the_article() {
    assert_eq!(past("last week"), Some(("last week", d(2007, 7, 30), Week)));
    assert_eq!(fut("next week"), Some(("next week", d(2007, 8, 13), Week)));
    assert_eq!(past("this week"), Some(("this week", d(2007, 8, 6), Week)));
    assert_eq!(past("last month"), Some(("last month", d(2007, 7, 1), Month)));
    assert_eq!(fut("next month"), Some(("next month", d(2007, 9, 1), Month)));
    assert_eq!(past("last year"), Some(("last year", d(2006, 1, 1), Year)));
    assert_eq!(fut("next year"), Some(("next year", d(2008, 1, 1), Year)));
    assert_eq!(past("earlier this month"), Some(("earlier this month", d(2007, 8, 1), Month)));
    assert_eq!(past("earlier this year"), Some(("earlier this year", d(2007, 1, 1), Year)));
    assert_eq!(fut("later this week"), Some(("later this week", d(2007, 8, 6), Week)));
    assert_eq!(past("last May"), Some(("last May", d(2007, 5, 1), Month)));
    assert_eq!(past("last September"), Some(("last September", d(2006, 9, 1), Month)));
    assert_eq!(fut("next May"), Some(("next May", d(2008, 5, 1), Month)));
}

#[test]
fn relative_offsets() {
    assert_eq!(past("two days ago"), Some(("two days ago", d(2007, 8, 7), Day)));
    assert_eq!(past("3 weeks ago"), Some(("3 weeks ago", d(2007, 7, 19), Week)));
    assert_eq!(past("a year ago"), Some(("a year ago", d(2006, 8, 9), Year)));
    assert_eq!(fut("two weeks from now"), Some(("two weeks from now", d(2007, 8, 23), Week)));
    assert_eq!(fut("in two days"), Some(("in two days", d(2007, 8, 11), Day)));
    assert_eq!(past("in two days of talks"), None);
    assert_eq!(past("2,000 years ago"), None);
    assert_eq!(past("1.5 years ago"), None);
    let r = TimeResolver::new();
    let e = r.resolve("three weeks earlier", base(), Tense::Past).unwrap();
    assert_eq!((e.date, e.granularity, e.weak), (d(2007, 7, 19), Week, true));
    let e = r.resolve("a day later", base(), Tense::Past).unwrap();
    assert_eq!((e.date, e.weak), (d(2007, 8, 10), true));
    let e = r.resolve("two days after", base(), Tense::Past).unwrap();
    assert_eq!((e.date, e.weak), (d(2007, 8, 11), true));
    let e = r.resolve("the next day", base(), Tense::Past).unwrap();
    assert_eq!((e.span.slice("the next day"), e.date, e.weak), ("the next day", d(2007, 8, 10), true));
    let e = r.resolve("eleven months before", base(), Tense::Past).unwrap();
    assert_eq!(e.date, d(2006, 9, 9));
}

#[test]
fn months_without_days() {
    assert_eq!(past("elections held in May"), Some(("May", d(2007, 5, 1), Month)));
    assert_eq!(past("talks in September"), Some(("September", d(2006, 9, 1), Month)));
    assert_eq!(fut("elections will be held in May"), Some(("May", d(2008, 5, 1), Month)));
    assert_eq!(fut("talks in September"), Some(("September", d(2007, 9, 1), Month)));
    assert_eq!(past("in May 2006"), Some(("May 2006", d(2006, 5, 1), Month)));
    assert_eq!(past("since early March"), Some(("early March", d(2007, 3, 1), Month)));
    assert_eq!(past("in mid-July"), Some(("mid-July", d(2007, 7, 1), Month)));
    // "may" in lower case is the verb; a bare month needs a preposition.
    assert_eq!(past("Iran may 5 times reject it"), None);
    assert_eq!(past("He may march on"), None);
    assert_eq!(past("May said"), None);
    assert_eq!(past("said by Jan Egeland"), None);
    assert_eq!(past("in Jan. 2006"), Some(("Jan. 2006", d(2006, 1, 1), Month)));
}

#[test]
fn calendar_dates() {
    assert_eq!(past("on May 5"), Some(("May 5", d(2007, 5, 5), Day)));
    assert_eq!(past("on 5 May"), Some(("5 May", d(2007, 5, 5), Day)));
    assert_eq!(past("on Aug. 9"), Some(("Aug. 9", d(2007, 8, 9), Day)));
    assert_eq!(past("on August 9, 2007,"), Some(("August 9, 2007", d(2007, 8, 9), Day)));
    assert_eq!(past("on 9 August 2007"), Some(("9 August 2007", d(2007, 8, 9), Day)));
    assert_eq!(past("until 9 November."), Some(("9 November", d(2006, 11, 9), Day)));
    assert_eq!(past("until 9 Nov. 2006"), Some(("9 Nov. 2006", d(2006, 11, 9), Day)));
    assert_eq!(past("dated 2007-08-09."), Some(("2007-08-09", d(2007, 8, 9), Day)));
    assert_eq!(past("on the 5th of May"), Some(("the 5th of May", d(2007, 5, 5), Day)));
    assert_eq!(past("on Sept. 11"), Some(("Sept. 11", d(2006, 9, 11), Day)));
    assert_eq!(fut("on Sept. 11"), Some(("Sept. 11", d(2007, 9, 11), Day)));
    assert_eq!(fut("on Aug. 2"), Some(("Aug. 2", d(2008, 8, 2), Day)));
    assert_eq!(past("on Feb. 29"), Some(("Feb. 29", d(2004, 2, 29), Day)));
}

#[test]
fn years() {
    assert_eq!(past("the invasion in 2003"), Some(("2003", d(2003, 1, 1), Year)));
    assert_eq!(past("since late 2005"), Some(("late 2005", d(2005, 1, 1), Year)));
    assert_eq!(past("killed 2003 people"), None);
    assert_eq!(past("in 1066"), None);
}

#[test]
fn impossible_dates_are_no_dates() {
    assert_eq!(past("on Feb. 30"), None);
    assert_eq!(past("on February 30, 2007"), None);
    assert_eq!(past("on 2007-02-30"), None);
    assert_eq!(past("on 2007-13-01"), None);
    assert_eq!(past("on 31 June"), None);
    // Spaced out, it is no ISO date; the year alone is all that is left.
    assert_eq!(past("on 2007 - 08 - 09"), Some(("2007", d(2007, 1, 1), Year)));
}

#[test]
fn finds_every_expression_and_prefers_the_finest() {
    let s = "Iran said on Monday that in 2003 it had met US envoys two days later.";
    let mut out = Vec::new();
    TimeResolver::new().find(s, base(), Tense::Past, &mut out);
    let texts: Vec<_> = out.iter().map(|e| e.span.slice(s)).collect();
    assert_eq!(texts, ["Monday", "2003", "two days later"]);
    assert_eq!(past(s), Some(("Monday", d(2007, 8, 6), Day)));
    assert_eq!(past("two days later, in May"), Some(("May", d(2007, 5, 1), Month)));
    // `find` appends.
    TimeResolver::new().find("yesterday", base(), Tense::Past, &mut out);
    assert_eq!(out.len(), 4);
}

#[test]
fn spans_are_byte_offsets_in_unicode_text() {
    let s = "Le président — “yesterday” — a parlé.";
    let e = TimeResolver::new().resolve(s, base(), Tense::Past).unwrap();
    assert_eq!(e.span.get(s), Some("yesterday"));
}

#[test]
fn junk_never_panics() {
    let r = TimeResolver::new();
    let edge = [NaiveDate::MIN, NaiveDate::MAX, d(2000, 2, 29), d(2007, 1, 31), d(2007, 12, 31)];
    let junk = [
        "",
        " ",
        "9999-99-99",
        "2007-",
        "2007-08-",
        "-",
        "May",
        "in",
        "last",
        "the day",
        "99999999999999999999 days ago",
        "999 years ago",
        "999 years from now",
        "in 999 months",
        "on 0 May",
        "on May 0",
        "31st of February 2200",
        "next year last year this year next week next month",
        "Ω≈ç√∫˜µ≤≥÷ yesterday 日本語 Monday ☃",
        "\u{0}\u{1}\t\n\r",
        "a a a a day day day ago ago",
        "January February March April May June July August September October November December",
    ];
    let mut out = Vec::new();
    for base in edge {
        for s in junk {
            for tense in [Tense::Past, Tense::Present, Tense::Future] {
                out.clear();
                r.find(s, base, tense, &mut out);
                for e in &out {
                    assert!(e.span.get(s).is_some(), "{s:?}");
                }
                let _ = r.resolve(s, base, tense);
            }
        }
    }
    // Every prefix of a long mixed string, cut on char boundaries.
    let long = "On Aug. 9, 2007 — two days after last Monday's talks in mid-May 2006, Iran said: 2007-08-09.";
    for (i, _) in long.char_indices() {
        out.clear();
        r.find(&long[..i], base(), Tense::Past, &mut out);
        r.find(&long[i..], base(), Tense::Future, &mut out);
    }
}
