//! Readers for the two simple lists: discards (phrases that cancel a sentence or, with `+`, a
//! story; a trailing `_` makes the last word whole, otherwise it is a stem) and issues
//! (`n:atrocity [ID_ATROCITY]` with `n:` noun, `v:` verb and `+` blank-or-hyphen expansions,
//! `~`/`~~` exclusions, `<ISSUE CATEGORY="...">` sections).

use crate::model::{Discard, DiscardScope, Issue, IssueExclusion, Phrase};
use crate::text::{content_lines, phrase_words, plural, verb_forms, Diags};

fn phrase(text: &str, no: u32, d: &mut Diags<'_>) -> Option<Phrase> {
    let words = phrase_words(text);
    if words.is_empty() {
        d.error(no, format!("phrase {text:?} has no words"));
        return None;
    }
    Some(Phrase { words, text: text.trim().into(), loc: d.loc(no) })
}

/// Reads a discard file.
pub(crate) fn parse_discards(text: &str, d: &mut Diags<'_>) -> Vec<Discard> {
    let mut out = Vec::new();
    for line in content_lines(text, false) {
        let (scope, body) = match line.text.strip_prefix('+') {
            Some(rest) => (DiscardScope::Story, rest.trim()),
            None => (DiscardScope::Sentence, line.text),
        };
        let whole_word = body.ends_with('_');
        if let Some(p) = phrase(body, line.no, d) {
            out.push(Discard { phrase: p, scope, whole_word });
        }
    }
    out
}

/// Expands one issue word with its prefix: `n:` singular and plural, `v:` the regular verb
/// forms, else the word itself. `+` inside a word (blank or hyphen) needs no expansion: both
/// normalize to separate words.
fn expand_word(w: &str) -> Vec<String> {
    let up = w.to_uppercase();
    if let Some(n) = up.strip_prefix("N:") {
        vec![n.to_string(), plural(n)]
    } else if let Some(v) = up.strip_prefix("V:") {
        let mut forms = vec![v.to_string()];
        forms.extend(verb_forms(v));
        forms
    } else {
        vec![up]
    }
}

fn category_of(t: &str) -> Option<Box<str>> {
    let p = t.find("CATEGORY=")?;
    let rest = t[p + 9..].trim_start_matches('"');
    let end = rest.find(['"', ' ', '>']).unwrap_or(rest.len());
    Some(rest[..end].into())
}

/// Reads an issues file into issues and exclusions.
pub(crate) fn parse_issues(text: &str, d: &mut Diags<'_>) -> (Vec<Issue>, Vec<IssueExclusion>) {
    let mut issues = Vec::new();
    let mut exclusions = Vec::new();
    let mut category: Option<Box<str>> = None;
    for line in content_lines(text, false) {
        let t = line.text;
        if t.starts_with("</") {
            category = None;
            continue;
        }
        if t.starts_with('<') {
            category = category_of(t);
            if category.is_none() {
                d.warning(line.no, format!("unrecognized tag {t:?}"));
            }
            continue;
        }
        if let Some(rest) = t.strip_prefix('~') {
            let (scope, body) = match rest.strip_prefix('~') {
                Some(r) => (DiscardScope::Story, r),
                None => (DiscardScope::Sentence, rest),
            };
            if let Some(p) = phrase(&body.replace('+', " "), line.no, d) {
                exclusions.push(IssueExclusion { phrase: p, scope, category: category.clone() });
            }
            continue;
        }
        let Some(open) = t.find('[') else {
            d.warning(line.no, "issue line has no [CODE]; skipped");
            continue;
        };
        let code = t[open + 1..].split(']').next().unwrap_or("").trim();
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            d.error(line.no, format!("malformed issue code [{code}]"));
            continue;
        }
        let body = &t[..open];
        // The cartesian product of the word expansions.
        let mut forms: Vec<String> = vec![String::new()];
        for w in body.split_whitespace() {
            let alts = expand_word(&w.replace('+', " "));
            let mut next = Vec::with_capacity(forms.len() * alts.len());
            for f in &forms {
                for a in &alts {
                    next.push(if f.is_empty() { a.clone() } else { format!("{f} {a}") });
                }
            }
            forms = next;
        }
        let mut phrases = Vec::new();
        for f in forms {
            if let Some(p) = phrase(&f, line.no, d) {
                if !phrases.iter().any(|q: &Phrase| q.words == p.words) {
                    phrases.push(p);
                }
            }
        }
        if !phrases.is_empty() {
            issues.push(Issue {
                phrases,
                code: code.into(),
                category: category.clone(),
                loc: d.loc(line.no),
            });
        }
    }
    (issues, exclusions)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn reads_discards_with_scope_and_stems() {
        let mut diags = Vec::new();
        let mut d = Diags { file: Arc::from("x.discards.txt"), out: &mut diags };
        let v = parse_discards("# c\n+ACADEMY AWARD   # LRP\nBASEBALL\nWORLD_CUP_\n", &mut d);
        assert_eq!(v.len(), 3);
        assert_eq!(v[0].scope, DiscardScope::Story);
        assert_eq!(v[0].phrase.words.len(), 2);
        assert!(!v[1].whole_word && v[2].whole_word);
        assert_eq!(v[2].phrase.loc.line, 4);
        assert!(diags.is_empty());
    }

    #[test]
    fn reads_issues_with_expansions() {
        let text = "<ISSUE CATEGORY=\"ID_ATROCITY\">\nn:atrocity [ID_ATROCITY]\nethnic v:purge [ID_ATROCITY]\nal+zarqawi network [NAMED]\n~Saturday Night massacre\n~~Armenian genocide  # hist\nno code here\n</ISSUE>\nwar [bad code]\n";
        let mut diags = Vec::new();
        let mut d = Diags { file: Arc::from("i.issues.txt"), out: &mut diags };
        let (issues, excl) = parse_issues(text, &mut d);
        let forms: Vec<Vec<String>> =
            issues.iter().map(|i| i.phrases.iter().map(|p| p.words.join(" ")).collect()).collect();
        assert_eq!(forms[0], ["ATROCITY", "ATROCITIES"]);
        assert_eq!(forms[1], ["ETHNIC PURGE", "ETHNIC PURGES", "ETHNIC PURGED", "ETHNIC PURGING"]);
        assert_eq!(forms[2], ["AL ZARQAWI NETWORK"]);
        assert_eq!(issues[0].category.as_deref(), Some("ID_ATROCITY"));
        assert_eq!(excl.len(), 2);
        assert_eq!(excl[1].scope, DiscardScope::Story);
        let msgs: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "i.issues.txt:7: warning: issue line has no [CODE]; skipped",
                "i.issues.txt:9: error: malformed issue code [bad code]"
            ]
        );
    }
}
