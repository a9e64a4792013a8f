//! PETRARCH2 dictionaries: readers for the actor, agent, verb-pattern, discard and issue formats,
//! the compiled matchers the coder uses, and a linter (`dyad dict check`).
//!
//! ```no_run
//! use dyad_dict::{Dictionaries, MatchScratch};
//! let dicts = Dictionaries::embedded();
//! let words = ["Iraqi", "Prime", "Minister", "Nuri", "Al-Maliki", "said"];
//! let (mut scratch, mut out) = (MatchScratch::new(), Vec::new());
//! dicts.actors.find_all(&words, &mut scratch, &mut out);
//! let date = chrono::NaiveDate::from_ymd_opt(2007, 8, 9).unwrap();
//! for m in &out {
//!     let actor = dicts.actors.get(m.entry).unwrap();
//!     println!("{} -> {:?}", actor.name(), actor.code_on(date));
//! }
//! let say = dicts.verbs.lookup("said").unwrap();
//! for p in dicts.verbs.patterns(say) {
//!     println!("{} [{}] at {}", p.text, p.code, p.loc);
//! }
//! ```

mod actors;
mod check;
mod code;
mod lists;
mod matcher;
pub mod model;
mod text;
mod verbs;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub use check::check;
pub use code::{ActorCode, ActorCodeError};
pub use matcher::{MatchScratch, PhraseMatcher};
pub use model::*;
pub use text::normalize_word;
pub use verbs::VerbDictionary;

use text::Diags;

/// Matcher of actor phrases.
pub type ActorMatcher = PhraseMatcher<ActorId>;
/// Matcher of agent phrases.
pub type AgentMatcher = PhraseMatcher<AgentId>;

/// A file that could not be loaded at all (a bad line is a [`Diagnostic`], not an error).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not valid UTF-8")]
    Utf8 { path: PathBuf },
    #[error("{path}: no dictionary files found (names must contain verb, actor, agent, discard or issue)")]
    NoDictionaries { path: PathBuf },
}

/// The actors of all actor files, and their phrase matcher.
#[derive(Debug, Clone, Default)]
pub struct ActorDictionary {
    pub actors: Vec<Actor>,
    pub matcher: ActorMatcher,
}

impl ActorDictionary {
    pub fn get(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(id.0 as usize)
    }

    pub fn len(&self) -> usize {
        self.actors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    /// Longest non-overlapping actor phrases in a sentence's words (see [`PhraseMatcher::find_all`]).
    pub fn find_all(&self, words: &[&str], scratch: &mut MatchScratch, out: &mut Vec<PhraseMatch<ActorId>>) {
        self.matcher.find_all(words, scratch, out);
    }

    /// The actor of exactly this phrase ("NURI AL-MALIKI", "Iraq").
    pub fn lookup(&self, phrase: &str) -> Option<&Actor> {
        self.matcher.lookup(phrase).and_then(|id| self.get(id))
    }
}

/// The agents of all agent files, and their phrase matcher (plural forms included).
#[derive(Debug, Clone, Default)]
pub struct AgentDictionary {
    pub agents: Vec<Agent>,
    pub matcher: AgentMatcher,
}

impl AgentDictionary {
    pub fn get(&self, id: AgentId) -> Option<&Agent> {
        self.agents.get(id.0 as usize)
    }

    pub fn len(&self) -> usize {
        self.agents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.agents.is_empty()
    }

    /// Longest non-overlapping agent phrases in a sentence's words.
    pub fn find_all(&self, words: &[&str], scratch: &mut MatchScratch, out: &mut Vec<PhraseMatch<AgentId>>) {
        self.matcher.find_all(words, scratch, out);
    }

    /// The agent of exactly this phrase ("prime ministers").
    pub fn lookup(&self, phrase: &str) -> Option<&Agent> {
        self.matcher.lookup(phrase).and_then(|id| self.get(id))
    }
}

/// The discard phrases and their matcher.
#[derive(Debug, Clone, Default)]
pub struct DiscardDictionary {
    pub discards: Vec<Discard>,
    pub matcher: PhraseMatcher<DiscardId>,
}

impl DiscardDictionary {
    pub fn get(&self, id: DiscardId) -> Option<&Discard> {
        self.discards.get(id.0 as usize)
    }

    pub fn len(&self) -> usize {
        self.discards.len()
    }

    pub fn is_empty(&self) -> bool {
        self.discards.is_empty()
    }

    /// Discard phrases found in a sentence's words.
    pub fn find_all(
        &self,
        words: &[&str],
        scratch: &mut MatchScratch,
        out: &mut Vec<PhraseMatch<DiscardId>>,
    ) {
        self.matcher.find_all(words, scratch, out);
    }

    /// The widest scope of the discards found in the sentence (`Story` beats `Sentence`), with
    /// the first discard of that scope; `None` when the sentence may be coded.
    pub fn check(
        &self,
        words: &[&str],
        scratch: &mut MatchScratch,
        out: &mut Vec<PhraseMatch<DiscardId>>,
    ) -> Option<&Discard> {
        self.find_all(words, scratch, out);
        let found = out.iter().filter_map(|m| self.get(m.entry));
        let mut best: Option<&Discard> = None;
        for d in found {
            if best.is_none_or(|b| b.scope == DiscardScope::Sentence && d.scope == DiscardScope::Story) {
                best = Some(d);
            }
        }
        best
    }
}

/// The issue phrases, exclusions and their matchers.
#[derive(Debug, Clone, Default)]
pub struct IssueDictionary {
    pub issues: Vec<Issue>,
    pub exclusions: Vec<IssueExclusion>,
    pub matcher: PhraseMatcher<IssueId>,
    /// Matches exclusion phrases; entries index [`IssueDictionary::exclusions`].
    pub exclusion_matcher: PhraseMatcher<u32>,
}

impl IssueDictionary {
    pub fn get(&self, id: IssueId) -> Option<&Issue> {
        self.issues.get(id.0 as usize)
    }

    pub fn len(&self) -> usize {
        self.issues.len()
    }

    pub fn is_empty(&self) -> bool {
        self.issues.is_empty()
    }

    /// Issue phrases found in a sentence's words. As in PETRARCH, the caller should drop all
    /// issues of the sentence when [`IssueDictionary::excluded`] finds an exclusion.
    pub fn find_all(&self, words: &[&str], scratch: &mut MatchScratch, out: &mut Vec<PhraseMatch<IssueId>>) {
        self.matcher.find_all(words, scratch, out);
    }

    /// The first exclusion phrase (`~`/`~~`) found in the sentence, if any.
    pub fn excluded(
        &self,
        words: &[&str],
        scratch: &mut MatchScratch,
        out: &mut Vec<PhraseMatch<u32>>,
    ) -> Option<&IssueExclusion> {
        self.exclusion_matcher.find_all(words, scratch, out);
        out.first().and_then(|m| self.exclusions.get(m.entry as usize))
    }
}

/// One dictionary text to load: a file name (for roles and evidence), its role and text.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub name: &'a str,
    pub role: Role,
    pub text: &'a str,
}

/// A complete set of dictionaries, immutable once built (`Send + Sync`).
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    pub actors: ActorDictionary,
    pub agents: AgentDictionary,
    pub verbs: VerbDictionary,
    pub discards: DiscardDictionary,
    pub issues: IssueDictionary,
    /// The files loaded, in load order.
    pub files: Vec<FileInfo>,
    /// Problems found while reading (bad lines are reported here and skipped).
    pub diagnostics: Vec<Diagnostic>,
}

/// The default set compiled into the binary: PETRARCH2's Phoenix dictionaries and CAMEO 2.0
/// verbs (MIT, see `data/LICENSE`), then dyad's additions (`data/dyad.extra.actors.txt`),
/// which win over earlier entries with the same phrase.
const EMBEDDED: &[(&str, Role, &str)] = &[
    ("CAMEO.2.0.txt", Role::Verbs, include_str!("../data/CAMEO.2.0.txt")),
    ("dyad.extra.verbs.txt", Role::Verbs, include_str!("../data/dyad.extra.verbs.txt")),
    ("Phoenix.Countries.actors.txt", Role::Actors, include_str!("../data/Phoenix.Countries.actors.txt")),
    (
        "Phoenix.International.actors.txt",
        Role::Actors,
        include_str!("../data/Phoenix.International.actors.txt"),
    ),
    ("Phoenix.MilNonState.actors.txt", Role::Actors, include_str!("../data/Phoenix.MilNonState.actors.txt")),
    ("dyad.extra.actors.txt", Role::Actors, include_str!("../data/dyad.extra.actors.txt")),
    ("Phoenix.agents.txt", Role::Agents, include_str!("../data/Phoenix.agents.txt")),
    ("dyad.extra.agents.txt", Role::Agents, include_str!("../data/dyad.extra.agents.txt")),
    ("Phoenix.discards.txt", Role::Discards, include_str!("../data/Phoenix.discards.txt")),
    ("Phoenix.IssueCoding.txt", Role::Issues, include_str!("../data/Phoenix.IssueCoding.txt")),
];

impl Dictionaries {
    /// The default dictionaries compiled into the binary, parsed on first use.
    pub fn embedded() -> &'static Dictionaries {
        static DICTS: OnceLock<Dictionaries> = OnceLock::new();
        DICTS.get_or_init(|| {
            Dictionaries::from_sources(EMBEDDED.iter().map(|&(name, role, text)| Source { name, role, text }))
        })
    }

    /// Loads every dictionary file of a folder, roles recognized by name
    /// ([`Role::from_file_name`]); other files are ignored. Files load in name order, so with
    /// equal phrases the entry of the later file wins.
    pub fn load_dir(path: impl AsRef<Path>) -> Result<Dictionaries, LoadError> {
        let path = path.as_ref();
        let io = |e| LoadError::Io { path: path.to_path_buf(), source: e };
        let mut files: Vec<(String, Role, PathBuf)> = Vec::new();
        for entry in std::fs::read_dir(path).map_err(io)? {
            let entry = entry.map_err(io)?;
            let p = entry.path();
            if !p.is_file() {
                continue;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(role) = Role::from_file_name(&name) {
                files.push((name, role, p));
            }
        }
        if files.is_empty() {
            return Err(LoadError::NoDictionaries { path: path.to_path_buf() });
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut texts = Vec::with_capacity(files.len());
        for (name, role, p) in &files {
            let bytes = std::fs::read(p).map_err(|e| LoadError::Io { path: p.clone(), source: e })?;
            let text = String::from_utf8(bytes).map_err(|_| LoadError::Utf8 { path: p.clone() })?;
            texts.push((name.as_str(), *role, text));
        }
        Ok(Dictionaries::from_sources(texts.iter().map(|(name, role, text)| Source {
            name,
            role: *role,
            text,
        })))
    }

    /// Loads a list of files by path, roles recognized by name.
    pub fn load_files<P: AsRef<Path>>(paths: &[P]) -> Result<Dictionaries, LoadError> {
        let mut texts = Vec::new();
        for p in paths {
            let p = p.as_ref();
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let Some(role) = Role::from_file_name(&name) else {
                continue;
            };
            let bytes = std::fs::read(p).map_err(|e| LoadError::Io { path: p.to_path_buf(), source: e })?;
            let text = String::from_utf8(bytes).map_err(|_| LoadError::Utf8 { path: p.to_path_buf() })?;
            texts.push((name, role, text));
        }
        if texts.is_empty() {
            return Err(LoadError::NoDictionaries { path: PathBuf::new() });
        }
        Ok(Dictionaries::from_sources(texts.iter().map(|(name, role, text)| Source {
            name,
            role: *role,
            text,
        })))
    }

    /// Builds dictionaries from texts already in memory, in the given order.
    pub fn from_sources<'a>(sources: impl IntoIterator<Item = Source<'a>>) -> Dictionaries {
        let mut dicts = Dictionaries::default();
        let mut diagnostics = Vec::new();
        for src in sources {
            let mut d = Diags { file: Arc::from(src.name), out: &mut diagnostics };
            let entries = match src.role {
                Role::Actors => {
                    let first = u32::try_from(dicts.actors.actors.len()).unwrap_or(u32::MAX);
                    let new = actors::parse_actors(src.text, first, &mut d);
                    let n = new.len();
                    dicts.actors.actors.extend(new);
                    n
                }
                Role::Agents => {
                    let first = u32::try_from(dicts.agents.agents.len()).unwrap_or(u32::MAX);
                    let new = actors::parse_agents(src.text, first, &mut d);
                    let n = new.len();
                    dicts.agents.agents.extend(new);
                    n
                }
                Role::Verbs => dicts.verbs.parse_into(src.text, &mut d),
                Role::Discards => {
                    let new = lists::parse_discards(src.text, &mut d);
                    let n = new.len();
                    dicts.discards.discards.extend(new);
                    n
                }
                Role::Issues => {
                    let (issues, excl) = lists::parse_issues(src.text, &mut d);
                    let n = issues.len();
                    dicts.issues.issues.extend(issues);
                    dicts.issues.exclusions.extend(excl);
                    n
                }
            };
            dicts.files.push(FileInfo { name: src.name.to_string(), role: src.role, entries });
        }
        dicts.diagnostics = diagnostics;
        dicts.build_matchers();
        dicts
    }

    fn build_matchers(&mut self) {
        let mut am = ActorMatcher::new();
        for a in &self.actors.actors {
            for p in &a.phrases {
                am.insert(&p.words, a.id);
            }
        }
        self.actors.matcher = am;
        let mut gm = AgentMatcher::new();
        for a in &self.agents.agents {
            for p in &a.phrases {
                gm.insert(&p.words, a.id);
            }
        }
        self.agents.matcher = gm;
        let mut dm = PhraseMatcher::new();
        for (i, d) in self.discards.discards.iter().enumerate() {
            let id = DiscardId(i as u32);
            if d.whole_word {
                dm.insert(&d.phrase.words, id);
            } else {
                dm.insert_stem(&d.phrase.words, id);
            }
        }
        self.discards.matcher = dm;
        let mut im = PhraseMatcher::new();
        for (i, issue) in self.issues.issues.iter().enumerate() {
            for p in &issue.phrases {
                im.insert(&p.words, IssueId(i as u32));
            }
        }
        self.issues.matcher = im;
        let mut em = PhraseMatcher::new();
        for (i, e) in self.issues.exclusions.iter().enumerate() {
            em.insert(&e.phrase.words, i as u32);
        }
        self.issues.exclusion_matcher = em;
        self.verbs.finish();
    }

    /// Errors among the load diagnostics.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }
}

#[cfg(test)]
mod tests;
