//! The verb dictionary (CAMEO 2.0 / PETRARCH2 format): synsets, verb blocks with their verbs
//! and structured patterns, transformations, and the lookups the coder uses.
//!
//! Format, as PETRARCH2 reads it:
//! - `&NAME` starts a synset, `+WORD` / `+TWO_WORDS` / `+WORD_` (no plural) lines are members;
//!   a label ending in `_` generates no plurals.
//! - `--- NAME [CODE] ---` starts a verb block; the following lines are verbs
//!   (`SAY {SAID SAYING} [010]`, `+CRACK_DOWN {+CRACKED_DOWN ...}`, `WIRE_+TAP`) and patterns
//!   (`- $ * (TO {BANNED PARTIES}) + [1722] # ADD`), which apply to every verb of the block.
//! - `~ a (a b WILL_ATTACK) SAY = a b 138` is a transformation.

use std::collections::HashSet;

use dyad_ontology::CameoCode;

use crate::matcher::FxMap;
use crate::model::{
    BlockId, Element, Marker, NounPhrase, Pattern, PatternSide, PrepPhrase, Synset, SynsetId, SynsetMember,
    Term, TransformActor, TransformEvent, TransformResult, TransformTarget, TransformVerb, Transformation,
    VerbBlock, VerbCode, VerbEntry, VerbId,
};
use crate::text::{content_lines, plural, split_brackets, verb_forms, Diags};

/// The verb dictionary: blocks, verbs, patterns, synsets and transformations, with indexes.
#[derive(Debug, Clone, Default)]
pub struct VerbDictionary {
    pub synsets: Vec<Synset>,
    pub blocks: Vec<VerbBlock>,
    pub verbs: Vec<VerbEntry>,
    pub transformations: Vec<Transformation>,
    /// Form (base or inflected, upper case) of a verb's head word -> entries, multi-word first.
    forms: FxMap<Box<str>, Vec<VerbId>>,
    /// Whole multi-word verbs ("CRACK DOWN", "CRACKED DOWN") -> entry.
    phrases: FxMap<Box<str>, VerbId>,
    synset_names: FxMap<Box<str>, SynsetId>,
    /// Head words (and plurals) of each synset, nested synsets flattened.
    synset_heads: Vec<HashSet<Box<str>>>,
}

/// Calls `f` with the upper-case form of `word` without allocating for short ASCII words.
fn with_upper<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if word.len() <= buf.len() && word.is_ascii() {
        for (d, s) in buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_uppercase();
        }
        // ASCII in, ASCII out: always valid UTF-8.
        match std::str::from_utf8(&buf[..word.len()]) {
            Ok(s) => f(s),
            Err(_) => f(&word.to_uppercase()),
        }
    } else {
        f(&word.to_uppercase())
    }
}

impl VerbDictionary {
    /// The single-word verb entry for a word (base or inflected form, any case), or the
    /// multi-word verb for a phrase written with `_` or blanks ("CRACK_DOWN", "crack down",
    /// "cracked down"). When a word is listed in several blocks, the last one read wins.
    pub fn lookup(&self, word: &str) -> Option<&VerbEntry> {
        if word.contains(['_', ' ']) {
            let joined: String =
                word.split(['_', ' ']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_uppercase();
            return self.phrases.get(joined.as_str()).and_then(|&id| self.verb(id));
        }
        with_upper(word, |w| {
            let ids = self.forms.get(w)?;
            ids.iter().rev().filter_map(|&id| self.verb(id)).find(|v| !v.is_multiword())
        })
    }

    /// All entries whose head word has this form: multi-word verbs first (check their
    /// `before`/`after` words against the sentence), then single-word verbs.
    pub fn candidates(&self, word: &str) -> impl Iterator<Item = &VerbEntry> + '_ {
        let ids: &[VerbId] = with_upper(word, |w| self.forms.get(w).map(|v| v.as_slice())).unwrap_or(&[]);
        ids.iter().filter_map(|&id| self.verb(id))
    }

    /// The multi-word verb with this head word (any form) and these following words, e.g.
    /// `("cracked", &["down"])` for +CRACK_DOWN; only verbs without words before the head.
    pub fn find_multiword(&self, head: &str, after: &[&str]) -> Option<&VerbEntry> {
        self.candidates(head).find(|v| {
            v.before.is_empty()
                && !v.after.is_empty()
                && v.after.len() == after.len()
                && v.after.iter().zip(after).all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
    }

    pub fn verb(&self, id: VerbId) -> Option<&VerbEntry> {
        self.verbs.get(id.0 as usize)
    }

    pub fn block(&self, id: BlockId) -> Option<&VerbBlock> {
        self.blocks.get(id.0 as usize)
    }

    /// The patterns that apply to a verb (those of its block).
    pub fn patterns(&self, verb: &VerbEntry) -> &[Pattern] {
        self.block(verb.block).map_or(&[], |b| b.patterns.as_slice())
    }

    pub fn synset(&self, id: SynsetId) -> Option<&Synset> {
        self.synsets.get(id.0 as usize)
    }

    /// A synset by label, with or without `&` and a trailing `_` ("&MILITARY", "MILITARY").
    pub fn synset_by_name(&self, name: &str) -> Option<&Synset> {
        let n = name.trim_end_matches('_');
        let key = if n.starts_with('&') { n.to_uppercase() } else { format!("&{}", n.to_uppercase()) };
        self.synset_names.get(key.as_str()).and_then(|&id| self.synset(id))
    }

    /// Whether a word (any case) is a head of the synset: a member's last word or its plural,
    /// nested synsets included.
    pub fn synset_contains(&self, id: SynsetId, word: &str) -> bool {
        let Some(set) = self.synset_heads.get(id.0 as usize) else {
            return false;
        };
        with_upper(word, |w| set.contains(w))
    }

    /// Whether a sentence word (lemma or surface form, any case) matches a pattern term: the
    /// same word, or a head of the synset.
    pub fn term_matches(&self, term: &Term, word: &str) -> bool {
        match term {
            // TABARI legacy alternatives: (TO/FOR PROTEST).
            Term::Word(w) if w.contains('/') => w.split('/').any(|x| x.eq_ignore_ascii_case(word)),
            Term::Word(w) => w.eq_ignore_ascii_case(word),
            Term::Synset(id) => self.synset_contains(*id, word),
        }
    }

    /// Number of patterns over all blocks.
    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }

    /// Builds the indexes after all files were read.
    pub(crate) fn finish(&mut self) {
        self.forms.clear();
        self.phrases.clear();
        for v in &self.verbs {
            let mut keys: Vec<&str> = vec![&v.head];
            keys.extend(v.forms.iter().map(|f| &**f));
            for k in &keys {
                let list = self.forms.entry((*k).into()).or_default();
                if !list.contains(&v.id) {
                    list.push(v.id);
                }
                if v.is_multiword() {
                    let mut words: Vec<&str> = v.before.iter().map(|w| &**w).collect();
                    words.push(k);
                    words.extend(v.after.iter().map(|w| &**w));
                    self.phrases.insert(words.join(" ").into(), v.id);
                }
            }
        }
        // Multi-word verbs first, then single words; stable within each group.
        let verbs = &self.verbs;
        for list in self.forms.values_mut() {
            list.sort_by_key(|id| verbs.get(id.0 as usize).is_some_and(|v| !v.is_multiword()));
        }
        self.synset_heads = (0..self.synsets.len()).map(|i| self.flatten_heads(SynsetId(i as u32))).collect();
    }

    fn flatten_heads(&self, root: SynsetId) -> HashSet<Box<str>> {
        let mut out = HashSet::new();
        let mut seen = vec![root];
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            let Some(s) = self.synset(id) else { continue };
            for m in &s.members {
                if let Some(h) = m.head() {
                    out.insert(h.into());
                }
                if let Some(p) = &m.plural {
                    out.insert(p.clone());
                }
                if let Some(n) = m.nested {
                    if !seen.contains(&n) {
                        seen.push(n);
                        stack.push(n);
                    }
                }
            }
        }
        out
    }

    /// Reads one verb file into the dictionary (call [`VerbDictionary::finish`] afterwards).
    /// Returns the number of patterns read.
    pub(crate) fn parse_into(&mut self, text: &str, d: &mut Diags<'_>) -> usize {
        let lines = content_lines(text, true);
        // Pass 1: synset labels, so patterns may use synsets defined later in the file.
        let mut file_synsets = Vec::new();
        for line in &lines {
            if let Some(label) = line.text.strip_prefix('&') {
                let label = label.split_whitespace().next().unwrap_or("");
                let plurals = !label.ends_with('_');
                let name: Box<str> = format!("&{}", label.trim_end_matches('_').to_uppercase()).into();
                if name.len() == 1 {
                    d.error(line.no, "synset label is empty");
                    continue;
                }
                if let Some(&id) = self.synset_names.get(&name) {
                    if file_synsets.contains(&id) {
                        d.warning(line.no, format!("synset {name} is defined again; its members are added to the earlier definition"));
                    }
                    continue;
                }
                let id = SynsetId(self.synsets.len() as u32);
                self.synsets.push(Synset {
                    id,
                    name: name.clone(),
                    plurals,
                    members: Vec::new(),
                    loc: d.loc(line.no),
                });
                self.synset_names.insert(name, id);
                file_synsets.push(id);
            }
        }

        enum Mode {
            None,
            Synset(SynsetId, bool),
            Block(BlockId),
        }
        let mut mode = Mode::None;
        let mut patterns = 0;
        for line in &lines {
            let t = line.text;
            if let Some(label) = t.strip_prefix('&') {
                let label = label.split_whitespace().next().unwrap_or("");
                let plurals = !label.ends_with('_');
                let name = format!("&{}", label.trim_end_matches('_').to_uppercase());
                mode = match self.synset_names.get(name.as_str()) {
                    Some(&id) => Mode::Synset(id, plurals),
                    None => Mode::None,
                };
            } else if t.starts_with("---") {
                mode = Mode::Block(self.parse_block_header(t, line.no, d));
            } else if let Some(rest) = t.strip_prefix('+').filter(|_| matches!(mode, Mode::Synset(..))) {
                if let Mode::Synset(id, plurals) = mode {
                    self.parse_member(id, plurals, rest, line.no, d);
                }
            } else if let Some(rest) = t.strip_prefix('-') {
                match mode {
                    Mode::Block(b) => {
                        if let Some(p) = self.parse_pattern(b, rest, line.comment, line.no, d) {
                            if let Some(block) = self.blocks.get_mut(b.0 as usize) {
                                block.patterns.push(p);
                                patterns += 1;
                            }
                        }
                    }
                    _ => d.error(
                        line.no,
                        "pattern outside a verb block (no --- NAME [CODE] --- line before it)",
                    ),
                }
            } else if let Some(rest) = t.strip_prefix('~') {
                if let Some(tr) = parse_transformation(rest, t, line.no, d) {
                    self.transformations.push(tr);
                }
            } else {
                match mode {
                    Mode::Block(b) => self.parse_verb_line(b, t, line.no, d),
                    Mode::Synset(..) => {
                        d.error(line.no, format!("{t:?} inside a synset: members start with '+'"))
                    }
                    Mode::None => d.error(
                        line.no,
                        format!("verb {t:?} outside a verb block (no --- NAME [CODE] --- line before it)"),
                    ),
                }
            }
        }
        patterns
    }

    fn parse_block_header(&mut self, t: &str, no: u32, d: &mut Diags<'_>) -> BlockId {
        let inner = t.trim_matches('-').trim();
        let (name_part, groups) = split_brackets(inner);
        let name = name_part.split_whitespace().next().unwrap_or("");
        if name.is_empty() {
            d.error(no, "verb block header has no name");
        }
        let code = match groups.first() {
            Some(g) => parse_verb_code(g, no, d).unwrap_or_else(null_code),
            None => null_code(),
        };
        // A block named again extends the earlier one, as a synset defined again does: a later
        // file (dyad's extra verbs) can add patterns to a block of the PETRARCH2 dictionary
        // without taking its verbs out of it.
        if let Some(b) = self.blocks.iter().find(|b| !name.is_empty() && *b.name == *name) {
            if b.code.raw != code.raw {
                d.warning(
                    no,
                    format!(
                        "verb block {name} is extended here; its code stays [{}], not [{}]",
                        b.code.raw, code.raw
                    ),
                );
            }
            return b.id;
        }
        let id = BlockId(self.blocks.len() as u32);
        self.blocks.push(VerbBlock {
            id,
            name: name.into(),
            code,
            verbs: Vec::new(),
            patterns: Vec::new(),
            loc: d.loc(no),
        });
        id
    }

    fn parse_member(&mut self, id: SynsetId, plurals: bool, rest: &str, no: u32, d: &mut Diags<'_>) {
        let r = rest.trim();
        let loc = d.loc(no);
        let member = if let Some(name) = r.strip_prefix('&') {
            let key = format!("&{}", name.trim_end_matches('_').to_uppercase());
            match self.synset_names.get(key.as_str()) {
                Some(&n) => {
                    SynsetMember { words: Vec::new(), plural: None, nested: Some(n), prep: false, loc }
                }
                None => {
                    d.error(no, format!("undefined synset {key} in synset member"));
                    return;
                }
            }
        } else if r.starts_with('(') {
            let words = verb_words(r.trim_matches(['(', ')']));
            SynsetMember { words, plural: None, nested: None, prep: true, loc }
        } else {
            let words = verb_words(r);
            if words.is_empty() {
                d.error(no, "empty synset member");
                return;
            }
            let plural =
                (plurals && !r.ends_with('_')).then(|| words.last().map(|w| plural(w).into())).flatten();
            SynsetMember { words, plural, nested: None, prep: false, loc }
        };
        if let Some(s) = self.synsets.get_mut(id.0 as usize) {
            s.members.push(member);
        }
    }

    fn parse_verb_line(&mut self, block: BlockId, t: &str, no: u32, d: &mut Diags<'_>) {
        let (before_code, groups) = split_brackets(t);
        let block_code = self.block(block).map(|b| b.code.clone()).unwrap_or_else(null_code);
        let (code, own_code) = match groups.first() {
            Some(g) => match parse_verb_code(g, no, d) {
                Some(c) => (c, true),
                None => return,
            },
            None => (block_code, false),
        };
        let (main, braces) = match before_code.find('{') {
            Some(p) => {
                let end = before_code[p..].find('}').map_or(before_code.len(), |q| p + q);
                if end == before_code.len() {
                    d.error(no, "missing '}' in verb forms");
                }
                (&before_code[..p], Some(&before_code[(p + 1).min(end)..end]))
            }
            None => (before_code, None),
        };
        let mut toks = main.split_whitespace();
        let Some(verb) = toks.next() else {
            d.error(no, "verb line has no verb");
            return;
        };
        if toks.next().is_some() {
            d.warning(
                no,
                format!(
                    "extra words after the verb in {main:?} are ignored (join multi-word verbs with '_')"
                ),
            );
        }
        if !verb.trim_start_matches('+').starts_with(|c: char| c.is_alphanumeric()) {
            d.error(no, format!("{verb:?} is not a verb (a pattern line starts with '-')"));
            return;
        }
        let Some((before, head, after)) = split_multiword(verb) else {
            d.error(no, format!("malformed verb {verb:?}"));
            return;
        };
        if verb.contains('_') && !verb.contains('+') {
            d.warning(
                no,
                format!("multi-word verb {verb:?} has no '+' marking the verb; the first word is taken"),
            );
        }
        let mut forms: Vec<Box<str>> = Vec::new();
        match braces {
            Some(b) => {
                for f in b.split(|c: char| c.is_whitespace() || c == ',').filter(|f| !f.is_empty()) {
                    if let Some((_, h, _)) = split_multiword(f) {
                        if h != head && !forms.contains(&h) {
                            forms.push(h);
                        }
                    }
                }
            }
            None => {
                for f in verb_forms(&head) {
                    let f: Box<str> = f.into();
                    if !forms.contains(&f) {
                        forms.push(f);
                    }
                }
            }
        }
        let id = VerbId(self.verbs.len() as u32);
        self.verbs.push(VerbEntry {
            id,
            block,
            head,
            forms,
            before,
            after,
            code,
            own_code,
            text: t.into(),
            loc: d.loc(no),
        });
        if let Some(b) = self.blocks.get_mut(block.0 as usize) {
            b.verbs.push(id);
        }
    }

    fn resolve_term(&self, tok: &str, no: u32, d: &mut Diags<'_>) -> Option<Term> {
        if let Some(name) = tok.strip_prefix('&') {
            let key = format!("&{}", name.trim_end_matches('_').to_uppercase());
            match self.synset_names.get(key.as_str()) {
                Some(&id) => Some(Term::Synset(id)),
                None => {
                    d.error(no, format!("undefined synset {key}; pattern skipped"));
                    None
                }
            }
        } else {
            Some(Term::Word(tok.trim_end_matches('_').to_uppercase().into()))
        }
    }

    /// A bare pattern word: `A_B` is the noun phrase {A B}.
    fn bare_noun(&self, tok: &str, no: u32, d: &mut Diags<'_>) -> Option<NounPhrase> {
        let parts: Vec<&str> = tok.trim_end_matches('_').split('_').filter(|p| !p.is_empty()).collect();
        let (last, init) = parts.split_last()?;
        let head = self.resolve_term(last, no, d)?;
        let modifiers = init.iter().map(|p| self.resolve_term(p, no, d)).collect::<Option<Vec<_>>>()?;
        Some(NounPhrase { head, modifiers })
    }

    fn parse_side(&self, toks: &[&str], no: u32, d: &mut Diags<'_>) -> Option<PatternSide> {
        let mut elements = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            match t {
                "(" => {
                    let end = toks[i + 1..].iter().position(|x| *x == ")").map(|p| i + 1 + p);
                    let Some(end) = end else {
                        d.error(no, "unclosed '(' in pattern");
                        return None;
                    };
                    let inner = &toks[i + 1..end];
                    if inner.contains(&"(") {
                        d.error(no, "nested '(' in pattern");
                        return None;
                    }
                    let Some((first, rest)) = inner.split_first() else {
                        d.error(no, "empty () in pattern");
                        return None;
                    };
                    if marker(first).is_some() || *first == "{" {
                        d.error(no, format!("prepositional phrase starts with {first:?}, not a preposition"));
                        return None;
                    }
                    let prep = self.resolve_term(first, no, d)?;
                    let mut objects = Vec::new();
                    let mut markers = Vec::new();
                    for el in self.parse_side(rest, no, d)?.elements {
                        match el {
                            Element::Noun(n) => objects.push(n),
                            Element::Marker(m) => markers.push(m),
                            Element::Prep(_) => {}
                        }
                    }
                    elements.push(Element::Prep(PrepPhrase { prep, objects, markers }));
                    i = end + 1;
                }
                "{" => {
                    let Some(end) = toks[i + 1..].iter().position(|x| *x == "}").map(|p| i + 1 + p) else {
                        d.error(no, "unclosed '{' in pattern");
                        return None;
                    };
                    let inner = &toks[i + 1..end];
                    if inner.iter().any(|x| marker(x).is_some() || matches!(*x, "(" | ")" | "{")) {
                        d.error(no, "markers or parentheses inside {...} in pattern");
                        return None;
                    }
                    let mut terms = Vec::new();
                    for w in inner {
                        let np = self.bare_noun(w, no, d)?;
                        terms.extend(np.modifiers);
                        terms.push(np.head);
                    }
                    let Some(head) = terms.pop() else {
                        d.error(no, "empty {} in pattern");
                        return None;
                    };
                    elements.push(Element::Noun(NounPhrase { head, modifiers: terms }));
                    i = end + 1;
                }
                ")" | "}" => {
                    d.error(no, format!("unbalanced {t:?} in pattern"));
                    return None;
                }
                _ => {
                    if let Some(m) = marker(t) {
                        elements.push(Element::Marker(m));
                    } else if let Some(np) = self.bare_noun(t, no, d) {
                        elements.push(Element::Noun(np));
                    } else {
                        return None;
                    }
                    i += 1;
                }
            }
        }
        Some(PatternSide { elements })
    }

    fn parse_pattern(
        &self,
        block: BlockId,
        rest: &str,
        comment: &str,
        no: u32,
        d: &mut Diags<'_>,
    ) -> Option<Pattern> {
        let (body, groups) = split_brackets(rest);
        let Some(code_text) = groups.last() else {
            d.error(no, "pattern has no [CODE]");
            return None;
        };
        if groups.len() > 1 {
            d.warning(no, "pattern has several [...] groups; the last is its code");
        }
        let code = parse_verb_code(code_text, no, d)?;
        let stars = body.matches('*').count();
        if stars != 1 {
            d.error(no, format!("pattern has {stars} '*' (the verb); expected exactly one"));
            return None;
        }
        let (pre_text, post_text) = body.split_once('*').unwrap_or((body, ""));
        let pre_toks = tokenize_pattern(pre_text);
        let post_toks = tokenize_pattern(post_text);
        let pre = self.parse_side(&pre_toks, no, d)?;
        let post = self.parse_side(&post_toks, no, d)?;
        Some(Pattern {
            block,
            pre,
            post,
            code,
            text: body.split_whitespace().collect::<Vec<_>>().join(" ").into(),
            comment: comment.into(),
            loc: d.loc(no),
        })
    }
}

fn null_code() -> VerbCode {
    VerbCode { active: None, passive: None, raw: "---".into() }
}

fn marker(t: &str) -> Option<Marker> {
    match t {
        "$" => Some(Marker::Source),
        "+" => Some(Marker::Target),
        "^" => Some(Marker::Skip),
        "%" => Some(Marker::Compound),
        _ => None,
    }
}

/// Splits pattern text into tokens: parentheses and braces alone, other runs of non-blanks.
fn tokenize_pattern(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let sep = c.is_whitespace() || matches!(c, '(' | ')' | '{' | '}');
        if sep {
            if let Some(st) = start.take() {
                out.push(&s[st..i]);
            }
            if !c.is_whitespace() {
                out.push(&s[i..i + c.len_utf8()]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push(&s[st..]);
    }
    out
}

/// Upper-case words of a verb-dictionary phrase, split at `_` and blanks (hyphens kept: pattern
/// words are compared with whole tokens).
fn verb_words(s: &str) -> Vec<Box<str>> {
    s.split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_uppercase().into())
        .collect()
}

type Multiword = (Vec<Box<str>>, Box<str>, Vec<Box<str>>);

/// Splits `WIRE_+TAP` / `+CRACK_DOWN` / `SAY` into (before, head, after), upper case. Without a
/// `+`, the first word is the head.
fn split_multiword(verb: &str) -> Option<Multiword> {
    let parts: Vec<&str> = verb.split('_').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return None;
    }
    let hi = parts.iter().position(|p| p.starts_with('+')).unwrap_or(0);
    let head: Box<str> = parts[hi].trim_start_matches('+').to_uppercase().into();
    if head.is_empty() {
        return None;
    }
    let up = |p: &&str| -> Box<str> { p.trim_start_matches('+').to_uppercase().into() };
    Some((parts[..hi].iter().map(up).collect(), head, parts[hi + 1..].iter().map(up).collect()))
}

/// Parses a code in brackets: `042`, `042:043`, `:173`, `---`. A trailing `!` (TABARI
/// legacy) is dropped with a warning; anything else that is not a CAMEO code is an error.
pub(crate) fn parse_verb_code(raw: &str, no: u32, d: &mut Diags<'_>) -> Option<VerbCode> {
    let raw = raw.trim();
    let (a, p) = match raw.split_once(':') {
        Some((a, p)) => (a, Some(p)),
        None => (raw, None),
    };
    let mut part = |s: &str| -> Result<Option<CameoCode>, ()> {
        let s = s.trim();
        if s.is_empty() || s.chars().all(|c| c == '-') {
            return Ok(None);
        }
        if let Ok(c) = CameoCode::new(s) {
            return Ok(Some(c));
        }
        let digits = s.trim_end_matches(['!', '*', '?']);
        if digits.len() < s.len() {
            if let Ok(c) = CameoCode::new(digits) {
                d.warning(no, format!("code [{raw}]: trailing {:?} ignored", &s[digits.len()..]));
                return Ok(Some(c));
            }
        }
        d.error(no, format!("invalid CAMEO code {s:?} in [{raw}]"));
        Err(())
    };
    let active = part(a).ok()?;
    let passive = match p {
        Some(p) => part(p).ok()?,
        None => None,
    };
    Some(VerbCode { active, passive, raw: raw.into() })
}

fn parse_actor_var(t: &str) -> Option<TransformActor> {
    match t {
        "." => Some(TransformActor::Any),
        "_" => Some(TransformActor::Absent),
        _ => {
            let mut cs = t.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii_lowercase() => Some(TransformActor::Var(c)),
                _ => None,
            }
        }
    }
}

fn parse_tverb(t: &str) -> TransformVerb {
    if t == "Q" {
        TransformVerb::Any
    } else {
        TransformVerb::Verbs(
            t.split('_').filter(|w| !w.is_empty()).map(|w| w.to_uppercase().into()).collect(),
        )
    }
}

/// Parses `source target verb` where target may be a parenthesized event.
fn parse_tevent<'a>(toks: &mut std::iter::Peekable<impl Iterator<Item = &'a str>>) -> Option<TransformEvent> {
    let source = parse_actor_var(toks.next()?)?;
    let target = if toks.peek() == Some(&"(") {
        toks.next();
        let inner = parse_tevent(toks)?;
        if toks.next()? != ")" {
            return None;
        }
        TransformTarget::Event(Box::new(inner))
    } else {
        TransformTarget::Actor(parse_actor_var(toks.next()?)?)
    };
    let verb = toks.next().filter(|t| !matches!(*t, "(" | ")"))?;
    Some(TransformEvent { source, target, verb: parse_tverb(verb) })
}

fn parse_transformation(rest: &str, full: &str, no: u32, d: &mut Diags<'_>) -> Option<Transformation> {
    let Some((lhs, rhs)) = rest.split_once('=') else {
        d.error(no, "transformation has no '='");
        return None;
    };
    let toks = tokenize_pattern(lhs);
    let mut it = toks.iter().copied().peekable();
    let pattern = parse_tevent(&mut it).filter(|_| it.next().is_none());
    let Some(pattern) = pattern else {
        d.error(no, "malformed transformation (expected e.g. '~ a (a b WILL_ATTACK) SAY = a b 138')");
        return None;
    };
    let r: Vec<&str> = rhs.split_whitespace().collect();
    let result = match r.as_slice() {
        [s, t, c] => {
            let (Some(source), Some(target)) = (parse_actor_var(s), parse_actor_var(t)) else {
                d.error(no, "malformed transformation result actors");
                return None;
            };
            let code = if *c == "Q" {
                None
            } else {
                match CameoCode::new(c) {
                    Ok(c) => Some(c),
                    Err(e) => {
                        d.error(no, e.to_string());
                        return None;
                    }
                }
            };
            TransformResult { source, target, code }
        }
        _ => {
            d.error(no, "malformed transformation result (expected 'a b CODE')");
            return None;
        }
    };
    Some(Transformation { pattern, result, text: full.into(), loc: d.loc(no) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Diagnostic;
    use std::sync::Arc;

    const SNIPPET: &str = "\
&MILITARY
+ARMY
+ARMED_FORCES
+TROOPS_

&PREP_
+AGAINST

&TIES
+TIE
+&MILITARY

--- HELP [070] ---
HELP
+CRACK_DOWN {+CRACKED_DOWN +CRACKS_DOWN +CRACKING_DOWN} [175]
WIRE_+TAP
GIVE {GAVE GIVEN GIVING} # jw
SCRAP ;shan   8/30/93
- * (FOR {FINANCIAL AID})                       [0231]   # ASK
- $ * (TO &MILITARY) +                          [042:043]
- &MILITARY * HELP_DESK                         [:173]
- * OFF (FROM ^) %                              [080!]
- * &UNDEFINED                                  [070]
- * AID                                         [075A]
- * (FOR AID                                    [070]
- AID                                           [070]
~ a (a b WILL_ATTACK) SAY = a b 138
~ a (b . Q) SAY = a b Q
";

    fn load(text: &str) -> (VerbDictionary, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut v = VerbDictionary::default();
        let mut d = Diags { file: Arc::from("v.verbs.txt"), out: &mut diags };
        v.parse_into(text, &mut d);
        v.finish();
        (v, diags)
    }

    #[test]
    fn reads_blocks_verbs_and_forms() {
        let (v, _) = load(SNIPPET);
        assert_eq!(v.blocks.len(), 1);
        let help = v.lookup("helped").unwrap();
        assert_eq!(&*help.head, "HELP");
        assert_eq!(help.code.active.unwrap().as_str(), "070");
        assert!(!help.own_code);
        assert_eq!(help.loc.to_string(), "v.verbs.txt:14");
        assert_eq!(&*v.lookup("gave").unwrap().head, "GIVE");
        assert!(v.lookup("gives").is_none(), "irregular forms are only those listed");
        assert_eq!(&*v.lookup("scrapping").unwrap().head, "SCRAP");
        assert_eq!(&*v.lookup("scraps").unwrap().head, "SCRAP");
        let cd = v.lookup("CRACK_DOWN").unwrap();
        assert_eq!((&*cd.head, cd.after.len()), ("CRACK", 1));
        assert_eq!(cd.code.active.unwrap().as_str(), "175");
        assert_eq!(v.lookup("cracked down").unwrap().id, cd.id);
        assert_eq!(v.find_multiword("cracking", &["down"]).unwrap().id, cd.id);
        assert!(v.lookup("crack").is_none());
        let tap = v.lookup("wire tapped").unwrap();
        assert_eq!(tap.before, vec![Box::from("WIRE")]);
        assert_eq!(v.candidates("taps").count(), 1);
    }

    #[test]
    fn reads_structured_patterns() {
        let (v, diags) = load(SNIPPET);
        let pats = v.patterns(v.lookup("help").unwrap());
        // Five patterns: the one coded [075A] is a user-defined code, accepted as written.
        assert_eq!(pats.len(), 5, "{diags:?}");
        let p0 = &pats[0];
        assert!(p0.pre.is_empty());
        let pp: Vec<_> = p0.post.preps().collect();
        assert_eq!(pp[0].prep, Term::Word("FOR".into()));
        assert_eq!(pp[0].objects[0].head, Term::Word("AID".into()));
        assert_eq!(pp[0].objects[0].modifiers, vec![Term::Word("FINANCIAL".into())]);
        assert_eq!(p0.comment.as_ref(), "ASK");
        assert_eq!(p0.loc.line, 19);
        let p1 = &pats[1];
        assert!(p1.pre.has_marker(Marker::Source));
        assert!(p1.post.has_marker(Marker::Target));
        assert_eq!((p1.code.active.unwrap().as_str(), p1.code.passive.unwrap().as_str()), ("042", "043"));
        let mil = v.synset_by_name("&MILITARY").unwrap().id;
        assert!(matches!(p1.post.preps().next().unwrap().objects[0].head, Term::Synset(id) if id == mil));
        assert!(v.synset_contains(mil, "armies"));
        assert!(v.synset_contains(mil, "forces"));
        assert!(v.synset_contains(mil, "TROOPS"));
        assert!(!v.synset_contains(mil, "troopses"));
        let ties = v.synset_by_name("TIES").unwrap().id;
        assert!(v.term_matches(&Term::Synset(ties), "army"), "nested synsets are flattened");
        let p2 = &pats[2];
        assert_eq!(p2.code.active, None);
        assert_eq!(p2.code.passive.unwrap().as_str(), "173");
        assert_eq!(p2.post.nouns().next().unwrap().modifiers, vec![Term::Word("HELP".into())]);
        let p3 = &pats[3];
        assert!(p3.post.has_marker(Marker::Skip) && p3.post.has_marker(Marker::Compound));
        assert_eq!(p3.code.active.unwrap().as_str(), "080");
        assert_eq!(v.transformations.len(), 2);
        assert_eq!(v.transformations[1].result.code, None);
    }

    #[test]
    fn reports_bad_patterns_by_line() {
        let (_, diags) = load(SNIPPET);
        let msgs: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        let want = [
            "v.verbs.txt:22: warning: code [080!]: trailing \"!\" ignored",
            "v.verbs.txt:23: error: undefined synset &UNDEFINED; pattern skipped",
            "v.verbs.txt:25: error: unclosed '(' in pattern",
            "v.verbs.txt:26: error: pattern has 0 '*' (the verb); expected exactly one",
        ];
        assert_eq!(msgs, want);
    }
}
