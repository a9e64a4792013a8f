//! Readers for the actor and agent dictionaries.
//!
//! Actors: a primary phrase with an optional `[CODE]`, `+synonym` lines, then (usually
//! tab-indented) `[CODE YYMMDD-YYMMDD]`, `[CODE >YYMMDD]`, `[CODE <YYMMDD]` or `[CODE]` lines.
//! Several `[...]` groups may share a line (`Phoenix.International.actors.txt` has
//! `NAME\t[A 940813-941017][A 951020-951205]`). Agents: `PHRASE {plural} [~CODE]` or
//! `[CODE~]`, with `!MARKER! = A, B` substitution sets.

use std::collections::HashMap;

use crate::model::{Actor, ActorId, Agent, AgentCode, AgentId, AgentPosition, DateRange, DatedCode, Phrase};
use crate::text::{content_lines, parse_date, phrase_words, plural, split_brackets, Diags};
use crate::ActorCode;

/// Parses one `[...]` group of an actor file into codes and their date range. TABARI's
/// `[A/B]` (several codes) gives one code per part; blanks inside the restriction
/// (`[EGYGOV > 140608]`, `[X 950601 - 990815]`) are tolerated.
fn parse_code_group(group: &str, line: u32, d: &mut Diags<'_>) -> Vec<DatedCode> {
    let mut parts = group.split_whitespace();
    let Some(raw_code) = parts.next() else {
        d.error(line, "empty [] code");
        return Vec::new();
    };
    let range_text: String = parts.collect();
    let range = if range_text.is_empty() {
        DateRange::Always
    } else {
        match parse_range(&range_text) {
            Some(r) => r,
            None => {
                d.error(line, format!("malformed date restriction {range_text:?} (expected YYMMDD-YYMMDD, >YYMMDD or <YYMMDD)"));
                return Vec::new();
            }
        }
    };
    let upper = raw_code.to_ascii_uppercase();
    if upper != raw_code {
        d.warning(line, format!("actor code {raw_code:?} is not upper case; read as {upper:?}"));
    }
    let pieces: Vec<&str> = upper.split('/').collect();
    if pieces.len() > 1 {
        d.warning(line, format!("several codes in [{group}]; Actor::code_on gives the first"));
    }
    let mut out = Vec::new();
    for piece in pieces {
        match ActorCode::new(piece) {
            Ok(code) => out.push(DatedCode { code, range, loc: d.loc(line) }),
            Err(e) => d.error(line, e.to_string()),
        }
    }
    out
}

fn parse_range(r: &str) -> Option<DateRange> {
    if let Some(x) = r.strip_prefix('>') {
        Some(DateRange::After(parse_date(x)?))
    } else if let Some(x) = r.strip_prefix('<') {
        Some(DateRange::Before(parse_date(x)?))
    } else {
        let (a, b) = r.split_once('-')?;
        Some(DateRange::Between(parse_date(a)?, parse_date(b)?))
    }
}

fn make_phrase(text: &str, line: u32, d: &mut Diags<'_>) -> Option<Phrase> {
    let words = phrase_words(text);
    if words.is_empty() {
        d.error(line, format!("phrase {text:?} has no words"));
        return None;
    }
    Some(Phrase { words, text: text.trim().into(), loc: d.loc(line) })
}

/// Reads an actor file; ids start at `first_id`.
pub(crate) fn parse_actors(text: &str, first_id: u32, d: &mut Diags<'_>) -> Vec<Actor> {
    let mut out: Vec<Actor> = Vec::new();
    let mut current: Option<Actor> = None;
    for line in content_lines(text, true) {
        let t = line.text;
        if t.starts_with('[') {
            let (_, groups) = split_brackets(t);
            match current.as_mut() {
                Some(a) => {
                    for g in groups {
                        a.codes.extend(parse_code_group(g, line.no, d));
                    }
                }
                None => d.error(line.no, "code line before any actor phrase"),
            }
        } else if let Some(rest) = t.strip_prefix('+') {
            let (phrase, groups) = split_brackets(rest);
            match current.as_mut() {
                Some(a) => {
                    if let Some(p) = make_phrase(phrase, line.no, d) {
                        a.phrases.push(p);
                    }
                    for g in groups {
                        a.codes.extend(parse_code_group(g, line.no, d));
                    }
                }
                None => d.error(line.no, "synonym line (+) before any actor phrase"),
            }
        } else {
            if let Some(a) = current.take() {
                out.push(a);
            }
            let (phrase, groups) = split_brackets(t);
            let Some(p) = make_phrase(phrase, line.no, d) else {
                continue;
            };
            let id = ActorId(first_id.saturating_add(u32::try_from(out.len()).unwrap_or(u32::MAX)));
            let mut a = Actor { id, phrases: vec![p], codes: Vec::new(), loc: d.loc(line.no) };
            for g in groups {
                a.codes.extend(parse_code_group(g, line.no, d));
            }
            current = Some(a);
        }
    }
    if let Some(a) = current.take() {
        out.push(a);
    }
    out
}

/// Parses an agent code group: `~GOV` (suffix) or `NGO~` (prefix).
fn parse_agent_code(group: &str, line: u32, d: &mut Diags<'_>) -> Option<AgentCode> {
    let g = group.trim();
    let (frag, position) = if let Some(x) = g.strip_prefix('~') {
        (x, AgentPosition::Suffix)
    } else if let Some(x) = g.strip_suffix('~') {
        (x, AgentPosition::Prefix)
    } else {
        d.error(line, format!("agent code [{g}] has no '~' (expected [~CODE] or [CODE~])"));
        return None;
    };
    let upper = frag.trim().to_ascii_uppercase();
    if upper.is_empty() || !upper.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        d.error(line, format!("agent code [{g}] is not letters and digits"));
        return None;
    }
    Some(AgentCode { fragment: upper.into(), position })
}

/// Reads an agent file; ids start at `first_id`.
pub(crate) fn parse_agents(text: &str, first_id: u32, d: &mut Diags<'_>) -> Vec<Agent> {
    let mut out: Vec<Agent> = Vec::new();
    let mut markers: HashMap<String, Vec<String>> = HashMap::new();
    for line in content_lines(text, false) {
        let t = line.text;
        if t.contains('!') && t.contains('=') && !t.contains('[') {
            // A substitution set: !PERSON! = MAN, MEN, WOMAN.
            let (lhs, rhs) = t.split_once('=').unwrap_or((t, ""));
            let name = lhs.trim().trim_matches('!');
            if name.is_empty() || lhs.trim().matches('!').count() != 2 {
                d.error(line.no, "substitution marker incorrectly defined (expected !NAME! = A, B)");
                continue;
            }
            let items = rhs.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            markers.insert(name.to_ascii_uppercase(), items);
            continue;
        }
        let (phrase_part, groups) = split_brackets(t);
        let Some(group) = groups.first() else {
            d.error(line.no, "agent line has no [CODE]");
            continue;
        };
        let Some(code) = parse_agent_code(group, line.no, d) else {
            continue;
        };
        // The singular phrase, and the plural: from {...} ({} = none) or generated.
        let (singular, plural_text) = match phrase_part.find('{') {
            Some(p) => {
                let Some(q) = phrase_part[p..].find('}') else {
                    d.error(line.no, "missing '}' in agent plural");
                    continue;
                };
                let inner = phrase_part[p + 1..p + q].trim();
                (phrase_part[..p].trim(), if inner.is_empty() { None } else { Some(inner.to_string()) })
            }
            None => {
                let s = phrase_part.trim();
                (s, None)
            }
        };
        let mut texts: Vec<String> = Vec::new();
        if singular.contains('!') {
            // Substitution marker: every item replaces the marker, with no plurals.
            let mut it = singular.splitn(3, '!');
            let (pre, name, post) = (it.next().unwrap_or(""), it.next().unwrap_or(""), it.next());
            let Some(post) = post else {
                d.error(line.no, format!("substitution marker in {singular:?} is not closed"));
                continue;
            };
            match markers.get(&name.to_ascii_uppercase()) {
                Some(items) => texts.extend(items.iter().map(|i| format!("{pre}{i}{post}"))),
                None => {
                    d.error(line.no, format!("substitution marker !{name}! is not defined"));
                    continue;
                }
            }
        } else {
            texts.push(singular.to_string());
            if phrase_part.contains('{') {
                texts.extend(plural_text);
            } else {
                let words = phrase_words(singular);
                if let Some((last, init)) = words.split_last() {
                    let mut p: Vec<String> = init.iter().map(|w| w.to_string()).collect();
                    p.push(plural(last));
                    texts.push(p.join("_"));
                }
            }
        }
        let mut phrases = Vec::new();
        for tx in &texts {
            if let Some(p) = make_phrase(tx, line.no, d) {
                phrases.push(p);
            }
        }
        if phrases.is_empty() {
            continue;
        }
        let id = AgentId(first_id.saturating_add(u32::try_from(out.len()).unwrap_or(u32::MAX)));
        out.push(Agent { id, phrases, code, loc: d.loc(line.no) });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Diagnostic;
    use chrono::NaiveDate;
    use std::sync::Arc;

    fn actors(text: &str) -> (Vec<Actor>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut d = Diags { file: Arc::from("test.actors.txt"), out: &mut diags };
        let a = parse_actors(text, 0, &mut d);
        (a, diags)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_actor_records_with_dated_codes() {
        let text = "# comment\nGONDOR_  [GON]\n+MINAS_TIRITH_ \n\nDENETHOR_  ; CountryInfo.txt\n+STEWARD_DENETHOR\n\t[GONGOV 20010101-20091231]\n\t[GONELI >20100101]\n\t[GONREB <800101]\n\t[GONELI]\nBOROMIR [gon]\n";
        let (a, diags) = actors(text);
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].phrases.len(), 2);
        assert_eq!(a[0].phrases[1].words, vec![Box::from("MINAS"), "TIRITH".into()]);
        assert_eq!(a[0].default_code().unwrap().as_str(), "GON");
        let den = &a[1];
        assert_eq!(den.loc.line, 5);
        assert_eq!(den.code_on(date(2005, 6, 1)).unwrap().as_str(), "GONGOV");
        assert_eq!(den.code_on(date(2009, 12, 31)).unwrap().as_str(), "GONGOV");
        assert_eq!(den.code_on(date(2012, 1, 1)).unwrap().as_str(), "GONELI");
        assert_eq!(den.code_on(date(1975, 1, 1)).unwrap().as_str(), "GONREB");
        assert_eq!(den.code_on(date(1990, 1, 1)).unwrap().as_str(), "GONELI");
        assert_eq!(den.dated_code_on(date(2005, 6, 1)).unwrap().loc.to_string(), "test.actors.txt:7");
        // Lower-case codes are read, with a warning naming the line.
        assert_eq!(a[2].default_code().unwrap().as_str(), "GON");
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].to_string(),
            "test.actors.txt:11: warning: actor code \"gon\" is not upper case; read as \"GON\""
        );
    }

    #[test]
    fn reports_malformed_actor_lines_and_keeps_the_rest() {
        let text = "+ORPHAN\n\t[XX]\nROHAN [ROH 2001-02]\n\t[ROHGOV 20010230-20020101]\nEDORAS [ROH]\n";
        let (a, diags) = actors(text);
        assert_eq!(a.len(), 2);
        assert_eq!(a[1].default_code().unwrap().as_str(), "ROH");
        let msgs: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(msgs.len(), 4, "{msgs:?}");
        assert!(msgs[0].starts_with("test.actors.txt:1: error: synonym line"));
        assert!(msgs[1].starts_with("test.actors.txt:2: error: code line before"));
        assert!(msgs[2].starts_with("test.actors.txt:3: error: malformed date restriction \"2001-02\""));
        assert!(msgs[3].starts_with("test.actors.txt:4: error: malformed date"));
    }

    #[test]
    fn reads_agents_with_plurals_and_markers() {
        let text = "!PERSON! = MAN, WOMAN\n!MINST! = MINISTER, MINISTRY\nPRIME_MINISTER [~GOV] # x\nPOLICE {} [~COP]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]\nCONGRESS!PERSON! [~LEG]\n!MINST!_OF_SILLY_WALKS [~GOV]\nHUMAN_RIGHTS_BODY  [NGO~]\nARMY [~MIL]\nBROKEN [GOV]\nNOCODE\n";
        let mut diags = Vec::new();
        let mut d = Diags { file: Arc::from("a.agents.txt"), out: &mut diags };
        let ag = parse_agents(text, 0, &mut d);
        let names: Vec<Vec<String>> =
            ag.iter().map(|a| a.phrases.iter().map(|p| p.words.join(" ")).collect()).collect();
        assert_eq!(names[0], ["PRIME MINISTER", "PRIME MINISTERS"]);
        assert_eq!(names[1], ["POLICE"]);
        assert_eq!(names[2], ["ATTORNEY GENERAL", "ATTORNEYS GENERAL"]);
        assert_eq!(names[3], ["CONGRESSMAN", "CONGRESSWOMAN"]);
        assert_eq!(names[4], ["MINISTER OF SILLY WALKS", "MINISTRY OF SILLY WALKS"]);
        assert_eq!(ag[5].code, AgentCode { fragment: "NGO".into(), position: AgentPosition::Prefix });
        assert_eq!(names[6], ["ARMY", "ARMIES"]);
        assert_eq!(ag[0].code.to_string(), "~GOV");
        assert_eq!(ag.len(), 7);
        let msgs: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "a.agents.txt:10: error: agent code [GOV] has no '~' (expected [~CODE] or [CODE~])",
                "a.agents.txt:11: error: agent line has no [CODE]"
            ]
        );
        let usa = ActorCode::new("USA").unwrap();
        assert_eq!(ag[0].code.apply(Some(&usa)).unwrap().as_str(), "USAGOV");
        assert_eq!(ag[5].code.apply(Some(&usa)).unwrap().as_str(), "NGOUSA");
    }
}
