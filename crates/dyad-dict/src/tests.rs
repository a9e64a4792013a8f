//! Crate-level tests: the embedded default set (counts, matching on real entries, the
//! extensions file) and the PETRARCH validation dictionaries under `testdata/`.

use super::*;
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn words(s: &str) -> Vec<&str> {
    s.split(' ').collect()
}

#[test]
fn embedded_set_loads_with_stable_counts() {
    let d = Dictionaries::embedded();
    let counts: Vec<(&str, usize)> = d.files.iter().map(|f| (f.name.as_str(), f.entries)).collect();
    assert_eq!(
        counts,
        [
            ("CAMEO.2.0.txt", 4664),
            ("dyad.extra.verbs.txt", 158),
            ("Phoenix.Countries.actors.txt", 18390),
            ("Phoenix.International.actors.txt", 7841),
            ("Phoenix.MilNonState.actors.txt", 1021),
            ("dyad.extra.actors.txt", 282),
            ("Phoenix.agents.txt", 2244),
            ("dyad.extra.agents.txt", 12),
            ("Phoenix.discards.txt", 506),
            ("Phoenix.IssueCoding.txt", 2973),
        ]
    );
    assert_eq!(d.verbs.blocks.len(), 403);
    assert_eq!(d.verbs.verbs.len(), 1825);
    assert_eq!(d.verbs.synsets.len(), 40);
    assert_eq!(d.verbs.transformations.len(), 8);
    assert_eq!(d.issues.exclusions.len(), 181);
    // The upstream files have a handful of bad lines; they are reported, not fatal. The
    // extensions files must be clean.
    assert!(d.error_count() < 40, "{}", d.error_count());
    let extra: Vec<_> =
        d.diagnostics.iter().filter(|x| x.loc.file.as_ref().starts_with("dyad.extra.")).collect();
    assert!(extra.is_empty(), "{extra:?}");
}

#[test]
fn finds_iraqi_prime_minister_maliki() {
    let d = Dictionaries::embedded();
    let w = words("Iraqi Prime Minister Nuri Al-Maliki said on Thursday");
    let (mut scratch, mut actors, mut agents) = (MatchScratch::new(), Vec::new(), Vec::new());
    d.actors.find_all(&w, &mut scratch, &mut actors);
    d.agents.find_all(&w, &mut scratch, &mut agents);
    // IRAQI -> IRQ; "Prime Minister Nuri Al-Maliki" is one synonym of the Maliki record.
    let iraq = d.actors.get(actors[0].entry).unwrap();
    assert_eq!((actors[0].start_word, actors[0].end_word), (0, 1));
    assert_eq!(iraq.code_on(date(2007, 8, 9)).unwrap().as_str(), "IRQ");
    let maliki = d.actors.get(actors[1].entry).unwrap();
    assert_eq!((actors[1].start_word, actors[1].end_word), (1, 5));
    assert_eq!(maliki.code_on(date(2007, 8, 9)).unwrap().as_str(), "IRQGOV");
    assert_eq!(maliki.code_on(date(2016, 1, 1)).unwrap().as_str(), "IRQELI");
    assert_eq!(
        maliki.dated_code_on(date(2007, 8, 9)).unwrap().loc.to_string(),
        "Phoenix.Countries.actors.txt:22637"
    );
    let pm = d.agents.get(agents[0].entry).unwrap();
    assert_eq!((agents[0].start_word, agents[0].end_word), (1, 3));
    assert_eq!(pm.code.to_string(), "~GOV");
    // The split tokens and the possessive find the same actor.
    d.actors.find_all(&words("Nuri al - Maliki 's government"), &mut scratch, &mut actors);
    assert_eq!(actors[0].entry, maliki.id);
    assert_eq!((actors[0].start_word, actors[0].end_word), (0, 4));
    d.actors.find_all(&words("Maliki's government"), &mut scratch, &mut actors);
    assert_eq!(actors[0].entry, maliki.id);
    // Agent plurals.
    assert_eq!(d.agents.lookup("prime ministers").unwrap().id, pm.id);
}

#[test]
fn extensions_override_and_close_ranges() {
    let d = Dictionaries::embedded();
    let code = |name: &str, y, m, day| {
        d.actors.lookup(name).and_then(|a| a.code_on(date(y, m, day))).map(|c| c.to_string())
    };
    assert_eq!(code("Tehran", 2020, 1, 1).as_deref(), Some("IRNGOV"));
    assert_eq!(code("Iranian", 2020, 1, 1).as_deref(), Some("IRN"));
    assert_eq!(code("Obama", 2012, 1, 1).as_deref(), Some("USAGOV"));
    assert_eq!(code("Obama", 2018, 1, 1).as_deref(), Some("USAELI"));
    assert_eq!(code("Trump", 2019, 1, 1).as_deref(), Some("USAGOV"));
    assert_eq!(code("Trump", 2023, 1, 1).as_deref(), Some("USAELI"));
    assert_eq!(code("Trump", 2025, 6, 1).as_deref(), Some("USAGOV"));
    assert_eq!(code("Zelenskyy", 2022, 3, 1).as_deref(), Some("UKRGOV"));
    assert_eq!(code("Ahmed al-Sharaa", 2025, 3, 1).as_deref(), Some("SYRGOV"));
    assert_eq!(code("Bashar al-Assad", 2025, 3, 1).as_deref(), Some("SYRELI"));
    assert_eq!(code("Netanyahu", 2022, 1, 1).as_deref(), Some("ISROPP"));
}

#[test]
fn verbs_and_lists_of_the_default_set() {
    let d = Dictionaries::embedded();
    let v = &d.verbs;
    let ask = v.lookup("asked").unwrap();
    assert_eq!(&*ask.head, "ASK");
    assert_eq!(ask.code.active.unwrap().as_str(), "020");
    assert!(v.patterns(ask).len() > 40);
    assert_eq!(v.block(ask.block).unwrap().loc.to_string(), "CAMEO.2.0.txt:912");
    let ask_for = v.lookup("ask_for").unwrap();
    assert_eq!(ask_for.after, vec![Box::from("FOR")]);
    assert!(v.find_multiword("asking", &["for"]).is_some());
    assert!(v.synset_by_name("&CURRENCY").is_some_and(|s| v.synset_contains(s.id, "dollars")));
    let (mut scratch, mut out) = (MatchScratch::new(), Vec::new());
    let found = d.discards.check(&words("He won the baseball championship"), &mut scratch, &mut out);
    assert!(found.is_some());
    assert!(d.discards.check(&words("Iran rejected the offer"), &mut scratch, &mut out).is_none());
    let mut issues = Vec::new();
    d.issues.find_all(&words("teachers and students protested"), &mut scratch, &mut issues);
    let codes: Vec<&str> = issues.iter().map(|m| &*d.issues.get(m.entry).unwrap().code).collect();
    assert_eq!(codes, ["TEACHERS", "STUDENTS"]);
}

#[test]
fn validation_dictionaries_load() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/petrarch-validate");
    let d = Dictionaries::load_dir(dir).unwrap();
    let counts: Vec<(&str, Role, usize)> =
        d.files.iter().map(|f| (f.name.as_str(), f.role, f.entries)).collect();
    assert_eq!(
        counts,
        [
            ("PETR_Validate_actors_2_02.txt", Role::Actors, 133),
            ("PETR_Validate_agents_2_02.txt", Role::Agents, 88),
            ("PETR_Validate_discards_2_02.txt", Role::Discards, 9),
            ("PETR_Validate_verbs_2_02.txt", Role::Verbs, 352),
        ]
    );
    // Corners: multi-line <!-- --> comments, lower-case codes, blanks in date restrictions,
    // substitution markers, nested synsets, (prep) synset members.
    let gollum = d.actors.lookup("SMEAGOL").unwrap();
    assert_eq!(gollum.code_on(date(1997, 1, 1)).unwrap().as_str(), "HOBGOV");
    assert_eq!(gollum.code_on(date(2001, 1, 1)).unwrap().as_str(), "HOBREB");
    assert!(d
        .diagnostics
        .iter()
        .any(|x| x.to_string().starts_with("PETR_Validate_actors_2_02.txt:32: warning: actor code \"pse\"")));
    assert!(d.agents.lookup("congresswoman").is_some());
    assert!(d.agents.lookup("ministry of silly walks").is_some());
    let lorien: Vec<String> =
        d.actors.lookup("LORIEN").unwrap().codes_on(date(2000, 1, 1)).map(|c| c.code.to_string()).collect();
    assert_eq!(lorien, ["ELR", "GAL"]);
    let acc = d.verbs.synset_by_name("&ACCORDSYN").unwrap();
    assert!(d.verbs.synset_contains(acc.id, "closer"));
    assert!(d.verbs.lookup("agreed").is_some());
    // Every diagnostic names its file and line.
    assert!(!d.diagnostics.is_empty());
    assert!(d.diagnostics.iter().all(|x| x.loc.line > 0 && x.loc.file.starts_with("PETR_Validate_")));
}

#[test]
fn load_dir_reports_missing_folder() {
    let err = Dictionaries::load_dir("/nonexistent/dyad-dict").unwrap_err();
    assert!(err.to_string().starts_with("/nonexistent/dyad-dict: cannot read"), "{err}");
}

#[test]
fn check_reports_overlaps_and_bad_codes() {
    let actors = "GONDOR [GON]\nDENETHOR\n\t[GONGOV 20010101-20051231]\n\t[GONMIL 20050101-20091231]\n\t[GONELI 20100101-20090101]\nMINAS_TIRITH [GON]\n+GONDOR\n";
    let verbs = "--- HELP [070] ---\nHELP\n- * AID [999]\n- * AID [0799]\n~ a (a b FLY) SAY = a b 138\n";
    let d = Dictionaries::from_sources([
        Source { name: "t.actors.txt", role: Role::Actors, text: actors },
        Source { name: "t.verbs.txt", role: Role::Verbs, text: verbs },
    ]);
    let msgs: Vec<String> = check(&d).iter().map(|x| x.to_string()).collect();
    assert_eq!(
        msgs,
        [
            "t.actors.txt:4: warning: date range of GONMIL overlaps GONGOV (line 3) for actor DENETHOR",
            "t.actors.txt:5: error: date range of GONELI ends (2009-01-01) before it starts (2010-01-01)",
            "t.actors.txt:7: warning: duplicate actor phrase GONDOR (also t.actors.txt:1); the later entry wins",
            "t.verbs.txt:3: warning: CAMEO code 999 in [999] is not in the CAMEO code list",
            "t.verbs.txt:4: warning: CAMEO code 0799 in [0799] is not in the CAMEO code list",
            "t.verbs.txt:5: warning: transformation names verb SAY, which is not in the dictionary",
            "t.verbs.txt:5: warning: transformation names verb FLY, which is not in the dictionary",
        ]
    );
}

#[test]
fn dictionaries_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Dictionaries>();
    assert_send_sync::<ActorMatcher>();
}

#[test]
fn plural_demonyms_code_like_their_country() {
    // Generated by scripts/gen_demonym_plurals.py: the plural copies the country's dated codes.
    let d = Dictionaries::embedded();
    let code = |p: &str, y: i32| {
        d.actors.lookup(p).and_then(|a| a.code_on(date(y, 6, 1))).map(|c| c.as_str().to_owned())
    };
    assert_eq!(code("algerians", 2010).as_deref(), Some("DZA"));
    assert_eq!(code("iraqis", 2010).as_deref(), Some("IRQ"));
    assert_eq!(code("turks", 2010).as_deref(), Some("TUR"));
    assert_eq!(code("ukrainians", 2010).as_deref(), Some("UKR"));
    assert_eq!(code("ukrainians", 1985).as_deref(), Some("USRUKR"));
    // "Albanians" is left out on purpose (see the script), and ambiguous plurals are dropped.
    assert!(d.actors.lookup("albanians").is_none());
    assert!(d.actors.lookup("koreans").is_none());
}

#[test]
fn a_block_named_again_extends_the_earlier_one() {
    let d = Dictionaries::from_sources([
        Source {
            name: "a.verbs.txt",
            role: Role::Verbs,
            text:
                "--- START [---] ---\nSTART\nBEGIN {BEGINS BEGAN BEGUN BEGINNING}\n- * TALKS [043] # START\n",
        },
        Source {
            name: "b.verbs.txt",
            role: Role::Verbs,
            text: "--- START [---] ---\n- * RALLY [141] # any\n",
        },
    ]);
    assert!(d.diagnostics.is_empty(), "{:?}", d.diagnostics);
    assert_eq!(d.verbs.blocks.len(), 1);
    let began = d.verbs.lookup("began").unwrap();
    let codes: Vec<&str> = d.verbs.patterns(began).iter().map(|p| &*p.code.raw).collect();
    assert_eq!(codes, ["043", "141"]);
    // A different code on the second header is reported; the first one stays.
    let d = Dictionaries::from_sources([
        Source { name: "a.verbs.txt", role: Role::Verbs, text: "--- START [---] ---\nSTART\n" },
        Source { name: "b.verbs.txt", role: Role::Verbs, text: "--- START [040] ---\n- * RALLY [141]\n" },
    ]);
    assert_eq!(d.verbs.blocks[0].code.raw.as_ref(), "---");
    assert!(d.diagnostics.iter().any(|x| x.message.contains("its code stays [---]")), "{:?}", d.diagnostics);
}
