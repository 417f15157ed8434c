"""Where a prospect is: the prefecture-level cities of mainland China and their county-level
divisions (Q6: the suburbs and county towns are the centre's territory too).

The table (``counties.tsv``, made by ``tools/make_counties.py`` from a maintained dataset) is
read on first use only, so a command that never names an unknown place never pays for it.
A team writes ``江阴`` or ``江阴市`` as the city: that is 无锡's county-level city, so the
prospect's city is 无锡, its district 江阴市, and it is suburban unless the user said otherwise.
"""

from __future__ import annotations

import functools
from pathlib import Path

from yulin_cli.frozen import frozen
from yulin_cli.rules.duplicates import district_key, normalise_city

# County towns are suburban (远郊) by default; a city's own districts are not (RULES.md).
SUBURBAN_KINDS = frozenset({"县级市", "县", "自治县"})


@frozen(slots=False)
class Place:
    prefecture: str  # as a team writes its city: 无锡
    name: str  # the division's own name: 江阴市 (the city's own row: 无锡市)
    kind: str  # prefecture, 区, 县级市, 县, 自治县, 旗, ...
    lat: float | None  # a few divisions of the dataset have no seat's place
    lng: float | None

    @property
    def suburban(self) -> bool:
        return self.kind in SUBURBAN_KINDS


@functools.cache
def _lines() -> tuple[str, ...]:
    # Beside this module (not importlib.resources: that loads zipfile on every write).
    text = Path(__file__).with_name("counties.tsv").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


@functools.cache
def _rows() -> tuple[tuple[str, str, str, str, str], ...]:
    return tuple(tuple(line.split("\t")) for line in _lines())  # type: ignore[misc]


def _place(row: tuple[str, str, str, str, str]) -> Place:
    prefecture, name, kind, lat, lng = row
    return Place(prefecture, name, kind, float(lat) if lat else None, float(lng) if lng else None)


# The table is read in parts, each on first use: most prospects name a prefecture-level city
# and no district, which needs only the cities (a tenth of the rows).
@functools.cache
def _cities() -> dict[str, Place]:
    """Normalised prefecture -> its own row."""
    rows = (tuple(line.split("\t")) for line in _lines() if "\tprefecture\t" in line)
    return {normalise_city(row[0]): _place(row) for row in rows}  # type: ignore[arg-type]


@functools.cache
def _division_rows() -> dict[str, list[tuple[str, str, str, str, str]]]:
    """The divisions' rows by normalised prefecture."""
    found: dict[str, list[tuple[str, str, str, str, str]]] = {}
    for row in _rows():
        if row[2] != "prefecture":
            found.setdefault(normalise_city(row[0]), []).append(row)
    return found


@functools.lru_cache(maxsize=256)
def _divisions(city: str) -> dict[str, Place]:
    """The divisions of one normalised prefecture, by district key."""
    return {district_key(row[1]): _place(row) for row in _division_rows().get(city, ())}


@functools.cache
def _by_key() -> dict[str, tuple[Place, ...]]:
    """District key -> every division of that name, in the table's order."""
    found: dict[str, list[Place]] = {}
    for row in _rows():
        if row[2] != "prefecture":
            found.setdefault(district_key(row[1]), []).append(_place(row))
    return {k: tuple(v) for k, v in found.items()}


def city_place(city: str) -> Place | None:
    """The prefecture-level city itself (its seat's coordinates), or None."""
    return _cities().get(normalise_city(city))


def division(city: str, district: str) -> Place | None:
    """``district`` of ``city`` (吴江 and 吴江区 alike), or None when the table has no such one."""
    return _divisions(normalise_city(city)).get(district_key(district))


def county_of(name: str, near: str | None = None) -> Place | None:
    """The county-level division a city field names (江阴, 昆山市), when the name is not a
    prefecture itself. Among namesakes the one of ``near`` (the finder's centre) wins; an
    unambiguous name stands on its own."""
    if normalise_city(name) in _cities():
        return None
    found = _by_key().get(district_key(name), ())
    if near:
        mine = [p for p in found if normalise_city(p.prefecture) == normalise_city(near)]
        if mine:
            return mine[0]
    return found[0] if len(found) == 1 else None


@frozen(slots=False)
class Resolved:
    city: str
    district: str | None
    suburban: bool | None  # None: neither said nor implied
    place: Place | None  # the county-level division, when known
    county_typed: str | None = None  # the city as typed, when it was a county town (江阴)


@functools.lru_cache(maxsize=4096)  # an import's rows repeat a few places
def resolve(city: str, district: str | None, suburban: bool | None,
            near: str | None = None) -> Resolved:
    """A prospect's city, district and suburban flag as the team means them: a county town
    given as the city becomes the prefecture with that district; a known district takes its
    full name; a county town is suburban unless the user said it is not."""
    county = county_of(city, near)
    typed = None
    if county is not None:
        typed, city = city, normalise_city(county.prefecture)
        if not district or district_key(district) == district_key(county.name):
            district = county.name
        place: Place | None = county
    else:
        city = normalise_city(city)
        place = division(city, district) if district else None
        if place is not None:
            district = place.name
    if suburban is None and place is not None and place.suburban:
        suburban = True
    return Resolved(city, district, suburban, place, typed)


@functools.lru_cache(maxsize=4096)
def seat(city: str, district: str | None) -> Place | None:
    """Where distances are measured from: the county seat when the prospect lies in a county
    town, else the city's seat."""
    if district:
        place = division(city, district)
        if place is not None and place.kind != "区" and place.lat is not None:
            return place
    place = city_place(city)
    return place if place is not None and place.lat is not None else None


def area_of(city: str | None, district: str | None) -> tuple[float, float] | None:
    """The (lat, lng) a photo's place is checked against (Q15), or None when unknown."""
    place = seat(city, district) if city else None
    return None if place is None or place.lat is None or place.lng is None else (place.lat,
                                                                                 place.lng)
