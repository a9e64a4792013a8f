//! Tests of the embedded gazetteer.

use super::*;

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

fn iso3(name: &str) -> Option<(&'static str, PlaceKind)> {
    g().lookup(name).map(|p| (p.country_iso3, p.kind))
}

#[test]
fn embedded_file_parses_fully() {
    let parsed = Gazetteer::parse("gazetteer.tsv", GAZETTEER_TSV).unwrap();
    assert_eq!(parsed.places().len(), g().places().len());
    let countries = g().places().iter().filter(|p| p.kind == PlaceKind::Country).count();
    let capitals = g().places().iter().filter(|p| p.kind == PlaceKind::Capital).count();
    assert!(countries >= 245, "{countries}");
    assert!(capitals >= 240, "{capitals}");
    assert!(g().places().len() > 4000);
}

#[test]
fn capitals_and_cities() {
    assert_eq!(iso3("Damascus"), Some(("SYR", PlaceKind::Capital)));
    assert_eq!(iso3("Baghdad"), Some(("IRQ", PlaceKind::Capital)));
    assert_eq!(iso3("Tehran"), Some(("IRN", PlaceKind::Capital)));
    assert_eq!(iso3("New York"), Some(("USA", PlaceKind::City)));
    assert_eq!(iso3("Basra"), Some(("IRQ", PlaceKind::City)));
    assert_eq!(iso3("Tel Aviv"), Some(("ISR", PlaceKind::City)));
    // The capital London, not London, Ontario.
    assert_eq!(iso3("london"), Some(("GBR", PlaceKind::Capital)));
    let d = g().lookup("Damascus").unwrap();
    assert!((d.lat - 33.51).abs() < 0.1 && (d.lon - 36.29).abs() < 0.1);
    assert!(d.population > 1_000_000);
}

#[test]
fn countries_win_over_cities() {
    assert_eq!(iso3("Turkey"), Some(("TUR", PlaceKind::Country)));
    assert_eq!(iso3("Georgia"), Some(("GEO", PlaceKind::Country)));
    assert_eq!(iso3("Mexico"), Some(("MEX", PlaceKind::Country)));
    assert_eq!(iso3("Kuwait"), Some(("KWT", PlaceKind::Country)));
    assert_eq!(iso3("United States"), Some(("USA", PlaceKind::Country)));
    assert_eq!(iso3("Saudi Arabia"), Some(("SAU", PlaceKind::Country)));
    let all: Vec<_> = g().lookup_all("Kuwait").map(|p| p.kind).collect();
    assert_eq!(all.first(), Some(&PlaceKind::Country));
}

#[test]
fn aliases_and_folding() {
    assert_eq!(iso3("Peking"), Some(("CHN", PlaceKind::Capital)));
    assert_eq!(iso3("Bombay"), Some(("IND", PlaceKind::City)));
    assert_eq!(iso3("Britain"), Some(("GBR", PlaceKind::Country)));
    assert_eq!(iso3("Syrian Arab Republic"), Some(("SYR", PlaceKind::Country)));
    assert_eq!(iso3("Côte d’Ivoire"), Some(("CIV", PlaceKind::Country)));
    assert_eq!(iso3("cote d'ivoire"), Some(("CIV", PlaceKind::Country)));
    assert_eq!(iso3("Türkiye"), Some(("TUR", PlaceKind::Country)));
    assert_eq!(iso3("  SAO   PAULO "), Some(("BRA", PlaceKind::City)));
    assert!(g().lookup("Beijing").unwrap().aliases().any(|a| a == "Peking"));
}

#[test]
fn short_capital_forms_are_case_sensitive() {
    assert_eq!(iso3("US"), Some(("USA", PlaceKind::Country)));
    assert_eq!(iso3("U.S."), Some(("USA", PlaceKind::Country)));
    assert_eq!(iso3("UK"), Some(("GBR", PlaceKind::Country)));
    assert_eq!(g().lookup("us"), None);
    assert_eq!(g().lookup("Us"), None);
}

#[test]
fn unknown_names() {
    for name in ["Gondor", "", " ", "the", "Minas Tirith", "\u{0}", "🙂"] {
        assert_eq!(g().lookup(name), None, "{name:?}");
    }
}

#[test]
fn country_names_by_code() {
    assert_eq!(g().country_name("SYR"), Some("Syria"));
    assert_eq!(g().country_name("USA"), Some("United States"));
    assert_eq!(g().country_by_iso2("IQ").map(|p| p.country_iso3), Some("IRQ"));
    assert_eq!(g().country_name("XXX"), None);
    // A country's point is its capital's.
    let syr = g().country("SYR").unwrap();
    assert!((syr.lat - 33.51).abs() < 0.1);
}

fn found(words: &[&str]) -> Vec<(usize, usize, &'static str)> {
    g().find_in(words).into_iter().map(|m| (m.start, m.end, m.place.country_iso3)).collect()
}

#[test]
fn finds_multi_word_names_longest_first() {
    let words =
        ["Officials", "in", "New", "York", "and", "Tel", "Aviv", "met", "Saudi", "Arabia", "'s", "envoy"];
    assert_eq!(found(&words), vec![(2, 4, "USA"), (5, 7, "ISR"), (8, 10, "SAU")]);
    let words = ["He", "flew", "from", "the", "United", "States", "to", "Baghdad", "."];
    assert_eq!(found(&words), vec![(4, 6, "USA"), (7, 8, "IRQ")]);
    // "York" alone is a city in England, but "New York" is the longer match.
    assert_eq!(found(&["New", "York"]), vec![(0, 2, "USA")]);
}

#[test]
fn find_in_handles_possessives_case_and_common_words() {
    assert_eq!(found(&["Iraq's", "neighbours"]), vec![(0, 1, "IRQ")]);
    assert_eq!(found(&["Iran’s", "president"]), vec![(0, 1, "IRN")]);
    // Lower-case words are not place names; "us" is a pronoun.
    assert_eq!(found(&["they", "told", "us", "about", "turkey"]), vec![]);
    assert_eq!(found(&["IT", "staff", "in", "the", "US", "and", "UK"]), vec![(4, 5, "USA"), (6, 7, "GBR")]);
    // "Nice" opening a sentence is an adjective; later and capitalized it is the city.
    assert_eq!(found(&["Nice", "work"]), vec![]);
    assert_eq!(found(&["in", "Nice", "today"]), vec![(1, 2, "FRA")]);
    let mut out = Vec::new();
    g().find_in_into(&[], &mut out);
    assert!(out.is_empty());
    g().find_in_into(&["", "'s", "’", "Ğ"], &mut out);
    assert!(out.is_empty());
}

#[test]
fn parse_errors_name_the_line() {
    let e =
        Gazetteer::parse("x.tsv", "# c\nC\tX\tXX\tXXX\t1\t0\t0\t\nQ\tY\tYY\tYYY\t1\t0\t0\t\n").unwrap_err();
    assert_eq!(e.line, 3);
    assert!(e.to_string().starts_with("x.tsv:3:"), "{e}");
    assert!(Gazetteer::parse("x.tsv", "C\tX\tXX\tXXX\tmany\t0\t0\t\n").is_err());
    assert!(Gazetteer::parse("x.tsv", "C\tX\tXX\n").is_err());
}
