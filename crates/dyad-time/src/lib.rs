//! Dates of events from time expressions: finds "yesterday", "on Monday", "last week",
//! "two days ago", "in May 2006", "Aug. 9", "2007-08-09"... in a sentence and resolves each against
//! the article date, using the tense of the event to choose between the last and the next
//! occurrence of a weekday or month.
//!
//! The scanner is hand-written (no regex): one pass splits the sentence into words, each word is
//! classified against a closed vocabulary, and the patterns are tried only at words that can start
//! one. Date arithmetic is checked, so impossible dates ("Feb. 30") yield no expression, never a panic.

mod lex;

use std::cell::RefCell;

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use dyad_text::Span;

use lex::{Lex, Tok, Unit};

/// Whether one word names a point in time by itself ("Tuesday", "May", "Jan", "yesterday",
/// "night", "weekend", "2003"), in any case: the closed vocabulary the resolver reads dates with.
pub fn is_time_word(word: &str) -> bool {
    lex::names_time(word)
}

/// The tense of the event's verb, which decides whether "Monday" is the last or the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tense {
    #[default]
    Past,
    /// Taken as the nearer of the last and the next occurrence.
    Present,
    Future,
}

/// How precise a resolved date is. `date` is then the first day of the week (Monday), month or year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
}

/// One time expression found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeExpr {
    /// Byte offsets within the sentence given to [`TimeResolver::find`] (prepositions such as "on"
    /// and "in" are left out: "on Monday" spans "Monday").
    pub span: Span,
    pub date: NaiveDate,
    pub granularity: Granularity,
    /// The expression is an offset from an event the sentence names ("two days later", "the
    /// next day"), which is not resolved here: the offset is taken from the article date, and
    /// [`TimeResolver::resolve`] prefers any other expression.
    pub weak: bool,
}

/// Finds and resolves time expressions. Immutable and cheap to build; share one.
#[derive(Debug, Clone, Default)]
pub struct TimeResolver {
    _private: (),
}

thread_local! {
    /// Per-thread token buffer, so that `find` allocates nothing once warm.
    static TOKENS: RefCell<Vec<Tok>> = const { RefCell::new(Vec::new()) };
    /// Per-thread expression buffer for `resolve`.
    static EXPRS: RefCell<Vec<TimeExpr>> = const { RefCell::new(Vec::new()) };
}

impl TimeResolver {
    pub fn new() -> Self {
        TimeResolver { _private: () }
    }

    /// Appends to `out` every time expression in `sentence`, left to right, without overlaps,
    /// resolved against the article date `base`.
    pub fn find(&self, sentence: &str, base: NaiveDate, tense: Tense, out: &mut Vec<TimeExpr>) {
        TOKENS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut toks) => find_in(sentence, base, tense, &mut toks, out),
            // Only reachable by re-entering `find` from within itself; use a fresh buffer.
            Err(_) => find_in(sentence, base, tense, &mut Vec::new(), out),
        });
    }

    /// The expression that best dates the event: expressions anchored to the article date before
    /// weak ones, finer granularity before coarser, then the first in the sentence.
    pub fn resolve(&self, sentence: &str, base: NaiveDate, tense: Tense) -> Option<TimeExpr> {
        let best = |out: &mut Vec<TimeExpr>| {
            out.clear();
            self.find(sentence, base, tense, out);
            out.iter().copied().min_by_key(|e| (e.weak, e.granularity, e.span.start))
        };
        EXPRS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut out) => best(&mut out),
            Err(_) => best(&mut Vec::new()),
        })
    }
}

fn find_in(sentence: &str, base: NaiveDate, tense: Tense, toks: &mut Vec<Tok>, out: &mut Vec<TimeExpr>) {
    lex::scan(sentence, toks);
    let cx = Cx { t: toks, base, tense };
    let mut i = 0;
    while i < toks.len() {
        match cx.at(i) {
            Some(m) => {
                let (s, e) = (toks[m.first].start as usize, toks[m.end - 1].end as usize);
                out.push(TimeExpr { span: Span::new(s, e), date: m.date, granularity: m.gran, weak: m.weak });
                i = m.end;
            }
            None => i += 1,
        }
    }
}

/// A pattern that matched: tokens `first..end`, with its date.
struct Hit {
    first: usize,
    end: usize,
    date: NaiveDate,
    gran: Granularity,
    weak: bool,
}

struct Cx<'a> {
    t: &'a [Tok],
    base: NaiveDate,
    tense: Tense,
}

impl Cx<'_> {
    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::Other, |t| t.lex)
    }

    /// Whether token `i` directly follows token `i - 1` (no space between).
    fn touches(&self, i: usize) -> bool {
        i > 0 && i < self.t.len() && self.t[i - 1].end == self.t[i].start
    }

    fn hit(&self, first: usize, end: usize, date: Option<NaiveDate>, gran: Granularity) -> Option<Hit> {
        Some(Hit { first, end, date: date?, gran, weak: false })
    }

    /// Every pattern that can start at token `i`.
    fn at(&self, i: usize) -> Option<Hit> {
        match self.lex(i) {
            Lex::Num { value, digits } => {
                self.iso_date(i).or_else(|| self.day_month(i, value)).or_else(|| {
                    self.relative(i).or_else(|| (digits == 4).then(|| self.bare_year(i, value)).flatten())
                })
            }
            Lex::NumWord(_) => self.relative(i),
            Lex::Month { .. } => self.month_first(i, i),
            Lex::Edge => match self.lex(i + 1) {
                Lex::Month { .. } => self.month_first(i + 1, i),
                Lex::Punct(b'-') if matches!(self.lex(i + 2), Lex::Month { .. }) => {
                    self.month_first(i + 2, i)
                }
                Lex::Num { value, digits: 4 } => self.year(i, i + 1, value),
                _ => None,
            },
            Lex::Weekday(wd) => {
                let date = pick(
                    self.tense,
                    self.base,
                    last_weekday(self.base, wd, true),
                    next_weekday(self.base, wd, true),
                );
                self.hit(i, self.skip_day_part(i + 1), date, Granularity::Day)
            }
            Lex::DayWord(offset) => {
                self.hit(i, self.skip_day_part(i + 1), add_days(self.base, offset), Granularity::Day)
            }
            Lex::Overnight => {
                let offset = if self.tense == Tense::Past { -1 } else { 0 };
                self.hit(i, i + 1, add_days(self.base, offset), Granularity::Day)
            }
            Lex::Last | Lex::Next | Lex::This => self.deictic(i),
            Lex::Earlier | Lex::Later => self.earlier_this(i),
            Lex::The => self.the_next(i),
            Lex::In => self.in_n_units(i),
            _ => None,
        }
    }

    /// The token after the month name at `m`, and after its dot when the name is abbreviated
    /// ("Aug."), but not after a full stop that ends the sentence ("until 9 November.").
    fn after_abbreviation_dot(&self, m: usize) -> usize {
        let abbreviated = matches!(self.lex(m), Lex::Month { abbrev: true, .. });
        if abbreviated && self.lex(m + 1) == Lex::Punct(b'.') && self.touches(m + 1) {
            m + 2
        } else {
            m + 1
        }
    }

    /// Skips "morning", "night"... after a day ("Sunday night", "yesterday afternoon").
    fn skip_day_part(&self, i: usize) -> usize {
        if matches!(self.lex(i), Lex::DayPart(_)) {
            i + 1
        } else {
            i
        }
    }

    /// "2007-08-09".
    fn iso_date(&self, i: usize) -> Option<Hit> {
        let (Lex::Num { value: y, digits: 4 }, Lex::Punct(b'-'), Lex::Num { value: m, digits: 1..=2 }) =
            (self.lex(i), self.lex(i + 1), self.lex(i + 2))
        else {
            return None;
        };
        let (Lex::Punct(b'-'), Lex::Num { value: d, digits: 1..=2 }) = (self.lex(i + 3), self.lex(i + 4))
        else {
            return None;
        };
        if !(1..=4).all(|k| self.touches(i + k)) {
            return None;
        }
        self.hit(i, i + 5, NaiveDate::from_ymd_opt(y as i32, m, d), Granularity::Day)
    }

    /// "5 May", "9 August 2007", "the 5th of May".
    fn day_month(&self, i: usize, day: u32) -> Option<Hit> {
        if !matches!(self.lex(i), Lex::Num { digits: 1..=2, .. }) || !(1..=31).contains(&day) {
            return None;
        }
        let mut j = i + 1;
        if self.lex(j) == Lex::Of {
            j += 1;
        }
        let Lex::Month { month, .. } = self.lex(j) else { return None };
        let end = self.after_abbreviation_dot(j);
        let first = if i > 0 && self.lex(i - 1) == Lex::The { i - 1 } else { i };
        match self.year_after(end) {
            Some((y, e)) => self.hit(first, e, NaiveDate::from_ymd_opt(y, month, day), Granularity::Day),
            None => self.hit(first, end, self.month_day(month, day), Granularity::Day),
        }
    }

    /// A four-digit year at `i`, or after a comma at `i`: the year and the end of the match.
    fn year_after(&self, i: usize) -> Option<(i32, usize)> {
        match (self.lex(i), self.lex(i + 1)) {
            (Lex::Num { value, digits: 4 }, _) if plausible_year(value) => Some((value as i32, i + 1)),
            (Lex::Punct(b','), Lex::Num { value, digits: 4 }) if plausible_year(value) => {
                Some((value as i32, i + 2))
            }
            _ => None,
        }
    }

    /// A month name at `m` (with a modifier such as "early" at `first` < `m`): "May 5", "Aug. 9",
    /// "August 9, 2007", "May 2006", "in May".
    fn month_first(&self, m: usize, first: usize) -> Option<Hit> {
        let Lex::Month { month, weak, abbrev } = self.lex(m) else { return None };
        let j = self.after_abbreviation_dot(m);
        if let Lex::Num { value: day, digits: 1..=2 } = self.lex(j) {
            if (1..=31).contains(&day) && first == m && !weak {
                return match self.year_after(j + 1) {
                    Some((y, e)) => self.hit(m, e, NaiveDate::from_ymd_opt(y, month, day), Granularity::Day),
                    None => self.hit(m, j + 1, self.month_day(month, day), Granularity::Day),
                };
            }
        }
        if let Some((y, e)) = self.year_after(j).filter(|_| !weak || first < m) {
            return self.hit(first, e, NaiveDate::from_ymd_opt(y, month, 1), Granularity::Month);
        }
        // A bare month needs a preposition or modifier before it ("in May", "early May") and its
        // full name ("by Jan Egeland" is no date).
        let introduced =
            first < m || (m > 0 && matches!(self.lex(m - 1), Lex::Prep | Lex::In | Lex::Of | Lex::From));
        if !introduced || weak || abbrev {
            return None;
        }
        self.hit(first, m + 1, self.month_of(month), Granularity::Month)
    }

    /// A year introduced by a preposition: "in 2003", "since 2003"; not the start of a broken
    /// ISO date ("2007-02-30").
    fn bare_year(&self, i: usize, value: u32) -> Option<Hit> {
        let iso_like = self.lex(i + 1) == Lex::Punct(b'-') && self.touches(i + 1);
        if !iso_like && i > 0 && matches!(self.lex(i - 1), Lex::Prep | Lex::In | Lex::Of | Lex::From) {
            self.year(i, i, value)
        } else {
            None
        }
    }

    fn year(&self, first: usize, y: usize, value: u32) -> Option<Hit> {
        if !plausible_year(value) {
            return None;
        }
        self.hit(first, y + 1, NaiveDate::from_ymd_opt(value as i32, 1, 1), Granularity::Year)
    }

    /// "two days ago", "three weeks earlier", "a day later", "2 years after".
    fn relative(&self, i: usize) -> Option<Hit> {
        let n = match self.lex(i) {
            Lex::NumWord(n) => n,
            Lex::Num { value, digits: 1..=3 } => value,
            _ => return None,
        };
        // "2,000 years ago" and "1.5 years ago" are not "000 years ago" or "5 years ago".
        if self.touches(i) && matches!(self.lex(i - 1), Lex::Punct(b',' | b'.')) {
            return None;
        }
        let Lex::Unit(unit) = self.lex(i + 1) else { return None };
        let (sign, weak, end) = match (self.lex(i + 2), self.lex(i + 3)) {
            (Lex::Ago, _) => (-1, false, i + 3),
            (Lex::From, Lex::Now) => (1, false, i + 4),
            (Lex::Earlier, _) => (-1, true, i + 3),
            (Lex::Later, _) => (1, true, i + 3),
            _ => return None,
        };
        let date = shift(self.base, unit, sign * i64::from(n));
        let mut h = self.hit(i, end, date, unit_granularity(unit))?;
        h.weak = weak;
        Some(h)
    }

    /// "in two days", "in a week" (from the article date).
    fn in_n_units(&self, i: usize) -> Option<Hit> {
        let n = match self.lex(i + 1) {
            Lex::NumWord(n) => n,
            Lex::Num { value, digits: 1..=3 } => value,
            _ => return None,
        };
        let Lex::Unit(unit) = self.lex(i + 2) else { return None };
        if self.lex(i + 3) == Lex::Of || self.tense == Tense::Past {
            return None;
        }
        self.hit(i, i + 3, shift(self.base, unit, i64::from(n)), unit_granularity(unit))
    }

    /// "last week", "next month", "this year", "last night", "last Monday", "next May",
    /// "this morning".
    fn deictic(&self, i: usize) -> Option<Hit> {
        let which = self.lex(i);
        let (base, end) = (self.base, i + 2);
        match self.lex(i + 1) {
            Lex::Unit(Unit::Day) => None,
            Lex::Unit(unit) => {
                let step = match which {
                    Lex::Last => -1,
                    Lex::Next => 1,
                    _ => 0,
                };
                self.hit(i, end, period_start(base, unit, step), unit_granularity(unit))
            }
            Lex::DayPart(_) => match which {
                Lex::Last => self.hit(i, end, add_days(base, -1), Granularity::Day),
                Lex::This => self.hit(i, end, Some(base), Granularity::Day),
                _ => None,
            },
            Lex::Weekday(wd) => {
                let date = match which {
                    Lex::Last => last_weekday(base, wd, false),
                    Lex::Next => next_weekday(base, wd, false),
                    _ => pick(self.tense, base, last_weekday(base, wd, true), next_weekday(base, wd, true)),
                };
                self.hit(i, self.skip_day_part(end), date, Granularity::Day)
            }
            Lex::Month { month, .. } => {
                let y = base.year();
                let year = match which {
                    Lex::Last if month < base.month() => y,
                    Lex::Last => y - 1,
                    Lex::Next if month > base.month() => y,
                    Lex::Next => y + 1,
                    _ => y,
                };
                self.hit(i, end, NaiveDate::from_ymd_opt(year, month, 1), Granularity::Month)
            }
            _ => None,
        }
    }

    /// "earlier this month", "later this week", "earlier this year".
    fn earlier_this(&self, i: usize) -> Option<Hit> {
        match (self.lex(i + 1), self.lex(i + 2)) {
            (Lex::This, Lex::Unit(unit)) if unit != Unit::Day => {
                self.hit(i, i + 3, period_start(self.base, unit, 0), unit_granularity(unit))
            }
            (Lex::DayWord(offset), _) => {
                self.hit(i, self.skip_day_part(i + 2), add_days(self.base, offset), Granularity::Day)
            }
            _ => None,
        }
    }

    /// "the next day", "the following week", "the previous day", "the day before", "the day after
    /// tomorrow", "the day before yesterday".
    fn the_next(&self, i: usize) -> Option<Hit> {
        let (sign, unit, end, weak) = match (self.lex(i + 1), self.lex(i + 2), self.lex(i + 3)) {
            (Lex::Unit(Unit::Day), Lex::Earlier, Lex::DayWord(-1)) => (-2, Unit::Day, i + 4, false),
            (Lex::Unit(Unit::Day), Lex::Later, Lex::DayWord(1)) => (2, Unit::Day, i + 4, false),
            (Lex::Unit(unit), Lex::Earlier, _) => (-1, unit, i + 3, true),
            (Lex::Unit(unit), Lex::Later, _) => (1, unit, i + 3, true),
            (Lex::Next | Lex::Following, Lex::Unit(unit), _) => (1, unit, i + 3, true),
            (Lex::Previous, Lex::Unit(unit), _) => (-1, unit, i + 3, true),
            _ => return None,
        };
        let mut h = self.hit(i, end, shift(self.base, unit, sign), unit_granularity(unit))?;
        h.weak = weak;
        Some(h)
    }

    /// The day `day` of month `month` in the year the tense points to.
    fn month_day(&self, month: u32, day: u32) -> Option<NaiveDate> {
        let y = self.base.year();
        let at = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
        // A day that exists in no year near the article date ("Feb. 30") is no date at all.
        at(y).or_else(|| at(y - 1)).or_else(|| at(y + 1))?;
        let past = [y, y - 1, y - 2, y - 3, y - 4].into_iter().filter_map(at).find(|d| *d <= self.base);
        let future = [y, y + 1, y + 2, y + 3, y + 4].into_iter().filter_map(at).find(|d| *d >= self.base);
        pick(self.tense, self.base, past, future)
    }

    /// The first day of month `month` in the year the tense points to.
    fn month_of(&self, month: u32) -> Option<NaiveDate> {
        let (y, m) = (self.base.year(), self.base.month());
        let past = NaiveDate::from_ymd_opt(if month <= m { y } else { y - 1 }, month, 1);
        let future = NaiveDate::from_ymd_opt(if month >= m { y } else { y + 1 }, month, 1);
        let this_month = NaiveDate::from_ymd_opt(y, m, 1)?;
        pick(self.tense, this_month, past, future)
    }
}

fn plausible_year(y: u32) -> bool {
    (1800..=2200).contains(&y)
}

fn unit_granularity(unit: Unit) -> Granularity {
    match unit {
        Unit::Day => Granularity::Day,
        Unit::Week => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Year => Granularity::Year,
    }
}

/// Chooses the last or the next occurrence by tense; the present takes the nearer (the last on a tie).
fn pick(
    tense: Tense,
    base: NaiveDate,
    past: Option<NaiveDate>,
    future: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match tense {
        Tense::Past => past,
        Tense::Future => future,
        Tense::Present => match (past, future) {
            (Some(p), Some(f)) => Some(if (f - base) < (base - p) { f } else { p }),
            (p, f) => p.or(f),
        },
    }
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let days = Days::new(n.unsigned_abs());
    if n >= 0 {
        d.checked_add_days(days)
    } else {
        d.checked_sub_days(days)
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let months = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(months)
    } else {
        d.checked_sub_months(months)
    }
}

/// `d` moved by `n` units (a month from Jan. 31 is the end of February).
fn shift(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Day => add_days(d, n),
        Unit::Week => add_days(d, n.checked_mul(7)?),
        Unit::Month => add_months(d, n),
        Unit::Year => add_months(d, n.checked_mul(12)?),
    }
}

/// The first day of the week (Monday), month or year containing `d`, moved by `step` periods.
fn period_start(d: NaiveDate, unit: Unit, step: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Day => add_days(d, step),
        Unit::Week => add_days(d, step.checked_mul(7)? - i64::from(d.weekday().num_days_from_monday())),
        Unit::Month => add_months(d.with_day(1)?, step),
        Unit::Year => NaiveDate::from_ymd_opt(d.year().checked_add(i32::try_from(step).ok()?)?, 1, 1),
    }
}

/// The most recent `wd` on or before `d` (`inclusive`) or strictly before it.
fn last_weekday(d: NaiveDate, wd: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    let back = if back == 0 && !inclusive { 7 } else { back };
    add_days(d, -i64::from(back))
}

/// The first `wd` on or after `d` (`inclusive`) or strictly after it.
fn next_weekday(d: NaiveDate, wd: Weekday, inclusive: bool) -> Option<NaiveDate> {
    let fwd = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    let fwd = if fwd == 0 && !inclusive { 7 } else { fwd };
    add_days(d, i64::from(fwd))
}

#[cfg(test)]
mod tests;
