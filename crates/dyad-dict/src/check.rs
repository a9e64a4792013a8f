//! The dictionary linter behind `dyad dict check`: the readers' diagnostics (malformed lines,
//! invalid CAMEO and actor codes, malformed dates, undefined synsets) plus checks across
//! entries: inverted and overlapping date ranges, actors without codes, duplicate phrases,
//! verbs listed in several blocks, transformations naming unknown verbs, CAMEO codes that are
//! well-formed but not in the CAMEO code list.

use std::collections::HashMap;

use dyad_ontology::Ontology;

use crate::model::{
    DateRange, Diagnostic, Loc, Severity, TransformEvent, TransformTarget, TransformVerb, VerbCode,
};
use crate::Dictionaries;

fn diag(out: &mut Vec<Diagnostic>, loc: &Loc, severity: Severity, message: String) {
    out.push(Diagnostic { loc: loc.clone(), severity, message });
}

/// Checks a set of dictionaries; returns every problem, sorted by file and line. Errors mean
/// something was not loaded or is wrong; warnings are suspicious but loaded.
pub fn check(dicts: &Dictionaries) -> Vec<Diagnostic> {
    let mut out = dicts.diagnostics.clone();
    check_actors(dicts, &mut out);
    check_agents(dicts, &mut out);
    check_verbs(dicts, &mut out);
    out.sort_by(|a, b| (a.loc.file.as_ref(), a.loc.line).cmp(&(b.loc.file.as_ref(), b.loc.line)));
    out
}

fn check_actors(dicts: &Dictionaries, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&[Box<str>], usize> = HashMap::new();
    for a in &dicts.actors.actors {
        if a.codes.is_empty() {
            diag(out, &a.loc, Severity::Warning, format!("actor {} has no code", a.name()));
        }
        let dated: Vec<_> = a.codes.iter().filter(|c| c.range != DateRange::Always).collect();
        for c in &dated {
            if let DateRange::Between(x, y) = c.range {
                if x > y {
                    diag(
                        out,
                        &c.loc,
                        Severity::Error,
                        format!("date range of {} ends ({y}) before it starts ({x})", c.code),
                    );
                }
            }
        }
        for (i, c) in dated.iter().enumerate() {
            // Overlapping ranges with the same code are harmless; different codes make the
            // first one listed win, which is worth a look.
            for e in dated[..i].iter().filter(|e| e.code != c.code) {
                let (a1, b1) = c.range.bounds();
                let (a2, b2) = e.range.bounds();
                // Limits are inclusive, and consecutive roles conventionally share their
                // boundary day ([A 320101-331108] then [B 331108-730717]): only a longer
                // overlap is reported.
                let starts_before_other_ends = match (a1, b2) {
                    (Some(s), Some(t)) => s < t,
                    _ => true,
                };
                let other_starts_before_end = match (a2, b1) {
                    (Some(s), Some(t)) => s < t,
                    _ => true,
                };
                if starts_before_other_ends && other_starts_before_end {
                    diag(
                        out,
                        &c.loc,
                        Severity::Warning,
                        format!(
                            "date range of {} overlaps {} (line {}) for actor {}",
                            c.code,
                            e.code,
                            e.loc.line,
                            a.name()
                        ),
                    );
                }
            }
        }
        for p in &a.phrases {
            if let Some(&prev) = seen.get(p.words.as_slice()) {
                if prev != a.id.0 as usize {
                    let other = dicts.actors.actors.get(prev).map_or_else(String::new, |o| o.loc.to_string());
                    diag(
                        out,
                        &p.loc,
                        Severity::Warning,
                        format!(
                            "duplicate actor phrase {} (also {other}); the later entry wins",
                            p.words.join("_")
                        ),
                    );
                }
            }
            seen.insert(&p.words, a.id.0 as usize);
        }
    }
}

fn check_agents(dicts: &Dictionaries, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&[Box<str>], usize> = HashMap::new();
    for a in &dicts.agents.agents {
        for p in &a.phrases {
            if let Some(&prev) = seen.get(p.words.as_slice()) {
                if prev != a.id.0 as usize {
                    let other = dicts.agents.agents.get(prev).map_or_else(String::new, |o| o.loc.to_string());
                    diag(
                        out,
                        &p.loc,
                        Severity::Warning,
                        format!(
                            "duplicate agent phrase {} (also {other}); the later entry wins",
                            p.words.join("_")
                        ),
                    );
                }
            }
            seen.insert(&p.words, a.id.0 as usize);
        }
    }
}

fn verbs_of(ev: &TransformEvent, out: &mut Vec<Box<str>>) {
    if let TransformVerb::Verbs(v) = &ev.verb {
        out.extend(v.iter().cloned());
    }
    if let TransformTarget::Event(inner) = &ev.target {
        verbs_of(inner, out);
    }
}

/// Warns about well-formed CAMEO codes that are not in the CAMEO code list.
fn check_known(code: &VerbCode, loc: &Loc, out: &mut Vec<Diagnostic>) {
    let ont = Ontology::embedded();
    for c in [code.active, code.passive].into_iter().flatten() {
        if !ont.is_known(c) {
            diag(
                out,
                loc,
                Severity::Warning,
                format!("CAMEO code {c} in [{}] is not in the CAMEO code list", code.raw),
            );
        }
    }
}

fn check_verbs(dicts: &Dictionaries, out: &mut Vec<Diagnostic>) {
    let v = &dicts.verbs;
    for b in &v.blocks {
        check_known(&b.code, &b.loc, out);
        for p in &b.patterns {
            check_known(&p.code, &p.loc, out);
        }
    }
    for e in v.verbs.iter().filter(|e| e.own_code) {
        check_known(&e.code, &e.loc, out);
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for e in &v.verbs {
        let mut key: Vec<&str> = e.before.iter().map(|w| &**w).collect();
        key.push(&e.head);
        key.extend(e.after.iter().map(|w| &**w));
        let key = key.join(" ");
        if let Some(&prev) = seen.get(&key) {
            if let (Some(p), Some(b1), Some(b2)) =
                (v.verbs.get(prev), v.block(v.verbs[prev].block), v.block(e.block))
            {
                if p.block != e.block {
                    diag(
                        out,
                        &e.loc,
                        Severity::Warning,
                        format!(
                            "verb {key} is also in block {} ({}); this block ({}) wins",
                            b1.name, p.loc, b2.name
                        ),
                    );
                }
            }
        }
        seen.insert(key, e.id.0 as usize);
    }
    for b in &v.blocks {
        if b.verbs.is_empty() && !b.patterns.is_empty() {
            diag(out, &b.loc, Severity::Warning, format!("verb block {} has patterns but no verbs", b.name));
        }
    }
    for t in &v.transformations {
        let mut names = Vec::new();
        verbs_of(&t.pattern, &mut names);
        for n in names {
            if v.lookup(&n).is_none() {
                diag(
                    out,
                    &t.loc,
                    Severity::Warning,
                    format!("transformation names verb {n}, which is not in the dictionary"),
                );
            }
        }
    }
}
