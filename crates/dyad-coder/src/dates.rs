//! Event dates: the date expression of the event's clause ("yesterday", "on Thursday", "last
//! week") resolved against the article date, with the verb's tense choosing between the past
//! and the coming occurrence of a weekday; the article date when the clause names none.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::sentence::Sent;

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "MONDAY" => Weekday::Mon,
        "TUESDAY" => Weekday::Tue,
        "WEDNESDAY" => Weekday::Wed,
        "THURSDAY" => Weekday::Thu,
        "FRIDAY" => Weekday::Fri,
        "SATURDAY" => Weekday::Sat,
        "SUNDAY" => Weekday::Sun,
        _ => return None,
    })
}

/// The day `w` on or before `date` (past) or on or after it (future).
fn nearest(date: NaiveDate, w: Weekday, future: bool) -> NaiveDate {
    let today = date.weekday().num_days_from_monday() as i64;
    let want = w.num_days_from_monday() as i64;
    if future {
        let ahead = (want - today).rem_euclid(7) as u64;
        date.checked_add_days(Days::new(ahead)).unwrap_or(date)
    } else {
        let back = (today - want).rem_euclid(7) as u64;
        date.checked_sub_days(Days::new(back)).unwrap_or(date)
    }
}

/// Resolves the date of the event of verb `v`: the date words among the verb's own dependents
/// (not those of embedded clauses), else the article date.
pub(crate) fn event_date(sent: &Sent, v: u32, article: NaiveDate, future: bool) -> NaiveDate {
    let mut found: Option<NaiveDate> = None;
    let skip = |k: u32| {
        matches!(
            sent.rel(k).as_str(),
            "ccomp" | "xcomp" | "advcl" | "parataxis" | "conj" | "acl" | "acl:relcl" | "csubj"
        )
    };
    for &k in sent.kids(v) {
        if skip(k) || found.is_some() {
            continue;
        }
        sent.walk(k, &|c| skip(c), &mut |w| {
            if found.is_some() {
                return;
            }
            let f = sent.form(w);
            let d = match f {
                "YESTERDAY" => article.checked_sub_days(Days::new(1)),
                "TODAY" | "TONIGHT" => Some(article),
                "TOMORROW" => article.checked_add_days(Days::new(1)),
                _ => weekday(f).map(|wd| nearest(article, wd, future)),
            };
            found = d;
        });
    }
    found.unwrap_or(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_resolve_by_tense() {
        // 9 August 2007 was a Thursday.
        let d = NaiveDate::from_ymd_opt(2007, 8, 9).unwrap();
        assert_eq!(nearest(d, Weekday::Tue, false), NaiveDate::from_ymd_opt(2007, 8, 7).unwrap());
        assert_eq!(nearest(d, Weekday::Tue, true), NaiveDate::from_ymd_opt(2007, 8, 14).unwrap());
        assert_eq!(nearest(d, Weekday::Thu, false), d);
    }
}
